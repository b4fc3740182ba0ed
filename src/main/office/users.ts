import type { Kysely } from 'kysely';
import { ApiError } from '../../shared/api/errors';
import type { CallContext } from '../../shared/api/dispatch';
import type { UserSummary } from '../../shared/api/session';
import type { OfficeSchema } from './store/schema';

/** The user each case call acts for: the connection's signed-in user. */
export interface Actor {
  id: string;
  name: string;
  departmentId: string;
}

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

export async function requireActor(db: Kysely<OfficeSchema>, ctx: CallContext): Promise<Actor> {
  const userId = ctx.session.get();
  if (userId === null) throw new ApiError('not_signed_in');
  const user = await findUser(db, userId);
  if (!user) {
    // The user was removed or deactivated since signing in: the session is over.
    ctx.session.set(null);
    throw new ApiError('not_signed_in');
  }
  return { id: user.id, name: user.name, departmentId: user.departmentId };
}

/**
 * Every case call needs the caller's department; reading it costs a query per call, so it is kept
 * for a few seconds. A user moved or deactivated is seen at most `ttlMs` later.
 */
export class ActorDirectory {
  readonly #known = new Map<string, { actor: Actor; until: number }>();

  constructor(
    private readonly db: Kysely<OfficeSchema>,
    private readonly ttlMs = 5000,
    private readonly clock: () => number = Date.now,
  ) {}

  async require(ctx: CallContext): Promise<Actor> {
    const userId = ctx.session.get();
    const known = userId === null ? undefined : this.#known.get(userId);
    if (known && known.until > this.clock()) return known.actor;
    const actor = await requireActor(this.db, ctx);
    this.#known.set(actor.id, { actor, until: this.clock() + this.ttlMs });
    return actor;
  }
}
