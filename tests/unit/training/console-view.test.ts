import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash } from '../../../src/renderer/app/routes';
import { clockText, timeOnStepMs } from '../../../src/renderer/features/trainer/time-on-step';

describe("the trainer console's time on a step", () => {
  const view = { now: '2026-12-07T09:10:00.000Z' };
  const step = { startedAt: '2026-12-07T09:08:30.000Z' };

  it("counts from the desk's clock, then on by this machine's since the fetch", () => {
    const fetchedAt = 5_000_000;
    expect(timeOnStepMs(step, view, fetchedAt, fetchedAt)).toBe(90_000);
    expect(timeOnStepMs(step, view, fetchedAt, fetchedAt + 12_000)).toBe(102_000);
  });

  it('is never negative, even when the step started after the view was read', () => {
    expect(timeOnStepMs({ startedAt: '2026-12-07T09:11:00.000Z' }, view, 0, 0)).toBe(0);
  });

  it('reads as m:ss, and h:mm:ss past the hour', () => {
    expect(clockText(0)).toBe('0:00');
    expect(clockText(102_999)).toBe('1:42');
    expect(clockText(3_725_000)).toBe('1:02:05');
  });
});

describe("the trainer console's address", () => {
  it('is #/training/console, both ways', () => {
    expect(parseRoute('#/training/console')).toEqual({ screen: 'trainingConsole' });
    expect(routeHash({ screen: 'trainingConsole' })).toBe('#/training/console');
    expect(parseRoute('#/training/other')).toEqual({ screen: 'queues', queue: 'mine' });
  });
});
