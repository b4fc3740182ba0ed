import { verify, X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amendmentRequestSigner } from '../../../src/main/compose/amendment-request-signer';
import { configuredSeal, officeSealFor, sealFiles } from '../../../src/main/compose/office-seal';
import { ApiError } from '../../../src/shared/api/errors';
import { pdfsig } from '../../support/pdfs/validators';
import { rejectionOf } from '../../support/rejection';
import { thrownBy } from '../../support/thrown';
import { createTestCa, pemToDer, type TestCa, type TestLeaf } from './support/test-ca';

/**
 * Issue 9 ("the server has no real organ seal"): a request or an index no card signs is sealed by
 * the office. The demo and training desks seal with the demo office's practice seal; the shared
 * server only with the organ's own seal its administrator configures, and without one it refuses
 * in words instead of sealing with a practice key.
 */
let dir: string;
let ca: TestCa;
let rsaSeal: TestLeaf;
let ecSeal: TestLeaf;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'despacho-office-seal-'));
  ca = createTestCa('Despacho Seal Test');
  rsaSeal = ca.issue({ name: 'SELLO DE ORGANO AYUNTAMIENTO DE ELCHE (pruebas)', key: 'rsa-2048' });
  ecSeal = ca.issue({ name: 'SELLO EC (pruebas)', key: 'ec-p256' });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The seal's files as an administrator leaves them, and the environment naming them. */
function sealEnv(leaf: Pick<TestLeaf, 'keyPem' | 'certPem'>, name: string): NodeJS.ProcessEnv {
  const key = join(dir, `${name}.key.pem`);
  const certificate = join(dir, `${name}.cert.pem`);
  writeFileSync(key, leaf.keyPem, { mode: 0o600 });
  writeFileSync(certificate, leaf.certPem);
  return { [sealFiles.key]: key, [sealFiles.certificate]: certificate };
}

const refusal = async (run: () => Promise<unknown>) => (await rejectionOf(run())).toData();
const thrownData = (run: () => unknown) => thrownBy(ApiError, run).toData();

/** A moment after the test CA issued the seals (their validity starts when they are issued). */
const now = () => new Date();

describe('the office seal of each wiring', () => {
  it('demo and training desks seal with the demo office’s practice seal', async () => {
    for (const mode of ['embedded', 'training'] as const) {
      const session = await officeSealFor(mode, {})(now());
      expect(new X509Certificate(session.certificate).subject).toContain('Sello electrónico');
      await session.close();
    }
  });

  it('a shared server with no seal configured refuses to seal, in words, and never takes the practice seal', async () => {
    expect(await refusal(() => officeSealFor('server', {})(now()))).toEqual({ code: 'seal_not_configured' });
  });

  it('seals with the organ’s own key, RSA or EC, its signature verifying against its certificate', async () => {
    for (const [leaf, type] of [
      [rsaSeal, 'rsa'],
      [ecSeal, 'ec'],
    ] as const) {
      const session = await officeSealFor('server', sealEnv(leaf, type))(now());
      expect(session.keyAlgorithm.type).toBe(type);
      expect(Buffer.from(session.certificate)).toEqual(Buffer.from(leaf.certDer));
      const data = new TextEncoder().encode('atributos firmados');
      const signature = await session.sign(data, {
        hash: 'SHA-256',
        scheme: type === 'rsa' ? 'rsa-pkcs1' : 'ecdsa',
      });
      expect(verify('sha256', data, new X509Certificate(leaf.certPem).publicKey, signature)).toBe(true);
    }
  });

  it('refuses at start a seal named by half, unreadable, or whose key is not its certificate’s, naming the file', () => {
    const whole = sealEnv(rsaSeal, 'whole');
    const keyOnly = { [sealFiles.key]: whole[sealFiles.key] };
    expect(() => configuredSeal(keyOnly)).toThrow(ApiError);
    const missing = { ...whole, [sealFiles.certificate]: join(dir, 'nowhere.pem') };
    expect(thrownData(() => configuredSeal(missing))).toEqual({
      code: 'seal_unusable',
      params: { path: join(dir, 'nowhere.pem') },
    });
    const crossed = { ...sealEnv(ecSeal, 'crossed'), [sealFiles.key]: whole[sealFiles.key] };
    expect(thrownData(() => configuredSeal(crossed))).toEqual({
      code: 'seal_unusable',
      params: { path: whole[sealFiles.key] },
    });
  });

  it('refuses to seal outside its certificate’s validity, with its dates', async () => {
    const seal = configuredSeal(sealEnv(rsaSeal, 'dated'));
    const refused = await refusal(() => seal(new Date('2001-01-01T00:00:00Z')));
    expect(refused).toMatchObject({
      code: 'seal_not_valid_now',
      params: { from: expect.stringMatching(/^\d{4}-\d\d-\d\d$/) },
    });
  });

  it('an amendment request no card signs is sealed by the organ’s seal: pdfsig reads its name; with no seal, nothing is signed', async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage([300, 300]);
    const document = {
      pdf: await pdf.save(),
      name: 'URB-2026-000001',
      reason: 'Requerimiento de subsanación',
      at: now(),
    };
    const intermediates = [pemToDer(ca.intermediatePem)];
    const sealed = await amendmentRequestSigner({
      seal: officeSealFor('server', sealEnv(rsaSeal, 'request')),
      card: () => null,
      intermediates,
    })(
      { id: 'urb-01', name: 'Tramitador', departmentId: 'urbanismo', roles: ['processor'] },
      undefined,
    )(document);
    if (!('signed' in sealed)) throw new Error('not sealed');
    expect(sealed.signedWith).toBe('seal');
    const file = join(dir, 'request.pdf');
    writeFileSync(file, sealed.signed);
    const report = pdfsig(file);
    expect(report.valid).toEqual([true]);
    expect(report.text).toContain('SELLO DE ORGANO AYUNTAMIENTO DE ELCHE (pruebas)');

    const unsealed = amendmentRequestSigner({
      seal: officeSealFor('server', {}),
      card: () => null,
      intermediates,
    })({ id: 'urb-01', name: 'Tramitador', departmentId: 'urbanismo', roles: ['processor'] }, undefined);
    expect(await refusal(() => unsealed(document))).toEqual({ code: 'seal_not_configured' });
  });
});
