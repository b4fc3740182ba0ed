import { tmpdir } from 'node:os';
import type { ContractService, Handlers } from '../shared/api/dispatch';
import { ApiError } from '../shared/api/errors';
import { loadTrustStore, type TrustStore } from './desk/crypto/trust-store';
import { nodeTokenWorkerLauncher } from './desk/tokens/node-launcher';
import type { TokenWorkerLauncher } from './desk/tokens/worker-process';
import { earlierSignatureStates } from './desk/verify/earlier-signatures';
import { EventBus } from './events';
import { loadCalendar } from './office/calendar/load';
import { officeOnStore, type CardSignIn, type Office, type SignInMethod } from './office/index';
import { cardIdentity } from './compose/card-identity';
import type { GeneratedPdfMark } from './office/generated-pdf';
import type { StoreLocation } from './office/store/open-store';
import { openCardDesk, type CardCallName, type CardDesk } from './compose/card-desk';
import { openPracticeCardDesk } from './compose/practice-card-desk';
import type { PracticeCard } from './desk/training-card/practice-card';
import { claimTrainingSandbox, trainingSandboxStore } from './compose/training-sandbox';
import { trainingWatermark } from './office/training-watermark';
import { DeskSettingsFile } from './compose/desk-settings';
import { documentContentHandlers } from './compose/document-content';
import { documentSignaturesHandlers } from './compose/document-signatures';
import { eniExportHandlers } from './compose/eni-export-handlers';
import { demoOfficeSeal } from './compose/eni-export-seal';
import { openOfficeStore } from './compose/office-store';
import { certifiedSignerCheck } from './compose/signer-check';
import { openSigningDesk, type SigningCallName } from './compose/signing-desk';
import { noTraineeDesk, openTraineeDesk, type TrainingWiring } from './training/session/wiring';
import { ClassSessions } from './training/console/class-sessions';
import { noTrainerConsole } from './training/console/elsewhere';
import { trainerConsole, type TrainerConsole } from './training/console/trainer-desk';

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
  /** A practice sandbox: its own embedded database, always with the demo city. */
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
 * How people sign in is part of the wiring: the embedded and training desks run on the demo city
 * and let people pick one of its fictitious staff; the shared server has no sign-in by name: people
 * sign in there with their card (serverCardSignIn), so nobody becomes someone else by naming them.
 */
const signInByMode: Record<DeskComposition['mode'], SignInMethod> = {
  embedded: 'demoPicker',
  training: 'demoPicker',
  server: 'identityProvider',
};

/** What each mode does to the PDFs its office generates: a training desk watermarks every one. */
const pdfMarkByMode: Record<DeskComposition['mode'], GeneratedPdfMark | undefined> = {
  embedded: undefined,
  training: trainingWatermark,
  server: undefined,
};

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

/** Where a mode keeps its data; a training desk claims its sandbox first (production data is refused). */
function storeLocation(composition: DeskComposition): StoreLocation {
  if (composition.mode === 'server')
    return { kind: 'postgres', connectionString: composition.connectionString };
  const dataDir =
    composition.mode === 'training' ? claimTrainingSandbox(composition.dataDir) : composition.dataDir;
  return { kind: 'pglite', dataDir };
}

type DeskCallName = CardCallName | SigningCallName;

interface DeskServices {
  handlers: Pick<Handlers, DeskCallName>;
  close(): Promise<void>;
}

/** The shared server has no card reader: the card's calls say where they are made instead. */
const noCardHere: DeskServices = {
  handlers: {
    'tokens.list': () => Promise.reject(new ApiError('desk_only')),
    'tokens.addModule': () => Promise.reject(new ApiError('desk_only')),
    'signing.start': () => Promise.reject(new ApiError('desk_only')),
    'signing.sign': () => Promise.reject(new ApiError('desk_only')),
    'signing.cancel': () => Promise.reject(new ApiError('desk_only')),
  },
  close: async () => undefined,
};

/**
 * The anchors a desk trusts: the shipped ones and the administrator's (DESPACHO_TRUST_DIRS), or, on a
 * training desk, none but the training CAs, whose signatures are never valid anyway.
 */
function trustFor(mode: DeskComposition['mode'], env: NodeJS.ProcessEnv): TrustStore {
  const store = loadTrustStore({ env });
  return mode === 'training' ? { ...store, anchors: [], intermediates: [] } : store;
}

/**
 * A workstation's cards: on a desk, the token worker started the runtime's way over the modules
 * found on the machine, named in DESPACHO_PKCS11_MODULES or added in the data folder's settings; on
 * a training desk, the practice card alone.
 */
async function openCards(
  composition: Exclude<DeskComposition, { mode: 'server' }>,
  events: EventBus,
  now: () => Date,
  options: ComposeOptions,
): Promise<CardDesk & { card?: PracticeCard }> {
  if (composition.mode === 'training') return openPracticeCardDesk({ events, now });
  return openCardDesk({
    launch: options.tokenWorker ?? nodeTokenWorkerLauncher(),
    settings: DeskSettingsFile.in(composition.dataDir),
    env: options.env ?? process.env,
    events,
    now,
  });
}

/** A workstation's own services: its cards and signing the office's resolutions with them. */
function deskServices(
  cards: CardDesk,
  office: Office,
  trust: TrustStore,
  events: EventBus,
  now: () => Date,
): DeskServices {
  const signing = openSigningDesk({
    office: office.signing,
    tokens: cards.tokens,
    knowsModule: cards.knows,
    events,
    signing: {
      intermediates: trust.intermediates.map((stored) => new Uint8Array(stored.certificate.raw)),
      earlierSignatures: earlierSignatureStates,
      now,
    },
    workDir: tmpdir(),
  });
  return {
    handlers: { ...cards.handlers, ...signing.handlers },
    async close() {
      await signing.close();
      await cards.close();
    },
  };
}

export async function composeDesk(composition: DeskComposition, options: ComposeOptions = {}): Promise<Desk> {
  const events = options.events ?? new EventBus();
  const calendar = loadCalendar(options.calendarDir);
  const now = options.now ?? (() => new Date());
  const location = storeLocation(composition);
  const trust = trustFor(composition.mode, options.env ?? process.env);
  const store = await openOfficeStore(
    location,
    composition.mode === 'server'
      ? {}
      : {
          demo: {
            cases: composition.demoCases ?? defaultDemoCases,
            calendar,
            now: now(),
            markPdf: pdfMarkByMode[composition.mode],
            ...(options.onSeedProgress ? { onProgress: options.onSeedProgress } : {}),
          },
        },
  );
  let office: Office;
  try {
    office = await officeOnStore(store, location, {
      mode: composition.mode,
      signIn: signInByMode[composition.mode],
      ...(composition.mode === 'server' ? { cardSignIn: serverCardSignIn(composition, trust) } : {}),
      events,
      calendar,
      now,
      notificationSweep: {},
      signerCheck: certifiedSignerCheck({ trust, acceptsPracticeCards: composition.mode !== 'server' }),
      markPdf: pdfMarkByMode[composition.mode],
    });
  } catch (error) {
    await store.close();
    throw error;
  }
  let desk: DeskServices;
  let practiceCard: PracticeCard | undefined;
  try {
    const cards = composition.mode === 'server' ? null : await openCards(composition, events, now, options);
    practiceCard = cards?.card;
    desk = cards ? deskServices(cards, office, trust, events, now) : noCardHere;
  } catch (error) {
    await office.close();
    throw error;
  }
  // Any desk verifies the documents it shows, with or without a card: verifying needs only trust.
  const documents = {
    ...documentSignaturesHandlers({ store, trust }),
    ...documentContentHandlers({ store }),
    // The index is sealed with the demo office's practice seal: the head's card does not sign it yet.
    ...eniExportHandlers({ store, seal: demoOfficeSeal, now }),
  };
  // A training desk serves its trainee (scenarios, progress) and watches what they do; no other desk has one.
  let trainee: TrainingWiring = noTraineeDesk;
  // ...and its trainers' console over the same trainees' attempts.
  let trainer: TrainerConsole = noTrainerConsole;
  if (composition.mode === 'training') {
    try {
      const opened = await openTraineeDesk({
        db: store.db,
        office,
        calendar,
        events,
        now,
        practiceCard,
        // A completion record names the trainer of the trainee's class session.
        trainerOf: (traineeId) => new ClassSessions(store.db).trainerOf(traineeId),
      });
      trainee = opened;
      trainer = trainerConsole({ db: store.db, coaching: opened.coaching, events, now });
    } catch (error) {
      await desk.close();
      await office.close();
      throw error;
    }
  }
  return {
    handlers: trainee.serve({ ...office.handlers, ...desk.handlers, ...documents, ...trainer.handlers }),
    actors: office.actors,
    events,
    left: (userId) => trainee.left(userId),
    async close() {
      trainer.close();
      await trainee.close();
      // Numbers reserved for what was not signed go back to the book before the store closes.
      await desk.close();
      await office.close();
    },
  };
}
