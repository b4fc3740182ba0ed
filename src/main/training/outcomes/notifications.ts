import type { OutcomeCheckFunction } from './context';
import { caseFacts, caseIdOf, failed, passed } from './context';

/** The trainee put the case's resolution to notification. */
export const notified: OutcomeCheckFunction<'notified'> = async (context, params) => {
  const notification = await context.db
    .selectFrom('notifications')
    .select('created_by')
    .where('case_id', '=', caseIdOf(context, params.case))
    // An amendment request is notified too: only the resolution's notification is this outcome.
    .where('purpose', '=', 'resolution')
    .executeTakeFirst();
  if (!notification) return failed('not_notified');
  return notification.created_by === context.traineeId ? passed : failed('not_notified_by_trainee');
};

/** The notification took effect (read, rejected or delivered on paper): the case is notified. */
export const notificationEffective: OutcomeCheckFunction<'notification_effective'> = async (
  context,
  params,
) => {
  const found = await caseFacts(context, params.case);
  return found.state === 'notified' ? passed : failed('notification_not_effective');
};
