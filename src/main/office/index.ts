import type { ActorResolver } from '../../shared/api/access';
import type { Handlers } from '../../shared/api/dispatch';
import type { CallName } from '../../shared/api/index';
import type { EventBus } from '../events';
import {
  amendmentsHandlers,
  type AmendmentRequestSigner,
  type AmendmentsCallName,
} from './amendments/handlers';
import { recomputeDueDates } from './amendments/recompute';
import { loadAmendmentTemplate } from './amendments/template';
import { bookHandlers } from './book/handlers';
import { loadCalendar } from './calendar/load';
import { casesHandlers } from './cases/handlers';
import { caseworkHandlers, type CaseworkCallName } from './casework/handlers';
import { caseworkTemplates } from './casework/templates';
import { notificationsHandlers, type NotificationsCallName } from './notifications/handlers';
import { startSweeper, type SweepTimer } from './notifications/sweeper';
import { openChangeFeed } from './change-feed';
import type { GeneratedPdfMark } from './generated-pdf';
import { loadResolutionTemplates, type ResolutionTemplates } from './resolutions/template';
import { announcer } from './signatures/announce';
import { DocumentContents } from './signatures/document-contents';
import { signaturesHandlers, type SignaturesCallName } from './signatures/handlers';
import type { SignerCheck } from './signatures/signer-check';
import { signingOfficeHandlers, type SigningOfficeCallName } from './signatures/signing-office-handlers';
import { signingOffice, type SigningOffice } from './signatures/signing-port';
import type { LegalCalendar } from '../../shared/domain/calendar';
import type { CardSignIn } from './card-sign-in';
import { sessionHandlers, type OfficeMode, type SignInMethod } from './session';
import { migrate } from './store/migrate';
import { openStore, type Store, type StoreLocation } from './store/open-store';
import { ActorDirectory } from './users';

export type OfficeCallName =
  | Extract<CallName, `session.${string}` | `cases.${string}` | `book.${string}`>
  | SignaturesCallName
  | CaseworkCallName
  | AmendmentsCallName
  | SigningOfficeCallName;
export type OfficeHandlers = Pick<Handlers, OfficeCallName | NotificationsCallName>;

export interface Office {
  readonly handlers: OfficeHandlers;
  /** Who a connection's signed-in user is: `dispatch` and the event transports ask it. */
  readonly actors: ActorResolver;
  /** The office side of signing resolutions, for the desk's signing service. */
  readonly signing: SigningOffice;
  close(): Promise<void>;
}

export interface OfficeOptions {
  store: StoreLocation;
  mode: OfficeMode;
  /** Chosen by the composition: demo desks offer their people, a server has no sign-in by name. */
  signIn: SignInMethod;
  /** 'cases.changed' is emitted here on every change. */
  events: EventBus;
  /** The current instant; injectable so tests can fix "today". */
  today?: () => Date;
  /** Holiday calendars folder (resources/calendars by default). */
  calendarDir?: string;
}

export async function officeOnStore(
  store: Store,
  location: StoreLocation,
  options: {
    mode: OfficeMode;
    signIn: SignInMethod;
    /** How the card proves who signs in, where people sign in with it (the server's composition). */
    cardSignIn?: CardSignIn;
    events: EventBus;
    calendar: LegalCalendar;
    now?: () => Date;
    /**
     * Verifies a signature and reads who made it (the desk's part, given by the composition).
     * Without it the office confirms no signature.
     */
    signerCheck?: SignerCheck;
    /** Resolution templates (resources/templates/resolutions.json by default). */
    templates?: ResolutionTemplates;
    /** Marks every PDF the office generates before it is hashed, stored or signed (the training watermark). */
    markPdf?: GeneratedPdfMark;
    /** Sweeps notifications at start-up and every hour (art. 43.2); the desk's composition turns it on. */
    notificationSweep?: { timer?: SweepTimer; onError?: (error: unknown) => void };
    /** Signs amendment requests (the desk's card or the office's seal); without it none is issued. */
    signAmendmentRequest?: AmendmentRequestSigner;
  },
): Promise<Office> {
  const now = options.now ?? (() => new Date());
  // Due dates are derived data: a calendar file that changed since the last start moves them here.
  await recomputeDueDates(store.db, options.calendar, now());
  const changes = await openChangeFeed(location, store.db, options.events);
  const signatures = {
    db: store.db,
    templates: options.templates ?? loadResolutionTemplates(),
    contents: new DocumentContents(store.documentsDir),
    now,
    announce: announcer(changes),
    signers: options.signerCheck ?? null,
    markPdf: options.markPdf,
  };
  const signing = signingOffice(signatures);
  const sweeper = options.notificationSweep
    ? startSweeper({ db: store.db, calendar: options.calendar, changes, now, ...options.notificationSweep })
    : null;
  return {
    handlers: {
      ...sessionHandlers(store.db, {
        mode: options.mode,
        signIn: options.signIn,
        now,
        ...(options.cardSignIn ? { card: options.cardSignIn } : {}),
      }),
      ...casesHandlers({ db: store.db, calendar: options.calendar, changes, now }),
      ...bookHandlers({ db: store.db, now }),
      ...signaturesHandlers(signatures),
      ...caseworkHandlers({
        ...signatures,
        calendar: options.calendar,
        changes,
        templates: caseworkTemplates(),
        resolutionTemplates: signatures.templates,
      }),
      ...notificationsHandlers({
        ...signatures,
        calendar: options.calendar,
        changes,
        issuer: signatures.templates.issuer,
      }),
      ...amendmentsHandlers({
        ...signatures,
        calendar: options.calendar,
        changes,
        template: loadAmendmentTemplate(),
        issuer: signatures.templates.issuer,
        signRequest: options.signAmendmentRequest ?? null,
      }),
      ...signingOfficeHandlers(signing),
    },
    actors: new ActorDirectory(store.db),
    signing,
    close: async () => {
      await sweeper?.stop();
      await changes.close();
      await store.close();
    },
  };
}

/** Opens (and migrates) the store, then serves the session and case calls over it. */
export async function openOffice(options: OfficeOptions): Promise<Office> {
  const calendar = loadCalendar(options.calendarDir);
  const store = await openStore(options.store);
  try {
    await migrate(store);
    return await officeOnStore(store, options.store, {
      mode: options.mode,
      signIn: options.signIn,
      events: options.events,
      calendar,
      now: options.today,
    });
  } catch (error) {
    await store.close();
    throw error;
  }
}

export { defaultDataDir } from './data-dir';
export { MigrationError } from './store/migrate';
export type { CardAnswer, CardIdentity, CardRefusal, CardSignIn } from './card-sign-in';
export type { SignInMethod } from './session';
export type {
  PreparedResolution,
  PrepareOutcome,
  ReservationTicket,
  SignedTicket,
  SigningOffice,
} from './signatures/signing-port';
export type { CertifiedSigner, SignerCheck, SignerCheckOutcome } from './signatures/signer-check';
export type { StoreLocation } from './store/open-store';
