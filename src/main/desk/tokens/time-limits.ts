import type { WorkerOp } from './protocol';

/**
 * How long the desk waits for the token worker, and when it tells the user the card is slow.
 *
 * A request's clock starts when the worker starts on it: once the worker has said it is ready and
 * has answered every earlier request (it answers one at a time, in order). Waiting in line behind a
 * slow signature, or for the worker process to start, never counts against a request.
 *
 * The numbers are for real cards, not for SoftHSM2, which answers in milliseconds:
 * - A DNIe sets up its secure channel before the first command (a second or two), then reads each
 *   certificate through it: listing its certificates takes seconds, and a card or token holding
 *   many certificates (old ones kept, authentication and encryption next to signing) longer.
 * - Listing tokens asks every slot of every module; a module's first call may wait for pcscd to
 *   start and for a USB reader to wake up.
 * - Opening a session finds the key, logs in and reads every certificate on the card for the chain.
 *   A reader with a PIN pad would wait there for a person to type the PIN (the worker refuses PIN
 *   pads today, but the limit leaves room for a person).
 * - A DNIe signature takes seconds, an RSA-4096 key on an older card over ten; a key with
 *   CKA_ALWAYS_AUTHENTICATE checks the PIN again before each signature.
 *
 * Calling a slow card hung is the costly mistake: the worker is killed, the session and its login
 * are lost and a batch stops. So the hung limits are generous, and the user is told that the card
 * is slow long before: after a few seconds, a little more for the operations a DNIe always spends
 * seconds on. These are judgements from the cards' published behaviour, to be tuned on real cards.
 */
export interface WorkerTimeLimits {
  /** From starting the worker process to its "ready". */
  start: number;
  /** After this long, the service says the card is slow to answer; null: nobody is waiting. */
  slow: Record<WorkerOp, number | null>;
  /** After this long, the worker is taken for hung, killed, and the request fails. */
  hung: Record<WorkerOp, number>;
}

const second = 1000;

export const defaultTimeLimits: WorkerTimeLimits = {
  start: 60 * second,
  slow: {
    listTokens: 5 * second,
    listCertificates: 8 * second,
    openSession: 8 * second,
    sign: 8 * second,
    closeSession: 5 * second,
    shutdown: null,
  },
  hung: {
    listTokens: 60 * second,
    listCertificates: 90 * second,
    openSession: 120 * second,
    sign: 90 * second,
    closeSession: 30 * second,
    // Nothing is lost by killing a worker that is being shut down.
    shutdown: 10 * second,
  },
};

/** Limits changed from the defaults (a slower fleet of cards, or a test on a virtual clock). */
export interface TimeLimitOverrides {
  start?: number;
  slow?: Partial<Record<WorkerOp, number | null>>;
  hung?: Partial<Record<WorkerOp, number>>;
}

export const withOverrides = (overrides: TimeLimitOverrides = {}): WorkerTimeLimits => ({
  start: overrides.start ?? defaultTimeLimits.start,
  slow: { ...defaultTimeLimits.slow, ...overrides.slow },
  hung: { ...defaultTimeLimits.hung, ...overrides.hung },
});

/** The desk's timers, injectable so tests can move time themselves instead of waiting. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};
