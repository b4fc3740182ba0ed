import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import { openOfficeStore } from '../../src/main/compose/office-store';
import { loadCalendar } from '../../src/main/office/calendar/load';
import { copyClosedFolder } from './copy-closed-folder';

const madridDay = (now: Date): string =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Madrid' }).format(now);

/** Seeds the city beside its place and renames it into place: a city cut short is never copied. */
async function seedCity(city: string, cases: number, now: Date): Promise<void> {
  const partial = `${city}.partial`;
  rmSync(partial, { recursive: true, force: true });
  const store = await openOfficeStore(
    { kind: 'pglite', dataDir: partial },
    { demo: { cases, calendar: loadCalendar(), now } },
  );
  await store.close();
  renameSync(partial, city);
}

/** Whether this process took the city's seeding on (one process at a time holds the claim). */
function claim(claimDir: string): boolean {
  try {
    mkdirSync(claimDir);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * `dataDir` holding the demo city of `cases` cases that an embedded desk starting today seeds in a
 * new data folder (`openOfficeStore` with the demo city, as `composeDesk` does): a copy of the one
 * the run seeded when a test first asked (seeding is deterministic for a number of cases and a day,
 * and every test file seeding the same city cost seconds of CPU each). The file that claims the
 * city seeds it; another asking meanwhile waits for it, and takes the seeding on if that one fails
 * (the test's hook limit guards against a hang).
 */
export async function seededDemoCity(dataDir: string, cases: number): Promise<void> {
  const now = new Date();
  const city = join(inject('seededCitiesDir'), `${cases}-cases-${madridDay(now)}`);
  const claimDir = `${city}.claim`;
  while (!existsSync(city)) {
    if (claim(claimDir)) {
      try {
        await seedCity(city, cases, now);
      } catch (error) {
        rmSync(claimDir, { recursive: true, force: true });
        throw error;
      }
    } else await sleep(250);
  }
  copyClosedFolder(city, dataDir);
}
