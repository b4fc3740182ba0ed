import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { composeDesk, type Desk } from '../../src/main/compose';
import { freshPgliteFolder } from './fresh-pglite';
import { loadTestToken, type TestToken } from './softhsm';

/**
 * The suite's embedded desk as the app composes it, on a fresh demo city of `demoCases` cases in a
 * scratch folder of its own, whose reader holds the test PKI's card (SoftHSM2) and whose office
 * trusts the test root, as a city hall trusts its CAs: opened before the suite's tests, closed and
 * its folder removed after them.
 */
export function deskWithTestCard(
  name: string,
  demoCases: number,
): { desk: () => Desk; token: () => TestToken } {
  let desk: Desk | undefined;
  let token: TestToken | undefined;
  let scratch: string | undefined;
  beforeAll(async () => {
    token = loadTestToken();
    scratch = mkdtempSync(join(tmpdir(), `despacho-${name}-`));
    desk = await composeDesk(
      { mode: 'embedded', dataDir: freshPgliteFolder(scratch, 'data-'), demoCases },
      {
        env: {
          ...process.env,
          DESPACHO_PKCS11_MODULES: token.modulePath,
          DESPACHO_TRUST_DIRS: token.anchorsDir,
        },
      },
    );
  });
  afterAll(async () => {
    await desk?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });
  return { desk: () => desk!, token: () => token! };
}
