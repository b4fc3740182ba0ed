import type { Kysely } from 'kysely';
import type { Actor, ActorResolver } from '../../shared/api/access';
import type { UserSummary } from '../../shared/api/session';
import type { OfficeSchema } from './store/schema';

export type { Actor };

export function userSummaries(db: Kysely<OfficeSchema>) {
  return db
    .selectFrom('users as u')
    .innerJoin('departments as d', 'd.id', 'u.department_id')
    .where('u.active', '=', true)
    .select([
      'u.id',
      'u.name',
      'u.roles',
      'u.position',
      'u.department_id as departmentId',
      'd.name as departmentName',
    ]);
}

export async function findUser(db: Kysely<OfficeSchema>, userId: string): Promise<UserSummary | null> {
  return (await userSummaries(db).where('u.id', '=', userId).executeTakeFirst()) ?? null;
}

/**
 * Who a signed-in user is (department and roles) for every call and every event; reading it costs
 * a query, so it is kept for a few seconds. A user moved, given other roles or deactivated is seen
 * at most `ttlMs` later; one that no longer exists is never kept.
 */
export class ActorDirectory implements ActorResolver {
  readonly #known = new Map<string, { actor: Actor; until: number }>();

  constructor(
    private readonly db: Kysely<OfficeSchema>,
    private readonly ttlMs = 5000,
    private readonly clock: () => number = Date.now,
  ) {}

  async resolve(userId: string): Promise<Actor | null> {
    const known = this.#known.get(userId);
    if (known && known.until > this.clock()) return known.actor;
    const user = await findUser(this.db, userId);
    if (!user) {
      this.#known.delete(userId);
      return null;
    }
    const actor: Actor = { id: user.id, name: user.name, departmentId: user.departmentId, roles: user.roles };
    this.#known.set(actor.id, { actor, until: this.clock() + this.ttlMs });
    return actor;
  }
}
