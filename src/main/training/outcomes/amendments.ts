import { amendmentTermEnd } from '../../office/deadlines';
import type { OutcomeCheckFunction, OutcomeContext } from './context';
import { caseFacts, caseIdOf, failed, passed } from './context';

/** The case's latest amendment request, with the suspension it opened (if any). */
async function latestRequest(context: OutcomeContext, alias: string) {
  const request = await context.db
    .selectFrom('amendment_requests')
    .selectAll()
    .where('case_id', '=', caseIdOf(context, alias))
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!request) return null;
  const suspension = await context.db
    .selectFrom('case_suspensions')
    .select(['from_on', 'to_on'])
    .where('amendment_request_id', '=', request.id)
    .executeTakeFirst();
  return { request, suspension };
}

/**
 * Art. 68.1 and 22.1.a LPACAP: the trainee issued the request and it went to the applicant: its
 * notification is made available (or its paper notice printed). Until that notification is made the
 * request gives no term yet and suspends nothing (`suspendsTerm: false`); once made, its term is
 * `businessDays` business days counted from the day after with the legal calendar (the applicant's
 * municipality's holidays too), its last day is the one the office recorded, and the case's term is
 * suspended from the notification's day, still open.
 */
export const amendmentRequested: OutcomeCheckFunction<'amendment_requested'> = async (context, params) => {
  const found = await caseFacts(context, params.case);
  if (found.state !== 'awaiting_amendment') return failed('case_not_awaiting_amendment');
  const latest = await latestRequest(context, params.case);
  if (!latest || latest.request.state !== 'pending') return failed('no_pending_amendment_request');
  const { request, suspension } = latest;
  if (request.created_by !== context.traineeId) return failed('not_requested_by_trainee');
  if (request.term_days !== params.businessDays) return failed('wrong_term');
  if (request.notification_id === null) return failed('amendment_not_notified');
  if (request.notified_on !== null) {
    const lastDay = amendmentTermEnd(
      context.calendar,
      request.notified_on,
      request.term_days + request.extension_days,
      found.municipality,
    );
    if (request.ends_on !== lastDay) return failed('wrong_term_end');
  }
  const suspended =
    suspension !== undefined && suspension.from_on === request.notified_on && suspension.to_on === null;
  if (params.suspendsTerm !== suspended)
    return failed(params.suspendsTerm ? 'term_not_suspended' : 'term_suspended');
  return passed;
};

/** The reply is registered by the trainee, the suspension is closed and the case is worked again. */
export const replyRegistered: OutcomeCheckFunction<'reply_registered'> = async (context, params) => {
  const latest = await latestRequest(context, params.case);
  if (!latest || latest.request.state !== 'replied') return failed('no_reply_registered');
  if (latest.request.reply_registered_by !== context.traineeId) return failed('not_registered_by_trainee');
  if (!latest.suspension || latest.suspension.to_on === null) return failed('suspension_not_lifted');
  const found = await caseFacts(context, params.case);
  return found.state === 'in_progress' ? passed : failed('case_not_in_progress');
};
