import type { Kysely } from 'kysely';
import { ApiError } from '../../shared/api/errors';
import type { Handlers } from '../../shared/api/dispatch';
import type { SessionInfo } from '../../shared/api/session';
import type { OfficeSchema } from './store/schema';
import { findUser, userSummaries } from './users';

export type OfficeMode = SessionInfo['mode'];

/**
 * How a person becomes the signed-in user of a connection; the composition chooses it per mode.
 * - `demoPicker`: demo desks (the demo city, fictitious people) offer their people to pick from.
 * - `identityProvider`: nobody becomes anyone by naming them; something outside the contract that
 *   proves who the person is sets the connection's session (on the shared server, certificate
 *   sign-in, still to come).
 */
export type SignInMethod = 'demoPicker' | 'identityProvider';

type SessionCallName =
  | 'session.demoUsers'
  | 'session.signIn'
  | 'session.current'
  | 'session.desk'
  | 'session.signOut'
  | 'session.startup';

export interface SessionOptions {
  mode: OfficeMode;
  signIn: SignInMethod;
}

export function sessionHandlers(
  db: Kysely<OfficeSchema>,
  { mode, signIn }: SessionOptions,
): Pick<Handlers, SessionCallName> {
  const demoOnly = () => {
    if (signIn !== 'demoPicker') throw new ApiError('forbidden');
  };
  return {
    'session.demoUsers': async () => {
      demoOnly();
      return userSummaries(db).orderBy('d.name').orderBy('u.name').execute();
    },
    'session.signIn': async ({ userId }, ctx) => {
      demoOnly();
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
    'session.desk': async () => ({ mode }),
    'session.signOut': async (_input, ctx) => {
      ctx.session.set(null);
      return { ok: true };
    },
    // A desk that answers is open: only the desk still starting (compose/starting-desk) says otherwise.
    'session.startup': async () => ({ ready: true, seeding: null }),
  };
}
