import type { Role } from '../domain/cases';
import type { Actor } from './access';

/**
 * Who an event is for. Transports deliver an event only to connections whose signed-in user is in
 * its audience; a signed-out connection is in none.
 */
export type Audience =
  | { readonly kind: 'everyoneSignedIn' }
  /** The members of a department holding one of these roles. */
  | { readonly kind: 'department'; readonly departmentId: string; readonly roles: readonly Role[] }
  | { readonly kind: 'user'; readonly userId: string };

export type Viewer = Pick<Actor, 'id' | 'departmentId' | 'roles'>;

export function reaches(audience: Audience, viewer: Viewer | null): boolean {
  if (viewer === null) return false;
  switch (audience.kind) {
    case 'everyoneSignedIn':
      return true;
    case 'department':
      return (
        viewer.departmentId === audience.departmentId &&
        viewer.roles.some((role) => audience.roles.includes(role))
      );
    case 'user':
      return viewer.id === audience.userId;
  }
}
