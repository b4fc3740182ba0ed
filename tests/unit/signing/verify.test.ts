import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkPdfForSigning } from '../../../src/main/desk/signing/preflight';
import { signPdf } from '../../../src/main/desk/signing/sign-pdf';
import { earlierSignatureStates } from '../../../src/main/desk/verify/earlier-signatures';
import { loadTrustStore } from '../../../src/main/desk/crypto/trust-store';
import { verifyPdf } from '../../../src/main/desk/verify/verify-pdf';
import { appendContentChange, changeSignedByte } from '../../support/pdfs/tamper';
import { pdfsig } from '../../support/pdfs/validators';
import { softwareSession } from './support/software-session';
import { createTestCa } from './support/test-ca';
import { createSigningWorld, type SigningWorld } from './support/world';

let world: SigningWorld;
let signedClassic: string;
beforeAll(async () => {
  world = await createSigningWorld();
  signedClassic = (
    await signPdf(checkPdfForSigning(world.fixtures.classic), world.session('rsa'), world.outDir())
  ).output;
});

describe('verification', () => {
  it('reports the holder, the chain, the covered revision and the claimed time of a valid signature', async () => {
    const [report] = (await verifyPdf(signedClassic, world.store)).signatures;
    expect(report).toMatchObject({
      verdict: 'valid',
      format: 'pades-b-b',
      revision: 2,
      revisions: 2,
      changesAfter: 'none',
      time: { source: 'claimed' },
      certificateValidAtTime: true,
      signer: {
        name: 'Ana Pruebas Núñez',
        nif: '99999999R',
        organization: 'Ayuntamiento de Pruebas',
        position: 'Jefa de Servicio',
      },
      chain: { status: 'valid', anchor: 'Despacho Test Root CA' },
    });
  });

  it('detects a changed byte inside the signed range', async () => {
    const tampered = changeSignedByte(signedClassic);
    const [report] = (await verifyPdf(tampered, world.store)).signatures;
    expect(report!.integrity.ok).toBe(false);
    expect(report!.verdict).toBe('invalid');
    expect(pdfsig(tampered).valid).toEqual([false]);
  });

  it('tells content changed after the signature apart from later signatures', async () => {
    const changed = appendContentChange(signedClassic);
    const [report] = (await verifyPdf(changed, world.store)).signatures;
    expect(report!.integrity.ok).toBe(true);
    expect(report!.changesAfter).toBe('content');
    expect(report!.verdict).toBe('invalid');

    const countersigned = (
      await signPdf(checkPdfForSigning(signedClassic), world.session('ec'), world.outDir(), {
        earlierSignatures: earlierSignatureStates,
      })
    ).output;
    const reports = (await verifyPdf(countersigned, world.store)).signatures;
    expect(reports.map((item) => [item.revision, item.changesAfter, item.verdict])).toEqual([
      [2, 'signatures', 'valid'],
      [3, 'none', 'valid'],
    ]);
  });

  it('says "unknown issuer" (indeterminate) without the anchor', async () => {
    const [report] = (await verifyPdf(signedClassic, loadTrustStore({ env: {} }))).signatures;
    expect(report!.chain!.status).toBe('unknown');
    expect(report!.verdict).toBe('indeterminate');
  });

  it('takes extra anchors from DESPACHO_TRUST_DIRS', async () => {
    const [report] = (
      await verifyPdf(signedClassic, loadTrustStore({ env: { DESPACHO_TRUST_DIRS: world.anchorsDir } }))
    ).signatures;
    expect(report!.verdict).toBe('valid');
  });

  it('reports training-CA signatures as training, never valid, even when that CA is also an anchor', async () => {
    const trainingDir = fileURLToPath(new URL('../../../resources/training/ca/', import.meta.url));
    const training = createTestCa('Formacion', {
      keyFile: join(trainingDir, 'training-ca.key'),
      certFile: join(trainingDir, 'training-ca.pem'),
    });
    const session = softwareSession(training, training.issue({ name: 'ALUMNA FORMACION', key: 'ec-p256' }));
    const signed = await signPdf(checkPdfForSigning(world.fixtures.classic), session, world.outDir());
    const anchors = mkdtempSync(join(tmpdir(), 'despacho-anchors-'));
    copyFileSync(join(trainingDir, 'training-ca.pem'), join(anchors, 'training.pem'));
    const [report] = (await verifyPdf(signed.output, loadTrustStore({ extraDirs: [anchors], env: {} })))
      .signatures;
    expect(report!.integrity.ok && report!.signature.ok).toBe(true);
    expect(report!.chain!.status).toBe('training');
    expect(report!.verdict).toBe('training');
  });

  it('recognises a peer signature that is not PAdES baseline (signing-time, no signing-certificate-v2)', async () => {
    const [report] = (await verifyPdf(world.fixtures.signedByOtherTool, world.store)).signatures;
    expect(report!.integrity.ok).toBe(true);
    expect(report!.format).toBe('not-pades');
    expect(report!.signedAttributes).toContain('1.2.840.113549.1.9.5');
  });
});
