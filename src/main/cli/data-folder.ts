import { existsSync } from 'node:fs';
import { openOfficeStore } from '../compose/office-store';
import type { Store } from '../office/store/open-store';
import { reportOfficeFailure } from './office-failure';
import { cliText } from './text';

/**
 * Runs a command's work on the store of an existing data folder and closes it whatever happens.
 * A folder that is not there is refused, because opening it would make a new, empty store and the
 * command would quietly act on nothing; a failure the user can act on is reported. Both give the
 * command's `unusable` exit code. The work reports its own refusals; anything else is a bug and goes on up.
 */
export async function onDataFolder(
  dataDir: string,
  unusable: number,
  work: (store: Store) => Promise<number>,
): Promise<number> {
  if (!existsSync(dataDir)) {
    process.stderr.write(`${cliText('office.cli.noData', { path: dataDir })}\n`);
    return unusable;
  }
  let store: Store | null = null;
  try {
    store = await openOfficeStore({ kind: 'pglite', dataDir });
    return await work(store);
  } catch (error) {
    reportOfficeFailure(error);
    return unusable;
  } finally {
    await store?.close();
  }
}
