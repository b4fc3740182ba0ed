import { ApiError } from '../../../src/shared/api/errors';
import { dispatch, type CallContext, type Handlers } from '../../../src/shared/api/dispatch';
import type { SignInMethod } from '../../../src/main/office/session';
import type { Actor } from '../../../src/shared/api/access';
import type { SigningMode, StepAction } from '../../../src/shared/api/signatures';
import type {
  Audience,
  CallInput,
  CallName,
  CallOutput,
  EventName,
  EventPayload,
} from '../../../src/shared/api/index';
import type { LegalCalendar } from '../../../src/shared/domain/calendar';
import { EventBus } from '../../../src/main/events';
import { amendmentRequestSigner } from '../../../src/main/compose/amendment-request-signer';
import { demoOfficeSeal } from '../../../src/main/compose/eni-export-seal';
import type { AmendmentRequestSigner } from '../../../src/main/office/amendments/handlers';
import { loadCalendar } from '../../../src/main/office/calendar/load';
import { seedDemo } from '../../../src/main/office/demo/seed';
import {
  officeOnStore,
  type Office,
  type OfficeHandlers,
  type SignerCheck,
} from '../../../src/main/office/index';
import { migrate } from '../../../src/main/office/store/migrate';
import { openStore, type Store, type StoreLocation } from '../../../src/main/office/store/open-store';

/** A fixed Monday morning in Madrid: every test sees the same "today" (2026-06-15). */
export const fixedNow = new Date('2026-06-15T08:00:00Z');
export const fixedToday = '2026-06-15';

let sharedCalendar: LegalCalendar | null = null;
export const calendar = (): LegalCalendar => (sharedCalendar ??= loadCalendar());

/**
 * One desk: its own session slot, calling through `dispatch` (access rules enforced, every output
 * schema-checked) like a transport does.
 */
export class Desk {
  #userId: string | null = null;
  readonly ctx: CallContext;

  constructor(
    private readonly office: Pick<Office, 'handlers' | 'actors'>,
    name: string,
  ) {
    this.ctx = {
      connectionId: name,
      session: { get: () => this.#userId, set: (userId) => (this.#userId = userId) },
    };
  }

  async call<N extends CallName & keyof OfficeHandlers>(
    name: N,
    input: CallInput<N>,
  ): Promise<CallOutput<N>> {
    const contract = { handlers: this.office.handlers as Handlers, actors: this.office.actors };
    const result = await dispatch(contract, name, input, this.ctx, {
      onInternalError: (_name, error) => {
        throw error;
      },
    });
    if (!result.ok) throw ApiError.fromData(result.error);
    return result.value as CallOutput<N>;
  }

  /** The demo picker's sign-in by naming a user (demo desks only). */
  async signIn(userId: string): Promise<this> {
    await this.call('session.signIn', { userId });
    return this;
  }

  /**
   * Signed in as an identity provider would do it on a server (which has no sign-in by name):
   * outside the contract, by setting the connection's session.
   */
  signInByIdentityProvider(userId: string): this {
    this.ctx.session.set(userId);
    return this;
  }
}

export interface RecordedEvent {
  name: EventName;
  payload: EventPayload<EventName>;
  audience: Audience;
}

export interface TestOffice {
  store: Store;
  office: Office;
  events: RecordedEvent[];
  desk(name?: string): Desk;
}

/** A clock the test moves by hand: the office reads `at` as now. */
export class MovableClock {
  constructor(public at: Date) {}
  readonly now = (): Date => this.at;
}

/** Opens and migrates a store, seeds the demo city (for `fixedNow` by default) and serves it with a fixed clock. */
export async function seededOffice(
  cases: number,
  options: {
    location?: StoreLocation;
    mode?: 'embedded' | 'server' | 'training';
    signIn?: SignInMethod;
    documents?: boolean;
    /** The day the demo city is seeded for (`fixedNow` by default). */
    seededAt?: Date;
    /** The office's clock (by default, always `fixedNow`). */
    now?: () => Date;
    /** How the office checks who signed (none: it confirms no signature). */
    signerCheck?: SignerCheck;
    /** How amendment requests are signed (by default the demo office's seal, as a desk without a card). */
    signAmendmentRequest?: AmendmentRequestSigner;
  } = {},
): Promise<TestOffice> {
  const location = options.location ?? { kind: 'pglite-memory' };
  const store = await openStore(location);
  await migrate(store);
  await seedDemo(store, calendar(), {
    cases,
    now: options.seededAt ?? fixedNow,
    documents: options.documents ?? false,
  });
  const bus = new EventBus();
  const events: RecordedEvent[] = [];
  bus.subscribe((name, payload, audience) => events.push({ name, payload, audience }));
  const office = await officeOnStore(store, location, {
    mode: options.mode ?? 'embedded',
    signIn: options.signIn ?? 'demoPicker',
    events: bus,
    calendar: calendar(),
    now: options.now ?? (() => fixedNow),
    ...(options.signerCheck ? { signerCheck: options.signerCheck } : {}),
    signAmendmentRequest:
      options.signAmendmentRequest ??
      amendmentRequestSigner({ seal: demoOfficeSeal, card: () => null, intermediates: [] }),
  });
  let desks = 0;
  return { store, office, events, desk: (name) => new Desk(office, name ?? `desk-${(desks += 1)}`) };
}

/** The office's actor for a user of the demo city. */
export async function actorOf(office: Pick<Office, 'actors'>, userId: string): Promise<Actor> {
  const actor = await office.actors.resolve(userId);
  if (!actor) throw new Error(`no user ${userId}`);
  return actor;
}

/** The next case of the department that can go for signature (in progress or a proposal, no request yet). */
export async function freeCase(store: Store, departmentId: string): Promise<string> {
  const row = await store.db
    .selectFrom('cases')
    .select('id')
    .where('department_id', '=', departmentId)
    .where('state', 'in', ['in_progress', 'proposal'])
    .where('id', 'not in', store.db.selectFrom('signature_requests').select('case_id'))
    .orderBy('id')
    .executeTakeFirstOrThrow();
  return String(row.id);
}

/** The processor drafts the case's resolution in Spanish and sends it, as drafted, for signature. */
export async function sendDraft(
  processor: Desk,
  caseId: string,
  steps: { signerId: string; action: StepAction }[],
  options: { mode: SigningMode; expiresOn?: string },
) {
  const draft = await processor.call('resolutions.draft', { caseId, locale: 'es' });
  return processor.call('signatures.send', {
    caseId,
    locale: 'es',
    title: draft.title,
    text: draft.text,
    mode: options.mode,
    priority: 'normal',
    expiresOn: options.expiresOn ?? '2026-07-31',
    steps,
  });
}

/** Resolves to the ApiError code a promise rejects with (fails the test if it resolves). */
export async function errorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error.code;
    throw error;
  }
  throw new Error('expected an ApiError, but the call succeeded');
}

/**
 * Desks signed in to one department empty its unassigned queue at the same time: even desks with
 * `claimNext`, odd ones by claiming the first row they see (losing races with `already_claimed`).
 * Returns every case id some desk was given, in claim order (duplicates kept, so tests can see them).
 */
export async function drainUnassigned(desks: readonly Desk[]): Promise<string[]> {
  const claimed: string[] = [];
  const claimFirstSeen = async (desk: Desk) => {
    const [candidate] = (await desk.call('cases.list', { queue: 'unassigned', limit: 1 })).rows;
    if (!candidate) return null;
    try {
      return await desk.call('cases.claim', { caseId: candidate.id });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'already_claimed') return undefined;
      throw error;
    }
  };
  await Promise.all(
    desks.map(async (desk, index) => {
      for (;;) {
        const row = index % 2 === 0 ? await desk.call('cases.claimNext', {}) : await claimFirstSeen(desk);
        if (row === null) return;
        if (row) claimed.push(row.id);
      }
    }),
  );
  return claimed;
}
