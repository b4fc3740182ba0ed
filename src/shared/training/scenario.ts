import { z } from 'zod';
import { callNames, eventNames } from '../api/index';
import { caseStateSchema, queueNameSchema } from '../domain/cases';
import { localeSchema } from '../api/session';
import { trayBoxSchema } from '../api/signatures';
import { tourTargetIds } from './tour-targets';

/**
 * A training scenario, as written in `resources/training/scenarios/*.yaml`: what the trainee starts
 * with (fixtures), what they do step by step (each step completed by what happened in the office,
 * never by a click), and the pass mark of the assessment. Texts are in Spanish and Valencian.
 */

const slug = z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'claim-and-review');

/** A text in both languages of the desk. */
export const localizedTextSchema = z
  .object({ es: z.string().trim().min(1), 'ca-valencia': z.string().trim().min(1) })
  .strict();
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/** A demo-city user id (`urb-01`, `urb-jefatura`, `formacion`...). */
const userId = z.string().regex(/^[a-z][a-z0-9-]*$/, 'urb-01');

/** The name a scenario gives one of its cases (`caso`, `otro-caso`), used by its steps. */
const caseAlias = slug;

/**
 * A demo-city case chosen by a stable rule: among the cases of the trainee's department in `state`
 * (of `procedure` and `channel` when given) assigned as `assignee` says, ordered by case number, the `pick`-th
 * (0 = the first). The demo city is deterministic for its seed, so the same case every time.
 */
export const caseSelectorSchema = z
  .object({
    state: caseStateSchema,
    procedure: z
      .string()
      .regex(/^[A-Z]{3}-[A-Z0-9]+$/, 'URB-OMEN')
      .optional(),
    assignee: z.enum(['nobody', 'trainee', 'colleague']),
    /** How the applicant is notified (a scenario about notifying needs one or the other). */
    channel: z.enum(['electronic', 'paper']).optional(),
    pick: z.number().int().nonnegative().default(0),
  })
  .strict();
export type CaseSelector = z.infer<typeof caseSelectorSchema>;

/**
 * Records put into the sandbox, in order, after the cases are chosen and before the trainee starts:
 * done through the office's own handlers, as the named colleague would have done them.
 */
export const setupActionSchema = z.discriminatedUnion('kind', [
  /** The case is assigned to the trainee. */
  z.object({ kind: z.literal('claim'), case: caseAlias }).strict(),
  /** An amendment request (art. 68 LPACAP) was sent for the case, with this list of what is missing. */
  z.object({ kind: z.literal('amendment_request'), case: caseAlias, missing: z.string().min(1) }).strict(),
  /**
   * A processor (`by`; the case's holder when omitted) drafted the case's resolution from its
   * template and sent it to `signer` to sign.
   */
  z
    .object({
      kind: z.literal('resolution_for_signature'),
      case: caseAlias,
      by: userId.optional(),
      signer: z.union([z.literal('trainee'), userId]),
    })
    .strict(),
]);
export type SetupAction = z.infer<typeof setupActionSchema>;

export const fixturesSchema = z
  .object({
    /** The demo user the trainee works as (their department, their roles). */
    trainee: userId,
    cases: z.record(caseAlias, caseSelectorSchema),
    setup: z.array(setupActionSchema).default([]),
  })
  .strict();
export type ScenarioFixtures = z.infer<typeof fixturesSchema>;

/** Faults the practice card plays in this scenario (the practice card's own fault names). */
export const cardFaultsSchema = z
  .object({
    refuseFirstPin: z.boolean().optional(),
    removeAfterSignatures: z.number().int().positive().optional(),
    pinPerSignature: z.boolean().optional(),
  })
  .strict();
export type CardFaults = z.infer<typeof cardFaultsSchema>;

/**
 * The outcome checks run in main against the sandbox store: each names what must be true in the
 * office, with its parameters. Case parameters are the scenario's case aliases.
 */
export const outcomeCheckSchema = z.discriminatedUnion('id', [
  /** The case is assigned to the trainee. */
  z.object({ id: z.literal('case_claimed_by_trainee'), case: caseAlias }).strict(),
  /** The trainee added a note to the case. */
  z.object({ id: z.literal('note_added'), case: caseAlias }).strict(),
  /** The trainee added a report to the case, from this report template when named. */
  z
    .object({ id: z.literal('report_added'), case: caseAlias, template: z.string().min(1).optional() })
    .strict(),
  /**
   * The case waits for an amendment: its open request gives `businessDays` business days (counted
   * from the notice with the legal calendar) and suspends the case's term.
   */
  z
    .object({
      id: z.literal('amendment_requested'),
      case: caseAlias,
      businessDays: z.number().int().positive().default(10),
      suspendsTerm: z.boolean().default(true),
    })
    .strict(),
  /** The applicant's reply to the case's amendment request is registered and the case is worked again. */
  z.object({ id: z.literal('reply_registered'), case: caseAlias }).strict(),
  /** The case's resolution waits for `signer`'s signature (the trainee's department head when omitted). */
  z
    .object({
      id: z.literal('resolution_sent_for_signature'),
      case: caseAlias,
      signer: z.union([z.literal('trainee'), userId]).optional(),
      locale: localeSchema.optional(),
    })
    .strict(),
  /** The case's resolution is signed and entered in the book (signed by the trainee when `byTrainee`). */
  z
    .object({ id: z.literal('resolution_signed'), case: caseAlias, byTrainee: z.boolean().default(true) })
    .strict(),
  /**
   * These cases' resolutions are signed by the trainee and in the book: all of them, or at least
   * `atLeast` (a batch interrupted halfway has signed some, in whatever order the tray gave them).
   */
  z
    .object({
      id: z.literal('batch_signed'),
      cases: z.array(caseAlias).min(2),
      atLeast: z.number().int().positive().optional(),
    })
    .strict(),
  /** The trainee put the case's resolution to notification. */
  z.object({ id: z.literal('notified'), case: caseAlias }).strict(),
  /** The notification took effect (read or rejected, or the paper notice delivered): the case is notified. */
  z.object({ id: z.literal('notification_effective'), case: caseAlias }).strict(),
  /** The case is archived. */
  z.object({ id: z.literal('case_archived'), case: caseAlias }).strict(),
]);
export type OutcomeCheck = z.infer<typeof outcomeCheckSchema>;
export type OutcomeCheckId = OutcomeCheck['id'];
export const outcomeCheckIds = outcomeCheckSchema.options.map(
  (option) => option.shape.id.value,
) as readonly OutcomeCheckId[];

/**
 * A domain event: a contract call that succeeded (`amendments.request`) or a contract event that was
 * emitted (`signatures.changed`). The walkthrough runs a step's check when its event happens.
 */
const domainEventNames = [...callNames, ...eventNames] as [string, ...string[]];
export const domainEventSchema = z.enum(domainEventNames);

/** Where the target lives: the app's routes, with cases named by alias. Queue and tray tabs are part of the route. */
export const scenarioRouteSchema = z.discriminatedUnion('screen', [
  z.object({ screen: z.literal('queues'), queue: queueNameSchema }).strict(),
  z.object({ screen: z.literal('case'), case: caseAlias }).strict(),
  z.object({ screen: z.literal('tray'), box: trayBoxSchema }).strict(),
  z.object({ screen: z.literal('book') }).strict(),
  /** The signing flow for these cases' pending requests. */
  z.object({ screen: z.literal('sign'), cases: z.array(caseAlias).min(1) }).strict(),
]);
export type ScenarioRoute = z.infer<typeof scenarioRouteSchema>;

const tourTargetSchema = z.enum(tourTargetIds);

/** How the walkthrough makes a step's target visible before pointing at it. */
export const revealSchema = z
  .object({
    route: scenarioRouteSchema,
    /** A section to scroll into view first (the target may be inside it, or appear once it is opened). */
    scrollTo: tourTargetSchema.optional(),
    /** The row of this case in the virtualized list of the route (queue grid, tray grid) to scroll to. */
    row: caseAlias.optional(),
  })
  .strict();
export type Reveal = z.infer<typeof revealSchema>;

export const completionSchema = z.object({ event: domainEventSchema, check: outcomeCheckSchema }).strict();
export type Completion = z.infer<typeof completionSchema>;

/**
 * A known wrong action: when `event` happens and `check` comes out as `when` says (by default: it
 * fails, e.g. "a case was claimed, and it is not the scenario's case"), the trainee gets `feedback`
 * and a mistake is counted.
 */
export const mistakeSchema = z
  .object({
    id: slug,
    event: domainEventSchema,
    check: outcomeCheckSchema,
    when: z.enum(['fails', 'passes']).default('fails'),
    feedback: localizedTextSchema,
  })
  .strict();
export type Mistake = z.infer<typeof mistakeSchema>;

export const hintSchema = z
  .object({ text: localizedTextSchema, afterSeconds: z.number().int().min(0).max(3600).default(45) })
  .strict();
export type Hint = z.infer<typeof hintSchema>;

export const stepSchema = z
  .object({
    id: slug,
    instruction: localizedTextSchema,
    target: tourTargetSchema,
    reveal: revealSchema,
    completion: completionSchema,
    hint: hintSchema,
    mistakes: z.array(mistakeSchema).default([]),
  })
  .strict();
export type ScenarioStep = z.infer<typeof stepSchema>;

/** Assessment mode: no hints, and the trainee passes with `passMark` of the steps' outcomes right. */
export const assessmentSchema = z.object({ passMark: z.number().int().positive() }).strict();

const scenarioObjectSchema = z
  .object({
    id: slug,
    /** Raised whenever the steps change: completion records name the version the trainee did. */
    version: z.number().int().positive(),
    title: localizedTextSchema,
    description: localizedTextSchema,
    role: z.enum(['processor', 'head']),
    fixtures: fixturesSchema,
    card: cardFaultsSchema.optional(),
    steps: z.array(stepSchema).min(1),
    assessment: assessmentSchema,
  })
  .strict();

/** The case aliases a check, route or setup action names, with where each is written. */
function aliasesOf(value: object, at: (string | number)[]): [string, (string | number)[]][] {
  const { case: one, cases: many } = value as { case?: string; cases?: readonly string[] };
  return [
    ...(one === undefined ? [] : [[one, [...at, 'case']] as [string, (string | number)[]]]),
    ...(many ?? []).map((alias, index): [string, (string | number)[]] => [alias, [...at, 'cases', index]]),
  ];
}

/**
 * Cross-field rules: every alias is a fixture case, step and mistake ids are unique, the pass mark
 * fits. Each issue carries its reason and parameters for the loader to say in the user's language.
 */
export const scenarioSchema = scenarioObjectSchema.superRefine((scenario, context) => {
  const known = Object.keys(scenario.fixtures.cases);
  const requireKnown = (aliases: [string, (string | number)[]][]) => {
    for (const [alias, path] of aliases)
      if (!known.includes(alias))
        context.addIssue({
          code: 'custom',
          path,
          message: `"${alias}" is not one of the fixture cases`,
          params: { reason: 'training.scenario.reason.unknownCase', alias, known: known.join(', ') },
        });
  };
  const repeated = (id: string, path: (string | number)[]) =>
    context.addIssue({
      code: 'custom',
      path,
      message: `id "${id}" is repeated`,
      params: { reason: 'training.scenario.reason.repeatedId', id },
    });
  scenario.fixtures.setup.forEach((action, index) =>
    requireKnown(aliasesOf(action, ['fixtures', 'setup', index])),
  );
  const stepIds = new Set<string>();
  scenario.steps.forEach((step, index) => {
    const at = ['steps', index];
    if (stepIds.has(step.id)) repeated(step.id, [...at, 'id']);
    stepIds.add(step.id);
    requireKnown(aliasesOf(step.reveal.route, [...at, 'reveal', 'route']));
    if (step.reveal.row !== undefined) requireKnown([[step.reveal.row, [...at, 'reveal', 'row']]]);
    requireKnown(aliasesOf(step.completion.check, [...at, 'completion', 'check']));
    const mistakeIds = new Set<string>();
    step.mistakes.forEach((mistake, mistakeIndex) => {
      const mistakeAt = [...at, 'mistakes', mistakeIndex];
      if (mistakeIds.has(mistake.id)) repeated(mistake.id, [...mistakeAt, 'id']);
      mistakeIds.add(mistake.id);
      requireKnown(aliasesOf(mistake.check, [...mistakeAt, 'check']));
    });
  });
  const { passMark } = scenario.assessment;
  if (passMark > scenario.steps.length)
    context.addIssue({
      code: 'custom',
      path: ['assessment', 'passMark'],
      message: `the pass mark (${passMark}) is more than the ${scenario.steps.length} outcomes`,
      params: { reason: 'training.scenario.reason.passMark', passMark, steps: scenario.steps.length },
    });
});

export type Scenario = z.infer<typeof scenarioSchema>;
/** A scenario as written, before defaults are filled in. */
export type ScenarioInput = z.input<typeof scenarioSchema>;
