import { composeDesk, type Desk } from '../../src/main/compose';
import { freshPgliteFolder } from './fresh-pglite';
import { loadTestToken, type TestToken } from './softhsm';

/**
 * An embedded desk as the app composes it, on a fresh demo city of `demoCases` cases in `scratch`,
 * whose reader holds the test PKI's card (SoftHSM2) and whose office trusts the test root, as a
 * city hall trusts its CAs.
 */
export async function deskWithTestCard(
  scratch: string,
  demoCases: number,
): Promise<{ desk: Desk; token: TestToken }> {
  const token = loadTestToken();
  const desk = await composeDesk(
    { mode: 'embedded', dataDir: freshPgliteFolder(scratch, 'data-'), demoCases },
    {
      env: {
        ...process.env,
        DESPACHO_PKCS11_MODULES: token.modulePath,
        DESPACHO_TRUST_DIRS: token.anchorsDir,
      },
    },
  );
  return { desk, token };
}
