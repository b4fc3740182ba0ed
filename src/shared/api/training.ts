import { z } from 'zod';
import { access } from './access';
import { call, event } from './define';
import { queueNameSchema } from '../domain/cases';
import { trayBoxSchema } from './signatures';
import { plainText } from './text';

/**
 * The trainee's desk: the scenarios of a training desk, the trainee's progress through one and its
 * hints. Only a training desk answers these calls; every other desk refuses them with `not_found`.
 */

const isoInstant = z.string().datetime({ offset: true });
const count = z.number().int().nonnegative();

/** Scenario text travels in both languages; the renderer shows the user's. */
export const localizedTextSchema = z.object({ es: z.string(), 'ca-valencia': z.string() });
export type LocalizedText = z.infer<typeof localizedTextSchema>;

export const trainingModeSchema = z.enum(['guided', 'assessment']);
export type TrainingMode = z.infer<typeof trainingModeSchema>;

export const scenarioSummarySchema = z.object({
  id: z.string(),
  version: count,
  title: localizedTextSchema,
  description: localizedTextSchema,
  steps: count,
  /** The demo user the scenario is done as: only they may start it. */
  trainee: z.string(),
  /** Assessment mode passes with at least this many of the scenario's outcomes right. */
  passMark: count,
});
export type ScenarioSummary = z.infer<typeof scenarioSummarySchema>;

/**
 * How the walkthrough makes a step's target visible before it looks for it: the screen to go to
 * (the scenario's cases already resolved to the sandbox's), a section to scroll into view, and the
 * case whose row the route's virtualized list scrolls to.
 */
export const stepRevealSchema = z.object({
  route: z.discriminatedUnion('screen', [
    z.object({ screen: z.literal('queues'), queue: queueNameSchema }),
    z.object({ screen: z.literal('case'), caseId: z.string() }),
    z.object({ screen: z.literal('tray'), box: trayBoxSchema }),
    z.object({ screen: z.literal('book') }),
    z.object({ screen: z.literal('sign'), requestIds: z.array(z.string()).min(1) }),
  ]),
  /** The `data-tour` id of a section to scroll into view first. */
  scrollTo: z.string().nullable(),
  /** The case whose row holds the target. */
  row: z.string().nullable(),
});
export type StepReveal = z.infer<typeof stepRevealSchema>;

export const stepViewSchema = z.object({
  index: count,
  id: z.string(),
  instruction: localizedTextSchema,
  /** The `data-tour` id the popover points at. */
  target: z.string(),
  reveal: stepRevealSchema,
  /** Seconds on the step before its hint is offered (never in assessment mode). */
  hintAfterSeconds: count,
  startedAt: isoInstant,
  /** Time on the step so far, by the desk's clock, counting only the time the trainee was there. */
  elapsedMs: count,
  /** The hint, once asked for on this step. */
  hint: localizedTextSchema.nullable(),
  /** The trainer's hints on this step, newest first, in their own words (their console's "Enviar pista"). */
  trainerHints: z.array(z.string()),
});
export type StepView = z.infer<typeof stepViewSchema>;

export const mistakeSchema = z.object({
  step: count,
  at: isoInstant,
  /** What the scenario says about this wrong action. */
  feedback: localizedTextSchema,
});
export type Mistake = z.infer<typeof mistakeSchema>;

export const outcomeSchema = z.object({ step: count, ok: z.boolean() });

export const trainingProgressSchema = z.object({
  scenarioId: z.string(),
  scenarioVersion: count,
  title: localizedTextSchema,
  mode: trainingModeSchema,
  startedAt: isoInstant,
  totalSteps: count,
  /** The step to do now; null once the scenario is finished. */
  step: stepViewSchema.nullable(),
  hintsUsed: count,
  mistakes: z.array(mistakeSchema),
  outcomes: z.array(outcomeSchema),
  finishedAt: isoInstant.nullable(),
  /**
   * The time the trainee was on the scenario, to its end once finished: time away (signed out, the
   * app closed) is not counted.
   */
  presentMs: count,
  /** Once finished: right outcomes, out of how many, and whether that reaches the pass mark. */
  score: z.object({ right: count, of: count, passMark: count, passed: z.boolean() }).nullable(),
});
export type TrainingProgress = z.infer<typeof trainingProgressSchema>;

const empty = z.object({}).strict();
const scenarioId = plainText({ min: 1, max: 80 });

export const trainingCalls = {
  'training.scenarios': call(empty, z.array(scenarioSummarySchema), access.signedIn),
  /**
   * Starts (or starts again) a scenario; the trainee's earlier attempt, finished or not, is replaced.
   * `forbidden` for anyone but the scenario's trainee.
   */
  'training.start': call(
    z.object({ scenarioId, mode: trainingModeSchema }).strict(),
    trainingProgressSchema,
    access.signedIn,
  ),
  /** Where the trainee is: kept in the sandbox, so it survives closing the app. Null before any start. */
  'training.progress': call(empty, trainingProgressSchema.nullable(), access.signedIn),
  /** The current step's hint, counted. `invalid_transition` in assessment mode or with no step to do. */
  'training.hint': call(empty, trainingProgressSchema, access.signedIn),
  /** Leaves the scenario: the progress goes, as if never started. */
  'training.leave': call(empty, z.object({ ok: z.literal(true) }), access.signedIn),
  /**
   * Puts the practice card a scenario pulled out back in the desk's reader (it stays out until
   * then, as a real card would); the card listing is told (`tokens.changed`).
   */
  'training.card.insert': call(empty, z.object({ ok: z.literal(true) }), access.signedIn),
} as const;

export type TrainingCallName = keyof typeof trainingCalls;

export const trainingEvents = {
  /**
   * The trainee's progress moved (a step done, a mistake, a hint; away and back: its clock stopped
   * and running again); the walkthrough refetches it. Its audience is the trainee.
   */
  'training.progressed': event(
    z.object({
      kind: z.enum(['started', 'completed', 'mistake', 'hint', 'finished', 'left', 'away', 'back']),
      step: count,
    }),
  ),
} as const;
