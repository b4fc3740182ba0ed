import type { z } from 'zod';
import type { CallSpec, EventSpec } from './define';
import { amendmentsCalls } from './amendments';
import { bookCalls } from './book';
import { caseworkCalls } from './casework';
import { casesCalls, casesEvents } from './cases';
import { documentsCalls } from './documents';
import { notificationsCalls } from './notifications';
import { exportsCalls } from './exports';
import { sessionCalls, sessionEvents } from './session';
import { signaturesCalls, signaturesEvents } from './signatures';
import { signingCalls, signingEvents } from './signing';
import { signingOfficeCalls } from './signing-office';
import { trainingCalls, trainingEvents } from './training';
import { trainerCalls, trainerEvents } from './trainer';

/**
 * The contract: every call and event between the renderer and main, by `namespace.name`.
 * A new capability is one namespace file here plus one handler per call.
 */
export const calls = {
  ...sessionCalls,
  ...casesCalls,
  ...signaturesCalls,
  ...bookCalls,
  ...signingCalls,
  ...signingOfficeCalls,
  ...documentsCalls,
  ...notificationsCalls,
  ...exportsCalls,
  ...caseworkCalls,
  ...amendmentsCalls,
  ...trainingCalls,
  ...trainerCalls,
} as const;
export const events = {
  ...sessionEvents,
  ...casesEvents,
  ...signaturesEvents,
  ...signingEvents,
  ...trainingEvents,
  ...trainerEvents,
} as const;

export type Calls = typeof calls;
export type Events = typeof events;
export type CallName = keyof Calls & string;
export type EventName = keyof Events & string;

export type CallInput<N extends CallName> = z.input<Calls[N]['input']>;
export type ParsedInput<N extends CallName> = z.output<Calls[N]['input']>;
export type CallOutput<N extends CallName> = z.output<Calls[N]['output']>;
export type EventPayload<N extends EventName> = z.output<Events[N]['payload']>;

export const callNames = Object.keys(calls) as CallName[];
export const eventNames = Object.keys(events) as EventName[];

export const isCallName = (name: unknown): name is CallName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(calls, name);
export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);

/** What the renderer sees: `api.call('cases.claim', { caseId })` and `api.on('cases.changed', cb)`. */
export interface DespachoClient {
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>>;
  on<N extends EventName>(name: N, listener: (payload: EventPayload<N>) => void): () => void;
}

export type { CallSpec, EventSpec };
export * from './access';
export * from './audience';
export * from './errors';
export * from './session';
export * from './cases';
export * from './signatures';
export * from './book';
export * from './signing';
export * from './signing-office';
export * from './documents';
export * from './notifications';
export * from './exports';
export * from './casework';
export * from './amendments';
export * from './training';
export * from './trainer';
