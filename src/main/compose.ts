import type { ContractService } from '../shared/api/dispatch';
import type { TrustStore } from './desk/crypto/trust-store';
import { nodeTokenWorkerLauncher } from './desk/tokens/node-launcher';
import type { TokenWorkerLauncher } from './desk/tokens/worker-process';
import { EventBus } from './events';
import { loadCalendar } from './office/calendar/load';
import type { CardSignIn } from './office/index';
import { cardIdentity } from './compose/card-identity';
import type { GeneratedPdfMark } from './office/generated-pdf';
import type { StoreLocation } from './office/store/open-store';
import { openCardDesk } from './compose/card-desk';
import { trainingSandboxStore } from './compose/training-sandbox';
import { DeskSettingsFile } from './compose/desk-settings';
import { pdfMarkByMode, trustFor } from './compose/desk-modes';
import { officeSealFor } from './compose/office-seal';
import { openOfficeStore } from './compose/office-store';
import { composeTrainingDesk } from './compose/training-desk';
import { openWorkstationDesk } from './compose/workstation-desk';
import { noTraineeDesk } from './training/session/wiring';
import { noTrainerConsole } from './training/console/elsewhere';

/**
 * The composition root: which services a desk runs, per mode. Modes are different wirings of the
 * same services, never flags read deep inside them.
 */
export type DeskComposition =
  /** One desk on its own embedded database (the default, demos). */
  | { mode: 'embedded'; dataDir: string; demoCases?: number }
  /**
   * The city hall's shared server over PostgreSQL; people sign in with their card. `publicAddress`
   * (https://…) is written into every sign-in challenge, so a desk signs only for the server it reaches.
   */
  | { mode: 'server'; connectionString: string; publicAddress?: string }
  /**
   * A practice class in a training folder of its own: the class's embedded store with the demo city,
   * and a sandbox copied from it for each trainee (compose/training-desk.ts).
   */
  | { mode: 'training'; dataDir: string; demoCases?: number };

/** A desk serves the contract (handlers, and who each connection's user is) and its events. */
export interface Desk extends ContractService {
  readonly events: EventBus;
  /** A transport saw the user close their last page (a training desk stops their exercise's clock). */
  left(userId: string): Promise<void>;
  close(): Promise<void>;
}

export interface ComposeOptions {
  calendarDir?: string;
  now?: () => Date;
  /** Told how many demo cases are seeded so far, when a fresh store gets the demo city. */
  onSeedProgress?: (done: number, total: number) => void;
  /**
   * How this runtime starts the token worker: the Electron app passes its utility-process launcher;
   * `serve`, the CLI and the tests get a Node child process.
   */
  tokenWorker?: TokenWorkerLauncher;
  /** DESPACHO_PKCS11_MODULES and DESPACHO_TRUST_DIRS are read from here (process.env by default). */
  env?: NodeJS.ProcessEnv;
  /** The desk's event bus, when a transport subscribed to it before the desk opened. */
  events?: EventBus;
}

const defaultDemoCases = 2_000;

/**
 * A data folder as the office's commands open it: a training sandbox's store, with the training
 * desk's mark on the PDFs they generate from it, or any other folder as it is, unmarked.
 */
export function commandDataFolder(dataDir: string): {
  storeDir: string;
  markPdf: GeneratedPdfMark | undefined;
} {
  const sandbox = trainingSandboxStore(dataDir);
  return sandbox === null
    ? { storeDir: dataDir, markPdf: pdfMarkByMode.embedded }
    : { storeDir: sandbox, markPdf: pdfMarkByMode.training };
}

/** The shared server checks a card that signs in with the desk's cryptography over its trust store. */
const serverCardSignIn = (
  composition: Extract<DeskComposition, { mode: 'server' }>,
  trust: TrustStore,
): CardSignIn => ({ identity: cardIdentity(trust), server: composition.publicAddress ?? null });

type WorkstationComposition = Exclude<DeskComposition, { mode: 'training' }>;

/** Where a desk keeps its data. */
function storeLocation(composition: WorkstationComposition): StoreLocation {
  return composition.mode === 'server'
    ? { kind: 'postgres', connectionString: composition.connectionString }
    : { kind: 'pglite', dataDir: composition.dataDir };
}

/**
 * The cards of a desk at a workstation: the token worker started the runtime's way over the modules
 * found on the machine, named in DESPACHO_PKCS11_MODULES or added in the data folder's settings.
 */
const workstationCards =
  (
    composition: Extract<DeskComposition, { mode: 'embedded' }>,
    events: EventBus,
    now: () => Date,
    options: ComposeOptions,
  ) =>
  () =>
    openCardDesk({
      launch: options.tokenWorker ?? nodeTokenWorkerLauncher(),
      settings: DeskSettingsFile.in(composition.dataDir),
      env: options.env ?? process.env,
      events,
      now,
    });

export async function composeDesk(composition: DeskComposition, options: ComposeOptions = {}): Promise<Desk> {
  const events = options.events ?? new EventBus();
  const calendar = loadCalendar(options.calendarDir);
  const now = options.now ?? (() => new Date());
  const env = options.env ?? process.env;
  if (composition.mode === 'training')
    return composeTrainingDesk({
      dataDir: composition.dataDir,
      demoCases: composition.demoCases ?? defaultDemoCases,
      events,
      calendar,
      now,
      env,
      ...(options.onSeedProgress ? { onSeedProgress: options.onSeedProgress } : {}),
    });
  const location = storeLocation(composition);
  const trust = trustFor(composition.mode, env);
  const store = await openOfficeStore(
    location,
    composition.mode === 'server'
      ? {}
      : {
          demo: {
            cases: composition.demoCases ?? defaultDemoCases,
            calendar,
            now: now(),
            ...(options.onSeedProgress ? { onProgress: options.onSeedProgress } : {}),
          },
        },
  );
  const workstation = await openWorkstationDesk({
    mode: composition.mode,
    store,
    location,
    events,
    calendar,
    now,
    trust,
    seal: officeSealFor(composition.mode, env),
    ...(composition.mode === 'server' ? { cardSignIn: serverCardSignIn(composition, trust) } : {}),
    openCards: composition.mode === 'server' ? null : workstationCards(composition, events, now, options),
  });
  // Only a training desk has trainees and trainers.
  return {
    handlers: noTraineeDesk.serve({ ...workstation.handlers, ...noTrainerConsole.handlers }),
    actors: workstation.office.actors,
    events,
    left: async () => undefined,
    close: () => workstation.close(),
  };
}
