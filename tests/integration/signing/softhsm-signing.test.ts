import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPdfForSigning } from '../../../src/main/desk/signing/preflight';
import { signPdf } from '../../../src/main/desk/signing/sign-pdf';
import { pemToDer } from '../../unit/signing/support/test-ca';
import { expectSignedPdfValid } from '../../unit/signing/support/checks';
import { createSigningWorld, type SigningWorld } from '../../unit/signing/support/world';
import { nodeTokenWorkerLauncher } from '../../../src/main/desk/tokens/node-launcher';
import { openTokenService, type TokenService } from '../../../src/main/desk/tokens/token-service';
import { createSoftHsmToken, type SoftHsmToken } from './support/softhsm-token';

let world: SigningWorld;
let token: SoftHsmToken;
let tokens: TokenService;
beforeAll(async () => {
  world = await createSigningWorld();
  token = createSoftHsmToken(
    'Despacho Pruebas',
    '246810',
    [
      { label: 'Firma RSA', id: '01', leaf: world.leaves.rsa },
      { label: 'Firma EC', id: '02', leaf: world.leaves.ec },
      { label: 'Firma RSA 3072', id: '03', leaf: world.leaves.rsa3072 },
    ],
    [pemToDer(world.ca.intermediatePem)],
  );
  tokens = openTokenService({ launch: nodeTokenWorkerLauncher(), modules: [token.module] });
});
afterAll(() => tokens.close());

describe.each([
  ['a classic xref table', 'classic', 0],
  ['xref and object streams', 'objectStreams', 0],
  ['an earlier signature by another tool', 'signedByOtherTool', 1],
] as const)('on the SoftHSM2 token, countersigning a PDF with %s', (_label, fixture, foreign) => {
  it('keeps every signature valid for pdfsig, qpdf, openssl and our verifier', async () => {
    let source = world.fixtures[fixture];
    for (const [round, keyId] of ['01', '02', '03'].entries()) {
      const session = await tokens.openSigningSession({
        module: token.module,
        token: token.label,
        key: { id: keyId },
        pin: token.pin,
      });
      try {
        const signed = await signPdf(checkPdfForSigning(source), session, world.outDir());
        const own = await expectSignedPdfValid(signed.output, {
          source,
          signatures: foreign + round + 1,
          caFile: world.ca.rootFile,
          store: world.store,
          foreign,
        });
        expect(own.signatures.at(-1)!.format).toBe('pades-b-b');
        source = signed.output;
      } finally {
        await session.close();
      }
    }
  });
});
