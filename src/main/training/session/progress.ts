import { ApiError } from '../../../shared/api/errors';
import type { StepReveal, TrainingMode, TrainingProgress } from '../../../shared/api/training';
import type { Scenario } from '../../../shared/training/scenario';
import type { CaseAliases, OutcomeVerdict } from './ports';

/** One step the trainee reached: when, the hints asked, the wrong actions, and how it ended. */
export interface StepRecord {
  readonly startedAt: string;
  readonly hints: number;
  /** The scenario's mistakes (by id) the trainee made on this step, when. */
  readonly mistakes: readonly { readonly id: string; readonly at: string }[];
  /** Null while the step is being done; in assessment mode the first outcome decides it. */
  readonly outcome: boolean | null;
  /** Why the outcome was wrong, for the trainer (a code). */
  readonly reason: string | null;
  /** The trainer's own hints on this step, in their words (absent from attempts kept before there were any). */
  readonly trainerHints?: readonly string[];
  /** Time the trainee was away (signed out, the app closed) while on this step, before `pausedAt`. */
  readonly awayMs?: number;
  /** Since when the trainee is away, while they are: the step's clock stands still meanwhile. */
  readonly pausedAt?: string;
  /**
   * The last instant the trainee was known to be at the desk on this step (kept every minute or
   * so): a desk that stopped without closing (a crash) counts them away from then.
   */
  readonly seenAt?: string;
}

/** A trainee's attempt at a scenario, as the sandbox keeps it. */
export interface Attempt {
  readonly traineeId: string;
  readonly scenarioId: string;
  readonly scenarioVersion: number;
  readonly mode: TrainingMode;
  readonly cases: CaseAliases;
  readonly startedAt: string;
  readonly stepIndex: number;
  readonly steps: readonly StepRecord[];
  readonly finishedAt: string | null;
}

const freshStep = (at: Date): StepRecord => ({
  startedAt: at.toISOString(),
  hints: 0,
  mistakes: [],
  outcome: null,
  reason: null,
});

export function startAttempt(
  scenario: Scenario,
  start: { traineeId: string; mode: TrainingMode; cases: CaseAliases; now: Date },
): Attempt {
  return {
    traineeId: start.traineeId,
    scenarioId: scenario.id,
    scenarioVersion: scenario.version,
    mode: start.mode,
    cases: start.cases,
    startedAt: start.now.toISOString(),
    stepIndex: 0,
    steps: [freshStep(start.now)],
    finishedAt: null,
  };
}

const withCurrent = (attempt: Attempt, change: (step: StepRecord) => StepRecord): StepRecord[] =>
  attempt.steps.map((step, index) => (index === attempt.stepIndex ? change(step) : step));

/** The step's time away up to `at`, the pause under way included. */
const awayOn = (step: StepRecord, at: Date): number =>
  (step.awayMs ?? 0) +
  (step.pausedAt === undefined ? 0 : Math.max(0, at.getTime() - Date.parse(step.pausedAt)));

/** The time the trainee was present on a step, up to `end` (now, or when the step ended). */
export const presentOnStepMs = (step: StepRecord, end: Date): number =>
  Math.max(0, end.getTime() - Date.parse(step.startedAt) - awayOn(step, end));

/** Whether the trainee is away from an attempt under way (its clock stands still). */
export const isPaused = (attempt: Attempt): boolean =>
  attempt.finishedAt === null && attempt.steps[attempt.stepIndex]?.pausedAt !== undefined;

/** The pause under way, if any, closed at `now` and counted as time away. */
const settled =
  (now: Date) =>
  (step: StepRecord): StepRecord => {
    if (step.pausedAt === undefined) return step;
    const { pausedAt: _closed, ...rest } = step;
    return { ...rest, awayMs: awayOn(step, now) };
  };

/** The trainee went away (signed out, closed the app): the attempt's clock stops until they are back. */
export function pause(attempt: Attempt, now: Date): Attempt {
  if (attempt.finishedAt !== null || isPaused(attempt)) return attempt;
  return { ...attempt, steps: withCurrent(attempt, (step) => ({ ...step, pausedAt: now.toISOString() })) };
}

/** The trainee is back: the time away is kept aside and the clock runs again. */
export function resume(attempt: Attempt, now: Date): Attempt {
  if (!isPaused(attempt)) return attempt;
  return { ...attempt, steps: withCurrent(attempt, settled(now)) };
}

/** The trainee was at the desk at `now`: kept on the step under way (nothing on a paused or finished attempt). */
export function seen(attempt: Attempt, now: Date): Attempt {
  if (attempt.finishedAt !== null || isPaused(attempt)) return attempt;
  return { ...attempt, steps: withCurrent(attempt, (step) => ({ ...step, seenAt: now.toISOString() })) };
}

/** When the trainee was last known to be at the desk on the step under way. */
const lastSeen = (attempt: Attempt): Date => {
  const step = attempt.steps[attempt.stepIndex]!;
  return new Date(step.seenAt ?? step.startedAt);
};

/**
 * An attempt a desk left running when it stopped without closing (a crash, the machine switched
 * off): nothing paused it, so it is paused from the last instant its trainee was seen, and the time
 * the desk was down is not counted as theirs.
 */
export const pausedAfterStop = (attempt: Attempt): Attempt => pause(attempt, lastSeen(attempt));

/** The time the trainee was present on the scenario: on each step reached, up to its end or `now`. */
export function presentMs(attempt: Attempt, now: Date): number {
  const endOf = (index: number) => {
    const next = attempt.steps[index + 1];
    if (next) return new Date(next.startedAt);
    return attempt.finishedAt === null ? now : new Date(attempt.finishedAt);
  };
  return attempt.steps.reduce((sum, step, index) => sum + presentOnStepMs(step, endOf(index)), 0);
}

/** A hint on the current step; assessment mode has none, and a finished attempt has no step. */
export function askHint(attempt: Attempt): Attempt {
  if (attempt.mode === 'assessment' || attempt.finishedAt !== null) throw new ApiError('invalid_transition');
  return { ...attempt, steps: withCurrent(attempt, (step) => ({ ...step, hints: step.hints + 1 })) };
}

/** The trainer's own hint on the current step, counted as a hint; a finished attempt has no step. */
export function giveTrainerHint(attempt: Attempt, text: string): Attempt {
  if (attempt.finishedAt !== null) throw new ApiError('invalid_transition');
  return {
    ...attempt,
    steps: withCurrent(attempt, (step) => ({ ...step, trainerHints: [...(step.trainerHints ?? []), text] })),
  };
}

/** Hints asked for and hints the trainer gave, over the steps reached. */
export const hintsUsed = (attempt: Attempt): number =>
  attempt.steps.reduce((sum, reached) => sum + reached.hints + (reached.trainerHints?.length ?? 0), 0);

/** One of the step's known wrong actions happened. */
export function recordMistake(attempt: Attempt, mistakeId: string, now: Date): Attempt {
  const mistake = { id: mistakeId, at: now.toISOString() };
  return {
    ...attempt,
    steps: withCurrent(attempt, (step) => ({ ...step, mistakes: [...step.mistakes, mistake] })),
  };
}

export type OutcomeEffect = 'completed' | 'missed' | 'finished' | 'unchanged';

/**
 * The step's completion event happened and its outcome check said `verdict`. Guided mode: a right
 * outcome completes the step; a wrong one leaves it for the trainee to put right. Assessment mode:
 * the first outcome is the step's, right or wrong, and the scenario moves on.
 */
export function recordOutcome(
  attempt: Attempt,
  stepCount: number,
  verdict: OutcomeVerdict,
  now: Date,
): { attempt: Attempt; effect: OutcomeEffect } {
  if (!verdict.ok && attempt.mode === 'guided') return { attempt, effect: 'unchanged' };
  const away = isPaused(attempt);
  const steps = withCurrent(attempt, (step) => ({
    ...settled(now)(step),
    outcome: verdict.ok,
    reason: verdict.ok ? null : (verdict.reason ?? 'outcome_wrong'),
  }));
  const next = attempt.stepIndex + 1;
  if (next >= stepCount)
    return { attempt: { ...attempt, steps, finishedAt: now.toISOString() }, effect: 'finished' };
  // A step done while the trainee is away (an event for the whole department) starts the next one paused.
  const fresh = away ? { ...freshStep(now), pausedAt: now.toISOString() } : freshStep(now);
  return {
    attempt: { ...attempt, steps: [...steps, fresh], stepIndex: next },
    effect: verdict.ok ? 'completed' : 'missed',
  };
}

/** Right outcomes out of the scenario's steps, against its pass mark. */
export function scoreOf(attempt: Attempt, scenario: Scenario) {
  const right = attempt.steps.filter((step) => step.outcome === true).length;
  const passMark = scenario.assessment.passMark;
  return { right, of: scenario.steps.length, passMark, passed: right >= passMark };
}

/** What the trainee's desk shows: the attempt read against its scenario at `now`. */
export function progressView(
  attempt: Attempt,
  scenario: Scenario,
  reveal: StepReveal | null,
  now: Date,
): TrainingProgress {
  const record = attempt.steps[attempt.stepIndex];
  const step = scenario.steps[attempt.stepIndex];
  const current =
    attempt.finishedAt === null && record && step && reveal
      ? {
          index: attempt.stepIndex,
          id: step.id,
          instruction: step.instruction,
          target: step.target,
          reveal,
          hintAfterSeconds: attempt.mode === 'guided' ? step.hint.afterSeconds : 0,
          startedAt: record.startedAt,
          elapsedMs: presentOnStepMs(record, now),
          hint: record.hints > 0 ? step.hint.text : null,
          trainerHints: [...(record.trainerHints ?? [])].reverse(),
        }
      : null;
  return {
    scenarioId: attempt.scenarioId,
    scenarioVersion: attempt.scenarioVersion,
    title: scenario.title,
    mode: attempt.mode,
    startedAt: attempt.startedAt,
    totalSteps: scenario.steps.length,
    step: current,
    hintsUsed: hintsUsed(attempt),
    mistakes: attempt.steps.flatMap((reached, index) =>
      reached.mistakes.flatMap((made) => {
        const known = scenario.steps[index]?.mistakes.find((mistake) => mistake.id === made.id);
        return known ? [{ step: index, at: made.at, feedback: known.feedback }] : [];
      }),
    ),
    outcomes: attempt.steps.flatMap((reached, index) =>
      reached.outcome === null ? [] : [{ step: index, ok: reached.outcome }],
    ),
    finishedAt: attempt.finishedAt,
    presentMs: presentMs(attempt, now),
    score: attempt.finishedAt === null ? null : scoreOf(attempt, scenario),
  };
}
