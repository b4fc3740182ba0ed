import { ApiError } from '../../../src/shared/api/errors';
import { dispatch, type CallContext, type Handlers } from '../../../src/shared/api/dispatch';
import type { CallInput, CallName, CallOutput, EventName, EventPayload } from '../../../src/shared/api/index';
import type { LegalCalendar } from '../../../src/shared/domain/calendar';
import { EventBus } from '../../../src/main/events';
import { loadCalendar } from '../../../src/main/office/calendar/load';
import { seedDemo } from '../../../src/main/office/demo/seed';
import { officeOnStore, type Office, type OfficeHandlers } from '../../../src/main/office/index';
import { migrate } from '../../../src/main/office/store/migrate';
import { openStore, type Store, type StoreLocation } from '../../../src/main/office/store/open-store';

/** A fixed Monday morning in Madrid: every test sees the same "today" (2026-06-15). */
export const fixedNow = new Date('2026-06-15T08:00:00Z');
export const fixedToday = '2026-06-15';

let sharedCalendar: LegalCalendar | null = null;
export const calendar = (): LegalCalendar => (sharedCalendar ??= loadCalendar());

/** One desk: its own session slot, calling through `dispatch` so every output is schema-checked. */
export class Desk {
  #userId: string | null = null;
  readonly ctx: CallContext;

  constructor(
    private readonly handlers: OfficeHandlers,
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
    const result = await dispatch(this.handlers as Handlers, name, input, this.ctx, {
      onInternalError: (_name, error) => {
        throw error;
      },
    });
    if (!result.ok) throw ApiError.fromData(result.error);
    return result.value as CallOutput<N>;
  }

  async signIn(userId: string): Promise<this> {
    await this.call('session.signIn', { userId });
    return this;
  }
}

export interface RecordedEvent {
  name: EventName;
  payload: EventPayload<EventName>;
}

export interface TestOffice {
  store: Store;
  office: Office;
  events: RecordedEvent[];
  desk(name?: string): Desk;
}

/** Opens and migrates a store, seeds the demo city for `fixedNow` and serves it with a fixed clock. */
export async function seededOffice(
  cases: number,
  options: { location?: StoreLocation; mode?: 'embedded' | 'server' | 'training'; documents?: boolean } = {},
): Promise<TestOffice> {
  const location = options.location ?? { kind: 'pglite-memory' };
  const store = await openStore(location);
  await migrate(store);
  await seedDemo(store, calendar(), { cases, now: fixedNow, documents: options.documents ?? false });
  const bus = new EventBus();
  const events: RecordedEvent[] = [];
  bus.subscribe((name, payload) => events.push({ name, payload }));
  const office = await officeOnStore(store, location, {
    mode: options.mode ?? 'embedded',
    events: bus,
    calendar: calendar(),
    now: () => fixedNow,
  });
  let desks = 0;
  return { store, office, events, desk: (name) => new Desk(office.handlers, name ?? `desk-${(desks += 1)}`) };
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
