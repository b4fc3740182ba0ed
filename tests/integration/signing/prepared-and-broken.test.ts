import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSignedData } from '../../../src/main/desk/crypto/cms/parse';
import { loadTrustStore, type TrustStore } from '../../../src/main/desk/crypto/trust-store';
import { checkPdfForSigning } from '../../../src/main/desk/signing/preflight';
import { signPdf } from '../../../src/main/desk/signing/sign-pdf';
import type { SigningSession } from '../../../src/main/desk/signing-session';
import { nodeTokenWorkerLauncher } from '../../../src/main/desk/tokens/node-launcher';
import { openTokenService, type TokenService } from '../../../src/main/desk/tokens/token-service';
import { runDespacho } from '../../support/despacho-command';
import { preparedFieldsPdf, resolutionPdf } from '../../support/pdfs/fixtures';
import { changeSignedByte } from '../../support/pdfs/tamper';
import { extractSignatures, opensslCmsVerify } from '../../support/pdfs/validators';
import { cardArgs } from '../../support/card-args';
import { despachoEnvOnToken, loadTestToken, type TestToken } from '../../support/softhsm';
import { expectSignedPdfValid } from '../../unit/signing/support/checks';

/**
 * The three signing-core defects on the SoftHSM2 token: a prepared field is filled (and chosen
 * with --field), a document whose earlier signature broke is refused, and a card that holds only
 * the signer's certificate still gets its chain embedded from the trust folder's intermediates.
 */
let token: TestToken;
let tokens: TokenService;
let inputs: string;
/** A trust folder as an administrator lays it out: the root, and the intermediate in intermediates/. */
let trustDir: string;
let store: TrustStore;
/** A plain resolution. */
let plain: string;
beforeAll(async () => {
  token = loadTestToken();
  tokens = openTokenService({ launch: nodeTokenWorkerLauncher(), modules: [token.modulePath] });
  inputs = mkdtempSync(join(tmpdir(), 'despacho-in-'));
  trustDir = mkdtempSync(join(tmpdir(), 'despacho-trust-'));
  copyFileSync(token.root.pem, join(trustDir, 'ac-raiz-pruebas.pem'));
  mkdirSync(join(trustDir, 'intermediates'));
  copyFileSync(token.intermediate.pem, join(trustDir, 'intermediates', 'ac-sector-publico-pruebas.pem'));
  store = loadTrustStore({ extraDirs: [trustDir], env: {} });
  plain = join(inputs, 'base.pdf');
  writeFileSync(plain, await resolutionPdf());
});
afterAll(() => tokens.close());

const despacho = (args: string[], input = '') => runDespacho(args, despachoEnvOnToken(token), input);

const sign = (file: string, out: string, extra: string[] = []) =>
  despacho(['sign', ...cardArgs(token), ...extra, file, '--out', out], `${token.userPin}\n`);

const outDir = () => mkdtempSync(join(tmpdir(), 'despacho-signed-'));

describe('despacho sign on documents that carry fields and signatures', { timeout: 180_000 }, () => {
  it('asks which of two empty fields, then fills the one named with --field and keeps the other', async () => {
    const source = join(inputs, 'dos-campos.pdf');
    writeFileSync(
      source,
      await preparedFieldsPdf([
        { name: 'Visto bueno', rect: [60, 40, 260, 110] },
        { name: 'Firma del Jefe', rect: [330, 40, 560, 130] },
      ]),
    );
    const asked = sign(source, outDir());
    expect(asked.status).toBe(3);
    expect(asked.stderr).toContain('tiene varios campos de firma vacíos («Visto bueno», «Firma del Jefe»)');

    const out = outDir();
    const result = sign(source, out, ['--field', 'Firma del Jefe']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('(Firma del Jefe)');
    const signed = join(out, 'dos-campos.pdf');
    await expectSignedPdfValid(signed, {
      source,
      signatures: 1,
      emptyFields: 1,
      caFile: token.root.pem,
      store,
    });
    const verified = despacho(['verify', signed]);
    expect(verified.status, verified.stdout).toBe(0);
    expect(verified.stdout).toContain('Firma 1 (Firma del Jefe): VÁLIDA');
  });

  it('refuses a document whose earlier signature no longer verifies, and says how to get a clean copy', () => {
    const first = outDir();
    const source = join(inputs, 'resolucion.pdf');
    copyFileSync(plain, source);
    expect(sign(source, first).status).toBe(0);
    const tampered = changeSignedByte(join(first, 'resolucion.pdf'), 'alterado.pdf');
    const out = outDir();
    const refused = sign(tampered, out);
    expect(refused.status).toBe(3);
    expect(refused.stderr).toContain(
      `alterado.pdf: la firma «Signature1» de ${token.keys.rsa2048.holder.name} ya no es válida`,
    );
    expect(refused.stderr).toContain('pida al remitente el archivo original');
    expect(readdirSync(out)).toEqual([]);
  });

  it("embeds the chain from the trust folder when the card holds only the signer's certificate", async () => {
    const opened = await tokens.openSigningSession({
      module: token.modulePath,
      token: token.tokenLabel,
      key: { id: token.keys.ecP256.id },
      pin: token.userPin,
    });
    // The test token holds the intermediate; this card, like many, shows only the signer's.
    const bareCard: SigningSession = {
      certificate: opened.certificate,
      chain: [],
      keyAlgorithm: opened.keyAlgorithm,
      sign: (data, params) => opened.sign(data, params),
      close: () => opened.close(),
    };
    try {
      const source = plain;
      const completed = await signPdf(checkPdfForSigning(source), bareCard, outDir(), {
        intermediates: store.intermediates.map((entry) => new Uint8Array(entry.certificate.raw)),
      });
      const [signature] = extractSignatures(completed.output);
      expect(parseSignedData(signature!.cms).certificates).toHaveLength(2);
      await expectSignedPdfValid(completed.output, { source, signatures: 1, caFile: token.root.pem, store });
      const bare = await signPdf(checkPdfForSigning(source), bareCard, outDir(), { intermediates: [] });
      expect(opensslCmsVerify(extractSignatures(bare.output)[0]!, token.root.pem).ok).toBe(false);
    } finally {
      await bareCard.close();
    }
  });
});
