import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash } from '../../../src/renderer/app/routes';
import { clockText, timeOnStepMs } from '../../../src/renderer/features/trainer/time-on-step';

describe("the trainer console's time on a step", () => {
  const fetchedAt = 5_000_000;

  it("counts from the desk's count, then on by this machine's since the fetch", () => {
    const step = { elapsedMs: 90_000, away: false };
    expect(timeOnStepMs(step, fetchedAt, fetchedAt)).toBe(90_000);
    expect(timeOnStepMs(step, fetchedAt, fetchedAt + 12_000)).toBe(102_000);
  });

  it('stands still while the trainee is away', () => {
    expect(timeOnStepMs({ elapsedMs: 90_000, away: true }, fetchedAt, fetchedAt + 600_000)).toBe(90_000);
  });

  it("never goes back when this machine's clock does", () => {
    expect(timeOnStepMs({ elapsedMs: 1_000, away: false }, fetchedAt, fetchedAt - 60_000)).toBe(1_000);
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
