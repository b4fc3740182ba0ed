import type { ClassTrainee } from '../../../shared/api/trainer';
import type { Scenario } from '../../../shared/training/scenario';
import {
  hintsUsed,
  isPaused,
  presentOnStepMs,
  progressView,
  scoreOf,
  type Attempt,
} from '../session/progress';

/** Where a trainee is in their scenario: a class row but for who is on the seat and their records, read apart. */
export type TraineeProgress = Omit<ClassTrainee, 'completions' | 'personName'>;

/** A trainee who has not started any scenario yet. */
export const notStarted = (traineeId: string, name: string): TraineeProgress => ({
  traineeId,
  name,
  scenario: null,
  mode: null,
  step: null,
  hintsUsed: 0,
  mistakes: { count: 0, lastFeedback: null },
  finishedAt: null,
  score: null,
});

/**
 * One row of the trainer's class: where the trainee's attempt is at `now`, read against its
 * scenario; its time on the step counts as the trainee's own view does, without the time away.
 */
export function classTrainee(name: string, attempt: Attempt, scenario: Scenario, now: Date): TraineeProgress {
  const step = attempt.finishedAt === null ? scenario.steps[attempt.stepIndex] : undefined;
  const record = attempt.steps[attempt.stepIndex];
  // The trainee's own view says which of their mistakes the scenario knows, with its feedback.
  const { mistakes } = progressView(attempt, scenario, null, new Date(attempt.startedAt));
  return {
    traineeId: attempt.traineeId,
    name,
    scenario: { id: scenario.id, version: scenario.version, title: scenario.title },
    mode: attempt.mode,
    step:
      step && record
        ? {
            index: attempt.stepIndex,
            of: scenario.steps.length,
            instructionId: step.id,
            instruction: step.instruction,
            elapsedMs: presentOnStepMs(record, now),
            away: isPaused(attempt),
          }
        : null,
    hintsUsed: hintsUsed(attempt),
    mistakes: { count: mistakes.length, lastFeedback: mistakes.at(-1)?.feedback ?? null },
    finishedAt: attempt.finishedAt,
    score: attempt.finishedAt === null ? null : scoreOf(attempt, scenario),
  };
}
