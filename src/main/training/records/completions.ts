import { sql, type Generated, type Kysely } from 'kysely';
import type { ClassSession } from '../../../shared/api/trainer';
import type { TrainingMode } from '../../../shared/api/training';
import type { Scenario } from '../../../shared/training/scenario';
import type { OfficeSchema } from '../../office/store/schema';
import type { TrainingSessionsTable } from '../console/class-sessions';
import { hintsUsed, presentMs, scoreOf, type Attempt } from '../session/progress';

/** The class a trainee is in: a trainer's class session, and that trainer (who made it). */
export interface TraineeClass {
  readonly sessionId: string;
  readonly trainerId: string;
  /** The person the session names on the trainee's seat; null when it names nobody. */
  readonly personName: string | null;
}

/**
 * The class in which a trainee does a scenario, if the desk knows one (the trainer's class sessions
 * say it); null when none. Asked when the scenario finishes, so the record keeps the session and
 * trainer of then.
 */
export type ClassOf = (traineeId: string, scenarioId: string) => Promise<TraineeClass | null>;

export const noClass: ClassOf = async () => null;

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
  /** The class session the trainee was in when they finished it; null on records before 0022. */
  readonly sessionId: string | null;
  /** The person on the seat who finished it, as the session named them; null when it named nobody. */
  readonly personName: string | null;
}

/** A completion with the names of the people and the session in it, for the exports. */
export interface CompletionRecord extends Completion {
  /** Who did it: the person the session named on the seat, or else the seat's own name. */
  readonly traineeName: string;
  readonly trainerName: string | null;
  readonly sessionName: string | null;
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
  session_id: number | null;
  person_name: string | null;
}

type RecordsTables = {
  training_completions: TrainingCompletionsTable;
  training_sessions: TrainingSessionsTable;
};
type RecordsDb = Kysely<OfficeSchema & RecordsTables>;

const withCompletions = (db: Kysely<OfficeSchema>): RecordsDb => db.withTables<RecordsTables>();

/** The seats of a class session, and the person it names on each (a seat it names nobody on is not a key). */
type Seats = Pick<ClassSession, 'traineeIds' | 'participants'>;

/** The person a session names on a trainee's seat; null when it names nobody. */
export const personOnSeat = (seats: Pick<ClassSession, 'participants'>, traineeId: string): string | null =>
  seats.participants[traineeId] ?? null;

/**
 * A record (aliased `record`) of the person the session names on its seat, or that names nobody
 * where the session names nobody: what a seat's certificate and CSV hold.
 */
const ofThePersonOnItsSeat = (seats: Seats) =>
  sql<boolean>`record.person_name is not distinct from (${JSON.stringify(seats.participants)}::jsonb ->> record.trainee_id)`;

const instant = (value: Date | string) => (value instanceof Date ? value : new Date(value)).toISOString();

/** The record of a finished attempt: its score against the scenario, its hints and mistakes, its class. */
export function completionOf(attempt: Attempt, scenario: Scenario, inClass: TraineeClass | null): Completion {
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
    trainerId: inClass?.trainerId ?? null,
    sessionId: inClass?.sessionId ?? null,
    personName: inClass?.personName ?? null,
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
      session_id: completion.sessionId === null ? null : Number(completion.sessionId),
      person_name: completion.personName,
    })
    .onConflict((conflict) => conflict.columns(['trainee_id', 'scenario_id', 'started_at']).doNothing())
    .execute();
}

export interface CompletionFilter {
  traineeId?: string;
  trainerId?: string;
  /** The person named on the seat; null: the records that name nobody. */
  personName?: string | null;
  /** Each of the session's seats, with the records of the person it names there (or nobody). */
  seatsOf?: Seats;
}

/** The records, oldest first, of one trainee, one trainer, one person and/or one class's seats when asked. */
export async function completionRecords(
  db: Kysely<OfficeSchema>,
  filter: CompletionFilter = {},
): Promise<CompletionRecord[]> {
  let query = withCompletions(db)
    .selectFrom('training_completions as record')
    .innerJoin('users as trainee', 'trainee.id', 'record.trainee_id')
    .leftJoin('users as trainer', 'trainer.id', 'record.trainer_id')
    .leftJoin('training_sessions as session', 'session.id', 'record.session_id')
    .selectAll('record')
    .select(['trainee.name as trainee_name', 'trainer.name as trainer_name', 'session.name as session_name'])
    .orderBy('record.finished_at')
    .orderBy('record.id');
  if (filter.traineeId !== undefined) query = query.where('record.trainee_id', '=', filter.traineeId);
  if (filter.trainerId !== undefined) query = query.where('record.trainer_id', '=', filter.trainerId);
  if (filter.personName !== undefined)
    query = query.where('record.person_name', filter.personName === null ? 'is' : '=', filter.personName);
  if (filter.seatsOf !== undefined) {
    const seats = filter.seatsOf;
    if (seats.traineeIds.length === 0) return [];
    query = query.where('record.trainee_id', 'in', seats.traineeIds).where(ofThePersonOnItsSeat(seats));
  }
  const rows = await query.execute();
  return rows.map((row) => ({
    traineeId: row.trainee_id,
    traineeName: row.person_name ?? row.trainee_name,
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
    sessionId: row.session_id === null ? null : String(row.session_id),
    sessionName: row.session_name,
    personName: row.person_name,
  }));
}

/** What a trainee did of a class session's scenarios in that session, and their records in all. */
export interface CompletionCount {
  /** The session's scenarios they finished in it (each counted once, however many times finished). */
  readonly completed: number;
  /** Of those, the ones they passed at least once in it. */
  readonly passed: number;
  /**
   * Every record of the person the session names on the seat (or that names nobody, when it names
   * nobody), from any session or none: what their certificate certifies.
   */
  readonly recorded: number;
}

/**
 * The counts of each of the session's trainees who has any record, in one grouped query for the
 * whole class; a trainee with no record is not in the map.
 */
export async function completionCounts(
  db: Kysely<OfficeSchema>,
  session: Pick<ClassSession, 'id' | 'traineeIds' | 'scenarioIds' | 'participants'>,
): Promise<Map<string, CompletionCount>> {
  if (session.traineeIds.length === 0) return new Map();
  const rows = await withCompletions(db)
    .selectFrom('training_completions as record')
    .select((eb) => {
      const inSession = eb.and([
        eb('record.session_id', '=', Number(session.id)),
        eb('record.scenario_id', 'in', session.scenarioIds),
      ]);
      return [
        'record.trainee_id',
        eb.fn.count<number>('record.scenario_id').distinct().filterWhere(inSession).as('completed'),
        eb.fn
          .count<number>('record.scenario_id')
          .distinct()
          .filterWhere(eb.and([inSession, eb('record.passed', '=', true)]))
          .as('passed'),
        eb.fn.countAll<number>().filterWhere(ofThePersonOnItsSeat(session)).as('recorded'),
      ];
    })
    .where('record.trainee_id', 'in', session.traineeIds)
    .groupBy('record.trainee_id')
    .execute();
  // count() is a bigint, which the drivers may hand back as a string.
  return new Map(
    rows.map((row) => [
      row.trainee_id,
      { completed: Number(row.completed), passed: Number(row.passed), recorded: Number(row.recorded) },
    ]),
  );
}
