import { describe, expect, it } from 'vitest';
import { completionOf } from '../../../src/main/training/records/completions';
import {
  askHint,
  giveTrainerHint,
  pause,
  recordMistake,
  recordOutcome,
  resume,
  startAttempt,
} from '../../../src/main/training/session/progress';
import { scenarioSchema } from '../../../src/shared/training/scenario';

/** What a finished attempt leaves as its completion record: the score, the hints of both kinds, the mistakes, the time present, the class. */

const step = (id: string) => ({
  id,
  instruction: { es: id, 'ca-valencia': id },
  target: 'queues.row-claim',
  reveal: { route: { screen: 'queues', queue: 'unassigned' } },
  completion: { event: 'cases.claim', check: { id: 'case_claimed_by_trainee', case: 'caso' } },
  hint: { text: { es: 'Pista.', 'ca-valencia': 'Pista.' } },
  mistakes: [
    {
      id: 'other-case',
      event: 'cases.claim',
      check: { id: 'case_claimed_by_trainee', case: 'caso' },
      feedback: { es: 'Otro.', 'ca-valencia': 'Un altre.' },
    },
  ],
});
const scenario = scenarioSchema.parse({
  id: 'three-steps',
  version: 4,
  title: { es: 'Tres', 'ca-valencia': 'Tres' },
  description: { es: 'Tres.', 'ca-valencia': 'Tres.' },
  role: 'processor',
  fixtures: { trainee: 'urb-02', cases: { caso: { state: 'registered', assignee: 'nobody' } } },
  steps: [step('a'), step('b'), step('c')],
  assessment: { passMark: 3 },
});

const at = (minute: number) => new Date(Date.UTC(2026, 11, 7, 9, minute));

describe('completionOf', () => {
  it('scores the finished attempt and counts asked hints, trainer hints and mistakes', () => {
    let attempt = startAttempt(scenario, { traineeId: 'urb-02', mode: 'guided', cases: {}, now: at(0) });
    attempt = recordMistake(attempt, 'other-case', at(1));
    attempt = askHint(attempt);
    attempt = giveTrainerHint(attempt, 'Mire la última columna.');
    attempt = recordOutcome(attempt, 3, { ok: true }, at(2)).attempt;
    attempt = recordMistake(attempt, 'other-case', at(3));
    attempt = recordOutcome(attempt, 3, { ok: true }, at(4)).attempt;
    expect(() => completionOf(attempt, scenario, null)).toThrow(/finished/);
    attempt = recordOutcome(attempt, 3, { ok: true }, at(5)).attempt;

    expect(
      completionOf(attempt, scenario, {
        sessionId: '3',
        trainerId: 'formacion',
        personName: 'Begoña Peñalver',
      }),
    ).toEqual({
      traineeId: 'urb-02',
      scenarioId: 'three-steps',
      scenarioVersion: 4,
      mode: 'guided',
      right: 3,
      of: 3,
      passMark: 3,
      passed: true,
      hintsUsed: 2,
      mistakes: 2,
      startedAt: at(0).toISOString(),
      finishedAt: at(5).toISOString(),
      presentMs: 5 * 60_000,
      trainerId: 'formacion',
      sessionId: '3',
      personName: 'Begoña Peñalver',
    });
  });

  it('keeps the time the trainee was present, not the time they were away', () => {
    let attempt = startAttempt(scenario, { traineeId: 'urb-02', mode: 'guided', cases: {}, now: at(0) });
    attempt = recordOutcome(attempt, 3, { ok: true }, at(2)).attempt;
    // Away from 09:03 to 09:10 (signed out, the page closed): seven minutes that do not count.
    attempt = resume(pause(attempt, at(3)), at(10));
    attempt = recordOutcome(attempt, 3, { ok: true }, at(11)).attempt;
    attempt = recordOutcome(attempt, 3, { ok: true }, at(12)).attempt;
    expect(completionOf(attempt, scenario, null)).toMatchObject({
      startedAt: at(0).toISOString(),
      finishedAt: at(12).toISOString(),
      presentMs: 5 * 60_000,
    });
  });

  it('fails an assessment whose wrong outcomes leave it under the pass mark', () => {
    let attempt = startAttempt(scenario, { traineeId: 'urb-02', mode: 'assessment', cases: {}, now: at(0) });
    attempt = recordOutcome(attempt, 3, { ok: false, reason: 'not_claimed' }, at(1)).attempt;
    attempt = recordOutcome(attempt, 3, { ok: true }, at(2)).attempt;
    attempt = recordOutcome(attempt, 3, { ok: true }, at(3)).attempt;
    expect(completionOf(attempt, scenario, null)).toMatchObject({
      mode: 'assessment',
      right: 2,
      of: 3,
      passed: false,
      hintsUsed: 0,
      mistakes: 0,
      trainerId: null,
      sessionId: null,
    });
  });
});
