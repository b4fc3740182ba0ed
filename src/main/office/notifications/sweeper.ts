import type { Kysely } from 'kysely';
import { ApiError } from '../../../shared/api/errors';
import type { LegalCalendar } from '../../../shared/domain/calendar';
import { defaultLocale, translate, type MessageKey } from '../../../shared/i18n/index';
import type { ChangeFeed } from '../change-feed';
import type { OfficeSchema } from '../store/schema';
import { sweepNotifications } from './sweep';

export const sweepEveryMs = 3_600_000;

/** The clock the sweeper runs on; tests give their own. */
export interface SweepTimer {
  setInterval(run: () => void, ms: number): { unref?: () => void };
  clearInterval(handle: { unref?: () => void }): void;
}

export const systemTimer: SweepTimer = {
  setInterval: (run, ms) => setInterval(run, ms),
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
};

/** A failed sweep, said on stderr without personal data: the error's own sentence, or its name. */
export function reportSweepFailure(error: unknown): void {
  const text =
    error instanceof ApiError
      ? translate(defaultLocale, `errors.${error.code}` as MessageKey, error.params ?? {})
      : error instanceof Error
        ? error.name
        : 'error';
  process.stderr.write(`despacho notifications: ${text}\n`);
}

export interface Sweeper {
  /** The sweep under way, if any (start-up's, or the last hour's). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Sweeps at start-up and then every hour (art. 43.2's expiries applied with the clock). A sweep
 * that fails (the clock went backwards, the database is away) is reported and tried again at the
 * next hour; two never overlap. The interval is unref'd: it never keeps a process alive.
 */
export function startSweeper(options: {
  db: Kysely<OfficeSchema>;
  calendar: LegalCalendar;
  changes: ChangeFeed;
  now: () => Date;
  timer?: SweepTimer;
  everyMs?: number;
  onError?: (error: unknown) => void;
}): Sweeper {
  const timer = options.timer ?? systemTimer;
  let running: Promise<void> = Promise.resolve();
  let busy = false;
  let stopped = false;
  const run = () => {
    if (busy || stopped) return;
    busy = true;
    running = sweepNotifications(options.db, options.calendar, options.now(), {
      announce: options.changes.announce,
    })
      .then(
        () => undefined,
        (error: unknown) => (options.onError ?? reportSweepFailure)(error),
      )
      .finally(() => {
        busy = false;
      });
  };
  const handle = timer.setInterval(run, options.everyMs ?? sweepEveryMs);
  handle.unref?.();
  run();
  return {
    idle: () => running,
    async stop() {
      stopped = true;
      timer.clearInterval(handle);
      await running;
    },
  };
}
