import { sql, type Generated, type Kysely, type Selectable } from 'kysely';
import type { ClassSession } from '../../../shared/api/trainer';
import type { OfficeSchema } from '../../office/store/schema';
import { personOnSeat, type TraineeClass } from '../records/completions';

/** The table of migration 0015, beside the office's own (the office never reads it). */
export interface TrainingSessionsTable {
  id: Generated<number>;
  name: string;
  scenario_ids: unknown;
  trainee_ids: unknown;
  participants: Generated<unknown>;
  created_by: string;
  created_at: Date | string;
}

type SessionsDb = Kysely<OfficeSchema & { training_sessions: TrainingSessionsTable }>;

/** jsonb comes back parsed from both drivers; a string is parsed all the same. */
const fromJson = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

const asSession = (row: Selectable<TrainingSessionsTable>): ClassSession => ({
  id: String(row.id),
  name: row.name,
  scenarioIds: fromJson<string[]>(row.scenario_ids),
  traineeIds: fromJson<string[]>(row.trainee_ids),
  participants: fromJson<Record<string, string>>(row.participants),
  createdBy: row.created_by,
  createdAt: (row.created_at instanceof Date ? row.created_at : new Date(row.created_at)).toISOString(),
});

export type NewClassSession = Pick<
  ClassSession,
  'name' | 'scenarioIds' | 'traineeIds' | 'participants' | 'createdBy'
> & {
  createdAt: Date;
};

/** The trainers' class sessions, kept in the training sandbox. */
export class ClassSessions {
  readonly #db: SessionsDb;

  constructor(db: Kysely<OfficeSchema>) {
    this.#db = db.withTables<{ training_sessions: TrainingSessionsTable }>();
  }

  async create(session: NewClassSession): Promise<ClassSession> {
    const row = await this.#db
      .insertInto('training_sessions')
      .values({
        name: session.name,
        scenario_ids: JSON.stringify(session.scenarioIds),
        trainee_ids: JSON.stringify(session.traineeIds),
        participants: JSON.stringify(session.participants),
        created_by: session.createdBy,
        created_at: session.createdAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return asSession(row);
  }

  async list(): Promise<ClassSession[]> {
    const rows = await this.#db.selectFrom('training_sessions').selectAll().orderBy('id', 'desc').execute();
    return rows.map(asSession);
  }

  /**
   * The class in which the trainee does this scenario: the newest session that has both, its
   * trainer (who made it) and the person it names on the seat; null when none has (the trainee
   * practised it outside their sessions).
   */
  async classOf(traineeId: string, scenarioId: string): Promise<TraineeClass | null> {
    const row = await this.#db
      .selectFrom('training_sessions')
      .select(['id', 'created_by', 'participants'])
      .where(sql<boolean>`trainee_ids @> ${JSON.stringify([traineeId])}::jsonb`)
      .where(sql<boolean>`scenario_ids @> ${JSON.stringify([scenarioId])}::jsonb`)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!row) return null;
    const personName = personOnSeat({ participants: fromJson(row.participants) }, traineeId);
    return { sessionId: String(row.id), trainerId: row.created_by, personName };
  }

  /**
   * Who is on each seat now: the person the newest session with the seat names there. A seat whose
   * newest session names nobody, or that no session has, is not in the map.
   */
  async peopleOnSeats(): Promise<Map<string, string>> {
    const people = new Map<string, string>();
    const decided = new Set<string>();
    for (const session of await this.list())
      for (const seat of session.traineeIds) {
        if (decided.has(seat)) continue;
        decided.add(seat);
        const person = session.participants[seat];
        if (person !== undefined) people.set(seat, person);
      }
    return people;
  }

  /** Null for an id that is not a session's (a hand-made one included). */
  async get(id: string): Promise<ClassSession | null> {
    if (!/^\d{1,9}$/.test(id)) return null;
    const row = await this.#db
      .selectFrom('training_sessions')
      .selectAll()
      .where('id', '=', Number(id))
      .executeTakeFirst();
    return row ? asSession(row) : null;
  }
}
