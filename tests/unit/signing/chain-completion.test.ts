import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseSignedData } from '../../../src/main/desk/crypto/cms/parse';
import { loadTrustStore } from '../../../src/main/desk/crypto/trust-store';
import { checkPdfForSigning } from '../../../src/main/desk/signing/preflight';
import { signPdf } from '../../../src/main/desk/signing/sign-pdf';
import { extractSignatures, opensslCmsVerify } from '../../support/pdfs/validators';
import { expectSignedPdfValid } from './support/checks';
import { softwareSession } from './support/software-session';
import { pemToDer } from './support/test-ca';
import { createSigningWorld, type SigningWorld } from './support/world';

let world: SigningWorld;
/** A trust folder as an administrator lays it out: the root, and the intermediate under intermediates/. */
let trustDir: string;
beforeAll(async () => {
  world = await createSigningWorld();
  trustDir = mkdtempSync(join(tmpdir(), 'despacho-trust-'));
  writeFileSync(join(trustDir, 'root.pem'), world.ca.rootPem);
  mkdirSync(join(trustDir, 'intermediates'));
  writeFileSync(join(trustDir, 'intermediates', 'ac-sector-publico.pem'), world.ca.intermediatePem);
});

/** A card that holds only the signer's certificate. */
const bareCard = () => softwareSession(world.ca, world.leaves.rsa, []);

describe('a card without CA certificates', () => {
  it('gets its chain completed from the trust folder: openssl, given only the root, builds the path', async () => {
    const store = loadTrustStore({ extraDirs: [trustDir], env: {} });
    expect(store.intermediates.map((entry) => entry.label)).toEqual(['Despacho Test AC Sector Publico']);
    expect(store.anchors.map((entry) => entry.label)).toContain('Despacho Test Root CA');
    const signed = await signPdf(checkPdfForSigning(world.fixtures.classic), bareCard(), world.outDir(), {
      intermediates: store.intermediates.map((entry) => new Uint8Array(entry.certificate.raw)),
    });
    const [signature] = extractSignatures(signed.output);
    const embedded = parseSignedData(signature!.cms).certificates.map((der) =>
      Buffer.from(der).toString('hex'),
    );
    expect(embedded.sort()).toEqual(
      [world.leaves.rsa.certDer, pemToDer(world.ca.intermediatePem)]
        .map((der) => Buffer.from(der).toString('hex'))
        .sort(),
    );
    await expectSignedPdfValid(signed.output, {
      source: world.fixtures.classic,
      signatures: 1,
      caFile: world.ca.rootFile,
      store: loadTrustStore({ env: {}, extraDirs: [world.anchorsDir] }),
    });
  });

  it('reads the intermediates from DESPACHO_TRUST_DIRS by default', async () => {
    const previous = process.env.DESPACHO_TRUST_DIRS;
    process.env.DESPACHO_TRUST_DIRS = trustDir;
    try {
      const signed = await signPdf(checkPdfForSigning(world.fixtures.classic), bareCard(), world.outDir());
      const result = opensslCmsVerify(extractSignatures(signed.output)[0]!, world.ca.rootFile);
      expect(result.ok, result.text).toBe(true);
    } finally {
      if (previous === undefined) delete process.env.DESPACHO_TRUST_DIRS;
      else process.env.DESPACHO_TRUST_DIRS = previous;
    }
  });

  it('without them embeds the signer alone, which a validator given only the root cannot follow', async () => {
    const signed = await signPdf(checkPdfForSigning(world.fixtures.classic), bareCard(), world.outDir(), {
      intermediates: [],
    });
    const [signature] = extractSignatures(signed.output);
    expect(parseSignedData(signature!.cms).certificates).toHaveLength(1);
    const result = opensslCmsVerify(signature!, world.ca.rootFile);
    expect(result.ok).toBe(false);
    expect(result.text).toMatch(/unable to get local issuer certificate/);
  });
});
