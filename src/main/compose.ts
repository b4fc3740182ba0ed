import type { ContractService } from '../shared/api/dispatch';
import { EventBus } from './events';
import { loadCalendar } from './office/calendar/load';
import { seedDemo, StoreNotEmptyError } from './office/demo/seed';
import { officeOnStore, type SignInMethod } from './office/index';
import { seedDemoBook } from './compose/demo-book';
import { storedDocumentSigners } from './compose/document-signers';
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

/** A desk serves the contract (handlers, and who each connection's user is) and its events. */
export interface Desk extends ContractService {
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

/**
 * How people sign in is part of the wiring: the embedded and training desks run on the demo city
 * and let people pick one of its fictitious staff; the shared server has no sign-in by name (its
 * own, certificate-based, is still to come), so nobody there becomes someone else by naming them.
 */
const signInByMode: Record<DeskComposition['mode'], SignInMethod> = {
  embedded: 'demoPicker',
  training: 'demoPicker',
  server: 'identityProvider',
};

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
  const office = await officeOnStore(store, location, {
    mode: composition.mode,
    signIn: signInByMode[composition.mode],
    events,
    calendar,
    now,
    signerIdentities: storedDocumentSigners(store),
  });
  return { handlers: office.handlers, actors: office.actors, events, close: () => office.close() };
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
    await seedDemoBook(store, { now });
  } catch (error) {
    if (!(error instanceof StoreNotEmptyError)) throw error;
  }
}
