import type { Role } from '../domain/cases';
import type { SessionSlot } from './dispatch';

/**
 * Who may make a call: anyone on the connection (signing in, asking who is signed in), any
 * signed-in user, or only users holding one of the roles. Every contract entry names one.
 */
export type Access =
  | { readonly kind: 'public' }
  | { readonly kind: 'signedIn' }
  | { readonly kind: 'roles'; readonly roles: readonly Role[] };

export type PublicAccess = Extract<Access, { kind: 'public' }>;

export const access = {
  public: { kind: 'public' },
  signedIn: { kind: 'signedIn' },
  roles: (...roles: [Role, ...Role[]]) => ({ kind: 'roles', roles }) as const,
} as const;

/** The signed-in user a call acts for; `dispatch` resolves it once per call and hands it to the handler. */
export interface Actor {
  readonly id: string;
  readonly name: string;
  readonly departmentId: string;
  readonly roles: readonly Role[];
}

/** Who a signed-in user id is now: null when the user no longer exists or was deactivated. */
export interface ActorResolver {
  resolve(userId: string): Promise<Actor | null>;
}

/** Whether a user holding `roles` may make a call with this rule (signed in is taken for granted). */
export function allows(rule: Access, roles: readonly Role[]): boolean {
  return rule.kind !== 'roles' || roles.some((role) => rule.roles.includes(role));
}

/** The user signed in on a connection, as they are now; null when nobody (or nobody valid) is. */
export async function actorOf(session: SessionSlot, actors: ActorResolver): Promise<Actor | null> {
  const userId = session.get();
  return userId === null ? null : actors.resolve(userId);
}
