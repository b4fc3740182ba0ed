import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { composeDesk, type Desk } from '../../src/main/compose';
import { openOfficeStore } from '../../src/main/compose/office-store';
import { loadCalendar } from '../../src/main/office/calendar/load';
import type { Store } from '../../src/main/office/store/open-store';
import { freshPgliteFolder } from './fresh-pglite';
import { loadTestToken, type TestToken } from './softhsm';

/**
 * The suite's embedded desk as the app composes it, on a fresh demo city of `demoCases` cases in a
 * scratch folder of its own, whose reader holds the test PKI's card (SoftHSM2) and whose office
 * trusts the test root, as a city hall trusts its CAs: opened before the suite's tests, closed and
 * its folder removed after them. `prepare` is given the seeded city before the desk opens it.
 */
export function deskWithTestCard(
  name: string,
  demoCases: number,
  prepare?: (store: Store, token: TestToken) => Promise<void>,
): { desk: () => Desk; token: () => TestToken; scratch: () => string } {
  let desk: Desk | undefined;
  let token: TestToken | undefined;
  let scratch: string | undefined;
  beforeAll(async () => {
    token = loadTestToken();
    scratch = mkdtempSync(join(tmpdir(), `despacho-${name}-`));
    const dataDir = freshPgliteFolder(scratch, 'data-');
    if (prepare) {
      // Seeded as the desk would seed it, so the desk then opens the prepared city as it is.
      const store = await openOfficeStore(
        { kind: 'pglite', dataDir },
        { demo: { cases: demoCases, calendar: loadCalendar(), now: new Date() } },
      );
      try {
        await prepare(store, token);
      } finally {
        await store.close();
      }
    }
    desk = await composeDesk(
      { mode: 'embedded', dataDir, demoCases },
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
  return { desk: () => desk!, token: () => token!, scratch: () => scratch! };
}
