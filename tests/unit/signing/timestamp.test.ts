import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signBatch } from '../../../src/main/desk/signing/batch';
import { parseSignedData } from '../../../src/main/desk/crypto/cms/parse';
import { Oid } from '../../../src/main/desk/crypto/oids';
import { checkPdfForSigning } from '../../../src/main/desk/signing/preflight';
import { signPdf } from '../../../src/main/desk/signing/sign-pdf';
import { earlierSignatureStates } from '../../../src/main/desk/verify/earlier-signatures';
import { extractSignatures } from '../../support/pdfs/validators';
import { startLocalTsa, unreachableTsaUrl, type LocalTsa } from '../../support/tsa';
import { expectSignedPdfValid } from './support/checks';
import { createSigningWorld, type SigningWorld } from './support/world';

let world: SigningWorld;
let tsa: LocalTsa;
beforeAll(async () => {
  world = await createSigningWorld();
  tsa = await startLocalTsa();
});
afterAll(async () => {
  await tsa.close();
});

describe('PAdES B-T', () => {
  it.each(['classic', 'objectStreams'] as const)(
    'adds a time-stamp token over the signature value (%s)',
    async (fixture) => {
      const source = world.fixtures[fixture];
      const signed = await signPdf(checkPdfForSigning(source), world.session('rsa'), world.outDir(), {
        tsaUrl: tsa.url,
      });
      const own = await expectSignedPdfValid(signed.output, {
        source,
        signatures: 1,
        caFile: world.ca.rootFile,
        store: world.store,
      });
      const [report] = own.signatures;
      expect(report!.format).toBe('pades-b-t');
      expect(report!.timestamp).toMatchObject({
        ok: true,
        tsa: expect.stringContaining('Despacho Test TSA'),
      });
      expect(report!.time.source).toBe('timestamp');
      const info = parseSignedData(extractSignatures(signed.output)[0]!.cms).signerInfos[0]!;
      expect(info.unsignedAttributes.map((attribute) => attribute.type)).toEqual([
        Oid.signatureTimeStampToken,
      ]);
    },
  );

  it('keeps an earlier B-T signature valid when countersigned', async () => {
    const first = await signPdf(
      checkPdfForSigning(world.fixtures.classic),
      world.session('rsa'),
      world.outDir(),
      { tsaUrl: tsa.url },
    );
    const second = await signPdf(checkPdfForSigning(first.output), world.session('ec'), world.outDir(), {
      tsaUrl: tsa.url,
      earlierSignatures: earlierSignatureStates,
    });
    const own = await expectSignedPdfValid(second.output, {
      source: first.output,
      signatures: 2,
      caFile: world.ca.rootFile,
      store: world.store,
    });
    expect(own.signatures.map((report) => report.format)).toEqual(['pades-b-t', 'pades-b-t']);
  });

  it('writes no file when the TSA is down', async () => {
    const out = world.outDir();
    const url = await unreachableTsaUrl();
    const outcome = await signBatch({
      files: [world.fixtures.classic],
      outDir: out,
      openSession: async () => world.session('rsa'),
      options: { tsaUrl: url },
    });
    expect(outcome.status).toBe('stopped');
    expect(
      outcome.status === 'stopped' && [outcome.error.kind, outcome.error.key, outcome.signed.length],
    ).toEqual(['tsa', 'signing.tsa.unreachable', 0]);
    expect(readdirSync(out)).toEqual([]);
  });
});
