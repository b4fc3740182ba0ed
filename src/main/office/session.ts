import type { Kysely } from 'kysely';
import { ApiError } from '../../shared/api/errors';
import type { Handlers } from '../../shared/api/dispatch';
import type { SessionInfo } from '../../shared/api/session';
import type { OfficeSchema } from './store/schema';
import { findUser, requireActor, userSummaries } from './users';

export type OfficeMode = SessionInfo['mode'];
type SessionCallName = 'session.demoUsers' | 'session.signIn' | 'session.current' | 'session.signOut';

export function sessionHandlers(db: Kysely<OfficeSchema>, mode: OfficeMode): Pick<Handlers, SessionCallName> {
  return {
    'session.demoUsers': async () => {
      // A server is a real city hall: nobody picks an identity from a list there.
      if (mode === 'server') throw new ApiError('forbidden');
      return userSummaries(db).orderBy('d.name').orderBy('u.name').execute();
    },
    'session.signIn': async ({ userId }, ctx) => {
      const user = await findUser(db, userId);
      if (!user) throw new ApiError('unknown_user');
      ctx.session.set(user.id);
      return { user, mode };
    },
    'session.current': async (_input, ctx) => {
      const userId = ctx.session.get();
      if (userId === null) return null;
      const user = await findUser(db, userId);
      if (!user) {
        ctx.session.set(null);
        return null;
      }
      return { user, mode };
    },
    'session.signOut': async (_input, ctx) => {
      await requireActor(db, ctx);
      ctx.session.set(null);
      return { ok: true };
    },
  };
}
