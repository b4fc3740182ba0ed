import type { SessionInfo } from '../../../shared/api/session';

/** The console is a training desk's, for its trainers. */
export const runsTheConsole = (session: SessionInfo): boolean =>
  session.mode === 'training' && session.user.roles.includes('trainer');
