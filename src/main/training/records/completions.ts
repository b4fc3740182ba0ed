import type { Generated, Kysely } from 'kysely';
import type { TrainingMode } from '../../../shared/api/training';
import type { Scenario } from '../../../shared/training/scenario';
import type { OfficeSchema } from '../../office/store/schema';
import { hintsUsed, presentMs, scoreOf, type Attempt } from '../session/progress';

/**
 * The trainer in charge of a trainee now, if the desk knows one (the trainer's class sessions say
 * it); null when nobody is. Asked when a scenario finishes, so the record keeps who it was then.
 */
export type TrainerOf = (traineeId: string) => Promise<string | null>;

export const noTrainer: TrainerOf = async () => null;

/** A scenario a trainee finished, as it is kept and exported. */
export interface Completion {
  readonly traineeId: string;
  readonly scenarioId: string;
  readonly scenarioVersion: number;
  readonly mode: TrainingMode;
  readonly right: number;
  readonly of: number;
  readonly passMark: number;
  readonly passed: boolean;
  readonly hintsUsed: number;
  readonly mistakes: number;
  readonly startedAt: string;
  readonly finishedAt: string;
  /** The time the trainee was present on it (not counting their time away); null on records before 0020. */
  readonly presentMs: number | null;
  readonly trainerId: string | null;
}

/** A completion with the names of the people in it, for the exports. */
export interface CompletionRecord extends Completion {
  readonly traineeName: string;
  readonly trainerName: string | null;
}

/** The table of migration 0016, beside the office's own (the office never reads it). */
interface TrainingCompletionsTable {
  id: Generated<number>;
  trainee_id: string;
  scenario_id: string;
  scenario_version: number;
  mode: TrainingMode;
  steps_right: number;
  steps_total: number;
  pass_mark: number;
  passed: boolean;
  hints_used: number;
  mistakes: number;
  started_at: Date | string;
  finished_at: Date | string;
  present_ms: number | null;
  trainer_id: string | null;
}

type RecordsDb = Kysely<OfficeSchema & { training_completions: TrainingCompletionsTable }>;

const withCompletions = (db: Kysely<OfficeSchema>): RecordsDb =>
  db.withTables<{ training_completions: TrainingCompletionsTable }>();

const instant = (value: Date | string) => (value instanceof Date ? value : new Date(value)).toISOString();

/** The record of a finished attempt: its score against the scenario, its hints and mistakes, its trainer. */
export function completionOf(attempt: Attempt, scenario: Scenario, trainerId: string | null): Completion {
  if (attempt.finishedAt === null) throw new Error('a completion record needs a finished attempt');
  const score = scoreOf(attempt, scenario);
  return {
    traineeId: attempt.traineeId,
    scenarioId: attempt.scenarioId,
    scenarioVersion: attempt.scenarioVersion,
    mode: attempt.mode,
    right: score.right,
    of: score.of,
    passMark: score.passMark,
    passed: score.passed,
    hintsUsed: hintsUsed(attempt),
    mistakes: attempt.steps.reduce((sum, step) => sum + step.mistakes.length, 0),
    startedAt: attempt.startedAt,
    finishedAt: attempt.finishedAt,
    presentMs: presentMs(attempt, new Date(attempt.finishedAt)),
    trainerId,
  };
}

/**
 * Adds a record; records are only ever added, so starting a scenario again keeps the earlier ones.
 * The same attempt recorded again keeps its first record.
 */
export async function appendCompletion(db: Kysely<OfficeSchema>, completion: Completion): Promise<void> {
  await withCompletions(db)
    .insertInto('training_completions')
    .values({
      trainee_id: completion.traineeId,
      scenario_id: completion.scenarioId,
      scenario_version: completion.scenarioVersion,
      mode: completion.mode,
      steps_right: completion.right,
      steps_total: completion.of,
      pass_mark: completion.passMark,
      passed: completion.passed,
      hints_used: completion.hintsUsed,
      mistakes: completion.mistakes,
      started_at: completion.startedAt,
      finished_at: completion.finishedAt,
      present_ms: completion.presentMs,
      trainer_id: completion.trainerId,
    })
    .onConflict((conflict) => conflict.columns(['trainee_id', 'scenario_id', 'started_at']).doNothing())
    .execute();
}

export interface CompletionFilter {
  traineeId?: string;
  trainerId?: string;
}

/** The records, oldest first, of one trainee and/or one trainer when asked. */
export async function completionRecords(
  db: Kysely<OfficeSchema>,
  filter: CompletionFilter = {},
): Promise<CompletionRecord[]> {
  let query = withCompletions(db)
    .selectFrom('training_completions as record')
    .innerJoin('users as trainee', 'trainee.id', 'record.trainee_id')
    .leftJoin('users as trainer', 'trainer.id', 'record.trainer_id')
    .selectAll('record')
    .select(['trainee.name as trainee_name', 'trainer.name as trainer_name'])
    .orderBy('record.finished_at')
    .orderBy('record.id');
  if (filter.traineeId !== undefined) query = query.where('record.trainee_id', '=', filter.traineeId);
  if (filter.trainerId !== undefined) query = query.where('record.trainer_id', '=', filter.trainerId);
  const rows = await query.execute();
  return rows.map((row) => ({
    traineeId: row.trainee_id,
    traineeName: row.trainee_name,
    scenarioId: row.scenario_id,
    scenarioVersion: row.scenario_version,
    mode: row.mode,
    right: row.steps_right,
    of: row.steps_total,
    passMark: row.pass_mark,
    passed: row.passed,
    hintsUsed: row.hints_used,
    mistakes: row.mistakes,
    startedAt: instant(row.started_at),
    finishedAt: instant(row.finished_at),
    presentMs: row.present_ms,
    trainerId: row.trainer_id,
    trainerName: row.trainer_name,
  }));
}

/** How many scenarios a trainee completed, and how many of those they passed. */
export interface CompletionCount {
  readonly completed: number;
  readonly passed: number;
}

/**
 * The completion counts of each of `traineeIds` who has any, in one query for the whole class;
 * a trainee with none is not in the map.
 */
export async function completionCounts(
  db: Kysely<OfficeSchema>,
  traineeIds: readonly string[],
): Promise<Map<string, CompletionCount>> {
  if (traineeIds.length === 0) return new Map();
  const rows = await withCompletions(db)
    .selectFrom('training_completions')
    .select((eb) => [
      'trainee_id',
      eb.fn.countAll().as('completed'),
      eb.fn.countAll().filterWhere('passed', '=', true).as('passed'),
    ])
    .where('trainee_id', 'in', traineeIds)
    .groupBy('trainee_id')
    .execute();
  // count() is a bigint, which the drivers may hand back as a string.
  return new Map(
    rows.map((row) => [row.trainee_id, { completed: Number(row.completed), passed: Number(row.passed) }]),
  );
}
