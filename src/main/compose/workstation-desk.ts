import { tmpdir } from 'node:os';
import type { Handlers } from '../../shared/api/dispatch';
import { ApiError } from '../../shared/api/errors';
import type { TrainerCallName } from '../../shared/api/trainer';
import type { TrainingCallName } from '../../shared/api/training';
import type { LegalCalendar } from '../../shared/domain/calendar';
import type { TrustStore } from '../desk/crypto/trust-store';
import type { PracticeCard } from '../desk/training-card/practice-card';
import { earlierSignatureStates } from '../desk/verify/earlier-signatures';
import type { EventBus } from '../events';
import { officeOnStore, type CardSignIn, type Office } from '../office/index';
import type { Store, StoreLocation } from '../office/store/open-store';
import type { CardCallName, CardDesk } from './card-desk';
import { pdfMarkByMode, signInByMode, type DeskMode } from './desk-modes';
import { documentContentHandlers } from './document-content';
import { documentSignaturesHandlers } from './document-signatures';
import { amendmentRequestSigner } from './amendment-request-signer';
import { indexCardOpener, ownCardOpener, type OwnCardOptions } from './eni-export-card';
import { eniExportHandlers } from './eni-export-handlers';
import type { OfficeSeal } from './office-seal';
import { certifiedSignerCheck } from './signer-check';
import { openSigningDesk, type SigningCallName } from './signing-desk';

/** Every call but the trainee's and the trainer's, which only a training desk wires. */
export type WorkstationHandlers = Omit<Handlers, TrainingCallName | TrainerCallName>;

/** A desk's cards: a workstation's readers, or a training desk's practice card. */
type WorkstationCards = CardDesk & { card?: PracticeCard };

export interface WorkstationParts {
  mode: DeskMode;
  /** Opened (and migrated, and seeded) by the caller; the desk owns it from here and closes it. */
  store: Store;
  location: StoreLocation;
  events: EventBus;
  calendar: LegalCalendar;
  now: () => Date;
  trust: TrustStore;
  /** What signs a request or an index that no card signs (compose/office-seal.ts). */
  seal: OfficeSeal;
  /** How the card proves who signs in (the shared server's). */
  cardSignIn?: CardSignIn;
  /** The workstation's cards; null on the shared server, which has no reader. */
  openCards: (() => WorkstationCards | Promise<WorkstationCards>) | null;
}

/** A desk's office over its store, its cards and signing, and the calls on the documents it shows. */
export interface WorkstationDesk {
  readonly office: Office;
  readonly handlers: WorkstationHandlers;
  /** The practice card, on a training desk. */
  readonly practiceCard?: PracticeCard;
  /** The desk's cards, to sign one document with (null on the shared server, which has no reader). */
  readonly cards: Pick<CardDesk, 'tokens' | 'knows'> | null;
  close(): Promise<void>;
}

type DeskCallName = CardCallName | SigningCallName;

interface DeskServices {
  handlers: Pick<Handlers, DeskCallName>;
  close(): Promise<void>;
}

/** Demo and training desks take the practice cards of the demo office's training CA; the shared server never does. */
const acceptsPracticeCards = (mode: DeskMode): boolean => mode !== 'server';

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

/** A workstation's own services: its cards and signing the office's resolutions with them. */
function deskServices(cards: CardDesk, office: Office, parts: WorkstationParts): DeskServices {
  const signing = openSigningDesk({
    office: office.signing,
    tokens: cards.tokens,
    knowsModule: cards.knows,
    events: parts.events,
    signing: {
      intermediates: parts.trust.intermediates.map((stored) => new Uint8Array(stored.certificate.raw)),
      earlierSignatures: earlierSignatureStates,
      now: parts.now,
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

/** Opens the desk over the caller's store; the store is closed again if any of it fails. */
export async function openWorkstationDesk(parts: WorkstationParts): Promise<WorkstationDesk> {
  const { store, mode, trust, now } = parts;
  const intermediates = trust.intermediates.map((stored) => new Uint8Array(stored.certificate.raw));
  // Whoever signs with a card of this desk: their own card, trusted as this desk trusts.
  const ownCard = (opened: WorkstationCards): OwnCardOptions => ({
    db: store.db,
    tokens: opened.tokens,
    knowsModule: opened.knows,
    trust,
    acceptsPracticeCards: acceptsPracticeCards(mode),
  });
  // Opened after the office: an amendment request is signed with the cards the desk has by then.
  let cards: WorkstationCards | null = null;
  let office: Office;
  try {
    office = await officeOnStore(store, parts.location, {
      mode,
      signIn: signInByMode[mode],
      ...(parts.cardSignIn ? { cardSignIn: parts.cardSignIn } : {}),
      events: parts.events,
      calendar: parts.calendar,
      now,
      notificationSweep: {},
      signerCheck: certifiedSignerCheck({ trust, acceptsPracticeCards: acceptsPracticeCards(mode) }),
      markPdf: pdfMarkByMode[mode],
      // A processor signs the request with their card; without one, the office's seal signs it.
      signAmendmentRequest: amendmentRequestSigner({
        seal: parts.seal,
        card: () => (cards ? ownCardOpener(ownCard(cards)) : null),
        intermediates,
      }),
    });
  } catch (error) {
    await store.close();
    throw error;
  }
  let desk: DeskServices;
  try {
    cards = parts.openCards ? await parts.openCards() : null;
    desk = cards ? deskServices(cards, office, parts) : noCardHere;
  } catch (error) {
    await office.close();
    throw error;
  }
  const practiceCard = cards?.card;
  // Any desk verifies the documents it shows, with or without a card: verifying needs only trust.
  const documents = {
    ...documentSignaturesHandlers({ store, trust }),
    ...documentContentHandlers({ store }),
    // The office's seal, or a head's own card at a desk with a reader.
    ...eniExportHandlers({
      store,
      seal: parts.seal,
      card: cards ? indexCardOpener(ownCard(cards)) : null,
      now,
    }),
  };
  return {
    office,
    handlers: { ...office.handlers, ...desk.handlers, ...documents },
    ...(practiceCard ? { practiceCard } : {}),
    cards,
    async close() {
      // Numbers reserved for what was not signed go back to the book before the store closes.
      await desk.close();
      await office.close();
    },
  };
}
