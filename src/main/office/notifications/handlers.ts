import type { Handlers } from '../../../shared/api/dispatch';
import type { ChangeFeed } from '../change-feed';
import type { Actor } from '../users';
import {
  archive,
  notify,
  recordAccess,
  recordBoePublication,
  recordPaperAttempt,
  type NotificationsDependencies,
  type Recorded,
} from './actions';
import { caseIdOfNotification, caseNotifications, caseOfActor, idOf } from './records';

export type NotificationsCallName = Extract<keyof Handlers, `notifications.${string}`>;

/**
 * The notification calls. Who may call is the contract's rule; which case is checked here: the
 * actor's department only (another department's case or notification is `not_found`). Every change
 * is audited in its own transaction and announced as `cases.changed`.
 */
export function notificationsHandlers(
  deps: NotificationsDependencies & { changes: ChangeFeed },
): Pick<Handlers, NotificationsCallName> {
  const view = async (actor: Actor, caseId: number) =>
    caseNotifications(deps.db, await caseOfActor(deps.db, actor, caseId));
  const announce = (actor: Actor, caseId: number) =>
    deps.changes.announce({ caseIds: [String(caseId)], departmentId: actor.departmentId, kind: 'updated' });
  const after = async (actor: Actor, recorded: Recorded) => {
    if (recorded.changed) announce(actor, recorded.caseId);
    return view(actor, recorded.caseId);
  };
  const notificationId = async (actor: Actor, raw: string) => {
    const id = idOf(raw);
    await caseIdOfNotification(deps.db, actor, id);
    return id;
  };
  return {
    'notifications.get': async ({ caseId }, { actor }) => view(actor, idOf(caseId)),
    'notifications.notify': async ({ caseId, locale }, { actor }) => {
      const id = idOf(caseId);
      await notify(deps, actor, id, locale);
      announce(actor, id);
      return view(actor, id);
    },
    'notifications.recordAccess': async (input, { actor }) =>
      after(
        actor,
        await recordAccess(deps, actor, {
          notificationId: await notificationId(actor, input.notificationId),
          outcome: input.outcome,
          at: new Date(input.at),
          eventId: input.eventId,
        }),
      ),
    'notifications.recordPaperAttempt': async (input, { actor }) =>
      after(
        actor,
        await recordPaperAttempt(deps, actor, {
          notificationId: await notificationId(actor, input.notificationId),
          at: new Date(input.at),
          outcome: input.outcome,
        }),
      ),
    'notifications.recordBoePublication': async (input, { actor }) =>
      after(
        actor,
        await recordBoePublication(deps, actor, {
          notificationId: await notificationId(actor, input.notificationId),
          publishedOn: input.publishedOn,
          reference: input.reference,
        }),
      ),
    'notifications.archive': async ({ caseId }, { actor }) => {
      const id = idOf(caseId);
      await archive(deps, actor, id);
      announce(actor, id);
      return view(actor, id);
    },
  };
}
