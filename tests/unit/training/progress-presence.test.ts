import { describe, expect, it } from 'vitest';
import {
  isPaused,
  pause,
  pausedAfterStop,
  presentMs,
  presentOnStepMs,
  recordOutcome,
  resume,
  seen,
  startAttempt,
} from '../../../src/main/training/session/progress';
import { loadScenarios } from '../../../src/main/training/scenarios/load';

/** The attempt's clock counts only the time the trainee was there, on each step and in all. */

const scenario = (await loadScenarios()).find((shipped) => shipped.id === 'claim-and-review')!;
const at = (minutes: number) => new Date(Date.UTC(2026, 11, 7, 9, minutes));
const started = startAttempt(scenario, { traineeId: 'urb-02', mode: 'guided', cases: {}, now: at(0) });

describe('time away from an attempt', () => {
  it('stands the step still from the pause to the return, and runs again after', () => {
    const away = pause(started, at(5));
    expect(isPaused(away)).toBe(true);
    expect(presentOnStepMs(away.steps[0]!, at(65))).toBe(5 * 60_000);
    const back = resume(away, at(65));
    expect(isPaused(back)).toBe(false);
    expect(presentOnStepMs(back.steps[0]!, at(70))).toBe(10 * 60_000);
    expect(presentMs(back, at(70))).toBe(10 * 60_000);
  });

  it('adds up several absences, and a second pause or return changes nothing', () => {
    let attempt = pause(started, at(1));
    expect(pause(attempt, at(2))).toBe(attempt);
    attempt = resume(attempt, at(11));
    expect(resume(attempt, at(12))).toBe(attempt);
    attempt = resume(pause(attempt, at(13)), at(33));
    expect(presentOnStepMs(attempt.steps[0]!, at(40))).toBe(10 * 60_000);
  });

  it('ends a pause with the step it was on; the next step starts paused and runs when they are back', () => {
    const away = pause(started, at(4));
    const { attempt } = recordOutcome(away, scenario.steps.length, { ok: true }, at(10));
    expect(attempt.stepIndex).toBe(1);
    expect(attempt.steps[0]).toMatchObject({ awayMs: 6 * 60_000 });
    expect(attempt.steps[0]!.pausedAt).toBeUndefined();
    expect(isPaused(attempt)).toBe(true);
    const back = resume(attempt, at(30));
    expect(presentOnStepMs(back.steps[1]!, at(32))).toBe(2 * 60_000);
    expect(presentMs(back, at(32))).toBe(6 * 60_000);
  });

  it('does not pause a finished attempt, whose total stops at its end', () => {
    let attempt = started;
    for (const _step of scenario.steps)
      attempt = recordOutcome(attempt, scenario.steps.length, { ok: true }, at(20)).attempt;
    expect(attempt.finishedAt).not.toBeNull();
    expect(pause(attempt, at(25))).toBe(attempt);
    expect(presentMs(attempt, at(90))).toBe(20 * 60_000);
  });
});

describe('an attempt a desk left running when it stopped without closing (a crash)', () => {
  it('is paused from the last instant the trainee was seen, so the time the desk was down is not theirs', () => {
    const seenLast = seen(seen(started, at(3)), at(7));
    const recovered = pausedAfterStop(seenLast);
    expect(isPaused(recovered)).toBe(true);
    // The desk came back at 10:00 and the trainee at 10:05: only the seven minutes before count.
    const back = resume(recovered, at(65));
    expect(presentMs(back, at(65))).toBe(7 * 60_000);
    expect(presentMs(back, at(66))).toBe(8 * 60_000);
  });

  it('is paused from the step’s start when the trainee was not seen on it, and a paused or finished attempt is left as it is', () => {
    const next = recordOutcome(seen(started, at(2)), scenario.steps.length, { ok: true }, at(4)).attempt;
    expect(presentMs(resume(pausedAfterStop(next), at(30)), at(30))).toBe(4 * 60_000);
    const away = pause(started, at(1));
    expect(pausedAfterStop(away)).toBe(away);
    expect(seen(away, at(2))).toBe(away);
  });
});
