import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPdfForSigning } from '../../../src/main/desk/signing/preflight';
import { signPdf } from '../../../src/main/desk/signing/sign-pdf';
import { earlierSignatureStates } from '../../../src/main/desk/verify/earlier-signatures';
import { loadTrustStore, type TrustStore } from '../../../src/main/desk/crypto/trust-store';
import { nodeTokenWorkerLauncher } from '../../../src/main/desk/tokens/node-launcher';
import { openTokenService, type TokenService } from '../../../src/main/desk/tokens/token-service';
import { createPdfFixtures, type PdfFixtures } from '../../support/pdfs/fixtures';
import { loadTestToken, type TestKeyName, type TestToken } from '../../support/softhsm';
import { expectSignedPdfValid } from '../../unit/signing/support/checks';

let token: TestToken;
let fixtures: PdfFixtures;
let store: TrustStore;
let tokens: TokenService;
beforeAll(async () => {
  token = loadTestToken();
  fixtures = await createPdfFixtures();
  store = loadTrustStore({ extraDirs: [token.anchorsDir], env: {} });
  tokens = openTokenService({ launch: nodeTokenWorkerLauncher(), modules: [token.modulePath] });
});
afterAll(() => tokens.close());

/** One signature per key type the desk signs with: RSA-2048, EC P-256, RSA-3072, EC P-384. */
const signers: readonly TestKeyName[] = ['rsa2048', 'ecP256', 'rsa3072', 'ecP384'];

describe.each([
  ['a classic xref table', 'classic', 0],
  ['xref and object streams', 'objectStreams', 0],
  ['an earlier signature by another tool', 'signedByOtherTool', 1],
] as const)('on the SoftHSM2 token, countersigning a PDF with %s', (_label, fixture, foreign) => {
  it('keeps every signature valid for pdfsig, qpdf, openssl and our verifier', async () => {
    let source = fixtures[fixture];
    for (const [round, name] of signers.entries()) {
      const session = await tokens.openSigningSession({
        module: token.modulePath,
        token: token.tokenLabel,
        key: { id: token.keys[name].id },
        pin: token.userPin,
      });
      try {
        const signed = await signPdf(
          checkPdfForSigning(source),
          session,
          mkdtempSync(join(tmpdir(), 'despacho-signed-')),
          { earlierSignatures: earlierSignatureStates },
        );
        const own = await expectSignedPdfValid(signed.output, {
          source,
          signatures: foreign + round + 1,
          caFile: token.root.pem,
          store,
          foreign,
        });
        const last = own.signatures.at(-1)!;
        expect(last.format).toBe('pades-b-b');
        expect(last.signer?.nif).toBe(token.keys[name].holder.nif);
        source = signed.output;
      } finally {
        await session.close();
      }
    }
  });
});
