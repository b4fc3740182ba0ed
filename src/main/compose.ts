import type { Handlers } from '../shared/api/dispatch';
import { EventBus } from './events';
import { loadCalendar } from './office/calendar/load';
import { seedDemo, StoreNotEmptyError } from './office/demo/seed';
import { officeOnStore } from './office/index';
import { migrate } from './office/store/migrate';
import { openStore, type Store, type StoreLocation } from './office/store/open-store';

/**
 * The composition root: which services a desk runs, per mode. Modes are different wirings of the
 * same services, never flags read deep inside them.
 */
export type DeskComposition =
  /** One desk on its own embedded database (the default, demos). */
  | { mode: 'embedded'; dataDir: string; demoCases?: number }
  /** The city hall's shared server over PostgreSQL. */
  | { mode: 'server'; connectionString: string }
  /** A practice sandbox: its own embedded database, always with the demo city. */
  | { mode: 'training'; dataDir: string; demoCases?: number };

export interface Desk {
  readonly handlers: Handlers;
  readonly events: EventBus;
  close(): Promise<void>;
}

export interface ComposeOptions {
  calendarDir?: string;
  now?: () => Date;
  /** Told how many demo cases are seeded so far, when a fresh store gets the demo city. */
  onSeedProgress?: (done: number, total: number) => void;
}

const defaultDemoCases = 2_000;

function storeLocation(composition: DeskComposition): StoreLocation {
  return composition.mode === 'server'
    ? { kind: 'postgres', connectionString: composition.connectionString }
    : { kind: 'pglite', dataDir: composition.dataDir };
}

export async function composeDesk(composition: DeskComposition, options: ComposeOptions = {}): Promise<Desk> {
  const events = new EventBus();
  const calendar = loadCalendar(options.calendarDir);
  const now = options.now ?? (() => new Date());
  const location = storeLocation(composition);
  const store = await openStore(location);
  try {
    await migrate(store);
    if (composition.mode !== 'server') {
      await seedWhenEmpty(store, calendar, composition.demoCases ?? defaultDemoCases, now(), options);
    }
  } catch (error) {
    await store.close();
    throw error;
  }
  const office = await officeOnStore(store, location, { mode: composition.mode, events, calendar, now });
  return { handlers: office.handlers, events, close: () => office.close() };
}

/** A fresh embedded store opens on the demo city; a store that already has cases is left alone. */
async function seedWhenEmpty(
  store: Store,
  calendar: ReturnType<typeof loadCalendar>,
  cases: number,
  now: Date,
  options: ComposeOptions,
): Promise<void> {
  if (cases <= 0) return;
  try {
    await seedDemo(store, calendar, { cases, now, onProgress: options.onSeedProgress });
  } catch (error) {
    if (!(error instanceof StoreNotEmptyError)) throw error;
  }
}
