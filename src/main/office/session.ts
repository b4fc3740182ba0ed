import type { Kysely } from 'kysely';
import { ApiError } from '../../shared/api/errors';
import type { Handlers } from '../../shared/api/dispatch';
import type { SessionInfo } from '../../shared/api/session';
import { SignInChallenges, userOfNif, type CardSignIn } from './card-sign-in';
import type { OfficeSchema } from './store/schema';
import { findUser, userSummaries } from './users';

export type OfficeMode = SessionInfo['mode'];

/**
 * How a person becomes the signed-in user of a connection; the composition chooses it per mode.
 * - `demoPicker`: demo desks (the demo city, fictitious people) offer their people to pick from.
 * - `identityProvider`: nobody becomes anyone by naming them; what proves who the person is sets
 *   the connection's session: on the shared server, the card (`card`, see card-sign-in.ts).
 */
export type SignInMethod = 'demoPicker' | 'identityProvider';

type SessionCallName =
  | 'session.demoUsers'
  | 'session.signIn'
  | 'session.cardChallenge'
  | 'session.signInWithCard'
  | 'session.current'
  | 'session.desk'
  | 'session.signOut'
  | 'session.startup';

export interface SessionOptions {
  mode: OfficeMode;
  signIn: SignInMethod;
  /** Sign-in with the card, where the office has the desk's cryptography to check it (the server). */
  card?: CardSignIn;
  now: () => Date;
}

const decode = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));

export function sessionHandlers(
  db: Kysely<OfficeSchema>,
  { mode, signIn, card, now }: SessionOptions,
): Pick<Handlers, SessionCallName> {
  const demoOnly = () => {
    if (signIn !== 'demoPicker') throw new ApiError('forbidden');
  };
  const cardOnly = (): CardSignIn => {
    if (signIn !== 'identityProvider' || !card) throw new ApiError('forbidden');
    return card;
  };
  const challenges = new SignInChallenges(card?.server ?? null);
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
    'session.cardChallenge': async () => {
      cardOnly();
      const issued = challenges.issue(now());
      return { ...issued, expiresAt: issued.expiresAt.toISOString() };
    },
    'session.signInWithCard': async (input, ctx) => {
      const { identity } = cardOnly();
      const at = now();
      const toSign = challenges.take(input.challenge, at);
      if (toSign === null) throw new ApiError('card_sign_in_refused', { reason: 'challenge_unknown' });
      const verdict = await identity.verify(
        {
          certificate: decode(input.certificate),
          chain: input.chain.map(decode),
          message: new TextEncoder().encode(toSign),
          signature: decode(input.signature),
          scheme: input.scheme,
        },
        at,
      );
      if (!verdict.ok) throw new ApiError('card_sign_in_refused', { reason: verdict.reason });
      const user = await findUser(db, await userOfNif(db, verdict.nif));
      if (!user) throw new ApiError('card_sign_in_refused', { reason: 'unknown_holder' });
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
