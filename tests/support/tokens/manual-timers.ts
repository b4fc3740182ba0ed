import type { Timers } from '../../../src/main/desk/tokens/time-limits';

interface Scheduled {
  due: number;
  order: number;
  callback: () => void;
}

/**
 * A clock that moves only when the test says so, for the token worker's time limits: nothing is
 * called slow or hung unless the test advances it, however busy the machine is.
 */
export function manualTimers() {
  const scheduled = new Map<number, Scheduled>();
  let now = 0;
  let next = 1;

  const timers: Timers = {
    setTimeout(callback, ms) {
      const id = next++;
      scheduled.set(id, { due: now + ms, order: id, callback });
      return id;
    },
    clearTimeout(handle) {
      scheduled.delete(handle as number);
    },
  };

  /** The next timer due by `until`, earliest first (in the order they were set when due together). */
  const nextDue = (until: number): [number, Scheduled] | undefined =>
    [...scheduled.entries()]
      .filter(([, timer]) => timer.due <= until)
      .sort(([, a], [, b]) => a.due - b.due || a.order - b.order)[0];

  return {
    timers,
    /** Moves the clock on by `ms`, running every timer that falls due, in order. */
    advance(ms: number): void {
      const until = now + ms;
      for (let due = nextDue(until); due; due = nextDue(until)) {
        const [id, timer] = due;
        scheduled.delete(id);
        now = timer.due;
        timer.callback();
      }
      now = until;
    },
    /** How many timers are set and not yet run or cleared. */
    pending: (): number => scheduled.size,
  };
}

export type ManualTimers = ReturnType<typeof manualTimers>;
