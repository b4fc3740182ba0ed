import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../../src/shared/api/errors';
import {
  startSweeper,
  sweepEveryMs,
  type SweepTimer,
} from '../../../../src/main/office/notifications/sweeper';
import type { ChangeFeed } from '../../../../src/main/office/change-feed';
import { clockedOffice, resolvedCase, type ClockedOffice } from './support';
import { calendar } from '../support';

/** A timer the test fires by hand: no waiting on the machine's clock. */
class ManualTimer implements SweepTimer {
  runs: (() => void)[] = [];
  every: number[] = [];
  unrefed = 0;
  cleared = 0;
  setInterval(run: () => void, ms: number) {
    this.runs.push(run);
    this.every.push(ms);
    return { unref: () => (this.unrefed += 1) };
  }
  clearInterval() {
    this.cleared += 1;
  }
  fire() {
    for (const run of this.runs) run();
  }
}

const quietFeed: ChangeFeed = {
  announce: () => undefined,
  announceSignatures: () => undefined,
  close: async () => undefined,
};

let office: ClockedOffice | null = null;
afterEach(async () => {
  await office?.office.close();
  office = null;
}, 600_000);

describe('the desk sweeps notifications at start-up and every hour', { timeout: 600_000 }, () => {
  it('sweeps at once, again when the hour comes, reports a clock that went backwards, and stops on close', async () => {
    office = await clockedOffice(new Date('2026-03-02T10:00:00+01:00'), 60);
    const caseId = await resolvedCase(office.store, 'urbanismo', 'electronic');
    const processor = await office.desk().signIn('urb-01');
    await processor.call('notifications.notify', { caseId, locale: 'es' });
    const timer = new ManualTimer();
    const errors: unknown[] = [];
    const clock = { now: new Date('2026-03-12T12:00:00Z') };
    const sweeper = startSweeper({
      db: office.store.db,
      calendar: calendar(),
      changes: quietFeed,
      now: () => clock.now,
      timer,
      onError: (error) => errors.push(error),
    });
    expect(timer.every).toEqual([sweepEveryMs]);
    expect(timer.unrefed).toBe(1);
    await sweeper.idle();
    const state = async () => (await processor.call('notifications.get', { caseId })).notifications[0]!.state;
    expect(await state()).toBe('available');

    clock.now = new Date('2026-03-13T00:30:00Z');
    timer.fire();
    await sweeper.idle();
    expect(await state()).toBe('deemed_rejected');

    clock.now = new Date('2026-03-12T00:00:00Z');
    timer.fire();
    await sweeper.idle();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(ApiError);
    expect((errors[0] as ApiError).code).toBe('notification_clock_backwards');

    await sweeper.stop();
    expect(timer.cleared).toBe(1);
  });
});
