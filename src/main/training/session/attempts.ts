import type { Kysely } from 'kysely';
import type { OfficeSchema } from '../../office/store/schema';
import type { CaseAliases } from './ports';
import type { Attempt, StepRecord } from './progress';

/** The table of migration 0014, beside the office's own (the office never reads it). */
interface TrainingProgressTable {
  trainee_id: string;
  scenario_id: string;
  scenario_version: number;
  mode: 'guided' | 'assessment';
  cases: unknown;
  started_at: Date | string;
  step_index: number;
  steps: unknown;
  finished_at: Date | string | null;
}

type TrainingDb = Kysely<OfficeSchema & { training_progress: TrainingProgressTable }>;

/** jsonb comes back parsed from both drivers; a string is parsed all the same. */
const fromJson = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);

const instant = (value: Date | string) => (value instanceof Date ? value : new Date(value)).toISOString();

/** Each trainee's attempt, kept in the sandbox's store so that it survives closing the app. */
export class Attempts {
  readonly #db: TrainingDb;

  constructor(db: Kysely<OfficeSchema>) {
    this.#db = db.withTables<{ training_progress: TrainingProgressTable }>();
  }

  async of(traineeId: string): Promise<Attempt | null> {
    const row = await this.#db
      .selectFrom('training_progress')
      .selectAll()
      .where('trainee_id', '=', traineeId)
      .executeTakeFirst();
    if (!row) return null;
    return {
      traineeId: row.trainee_id,
      scenarioId: row.scenario_id,
      scenarioVersion: row.scenario_version,
      mode: row.mode,
      cases: fromJson(row.cases) as CaseAliases,
      startedAt: instant(row.started_at),
      stepIndex: row.step_index,
      steps: fromJson(row.steps) as StepRecord[],
      finishedAt: row.finished_at === null ? null : instant(row.finished_at),
    };
  }

  async save(attempt: Attempt): Promise<void> {
    const row = {
      trainee_id: attempt.traineeId,
      scenario_id: attempt.scenarioId,
      scenario_version: attempt.scenarioVersion,
      mode: attempt.mode,
      cases: JSON.stringify(attempt.cases),
      started_at: attempt.startedAt,
      step_index: attempt.stepIndex,
      steps: JSON.stringify(attempt.steps),
      finished_at: attempt.finishedAt,
    };
    await this.#db
      .insertInto('training_progress')
      .values(row)
      .onConflict((conflict) => conflict.column('trainee_id').doUpdateSet(row))
      .execute();
  }

  /** The trainees with an attempt under way. */
  async underWay(): Promise<string[]> {
    const rows = await this.#db
      .selectFrom('training_progress')
      .select('trainee_id')
      .where('finished_at', 'is', null)
      .execute();
    return rows.map((row) => row.trainee_id);
  }

  async remove(traineeId: string): Promise<void> {
    await this.#db.deleteFrom('training_progress').where('trainee_id', '=', traineeId).execute();
  }
}
