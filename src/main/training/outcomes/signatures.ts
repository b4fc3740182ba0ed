import type { OutcomeCheckFunction, OutcomeContext } from './context';
import { caseFacts, caseIdOf, failed, passed } from './context';

/** The case's latest signature request. */
function latestRequest(context: OutcomeContext, alias: string) {
  return context.db
    .selectFrom('signature_requests')
    .select(['id', 'state', 'locale', 'created_by'])
    .where('case_id', '=', caseIdOf(context, alias))
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The trainee sent the case's resolution for signature: it waits, in the language and for the signer asked. */
export const resolutionSentForSignature: OutcomeCheckFunction<'resolution_sent_for_signature'> = async (
  context,
  params,
) => {
  const request = await latestRequest(context, params.case);
  if (!request || request.state !== 'pending') return failed('no_pending_signature_request');
  if (request.created_by !== context.traineeId) return failed('not_sent_by_trainee');
  if (params.locale !== undefined && request.locale !== params.locale) return failed('wrong_locale');
  const signers = await context.db
    .selectFrom('signature_steps')
    .select('signer_id')
    .where('request_id', '=', request.id)
    .where('action', '=', 'sign')
    .execute();
  const signer = params.signer === 'trainee' ? context.traineeId : params.signer;
  if (signers.length === 0) return failed('nobody_signs');
  if (signer !== undefined && !signers.some((step) => step.signer_id === signer))
    return failed('wrong_signer');
  const found = await caseFacts(context, params.case);
  return found.state === 'awaiting_signature' ? passed : failed('case_not_awaiting_signature');
};

/** Why a case's resolution is not signed into the book (by the trainee when asked), or null when it is. */
async function signedFailure(
  context: OutcomeContext,
  alias: string,
  byTrainee: boolean,
): Promise<string | null> {
  const entry = await context.db
    .selectFrom('resolution_numbers')
    .select(['signer_id'])
    .where('case_id', '=', caseIdOf(context, alias))
    .where('state', '=', 'confirmed')
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!entry) return 'not_in_book';
  if (byTrainee && entry.signer_id !== context.traineeId) return 'not_signed_by_trainee';
  const request = await latestRequest(context, alias);
  return request?.state === 'signed' ? null : 'request_not_signed';
}

export const resolutionSigned: OutcomeCheckFunction<'resolution_signed'> = async (context, params) => {
  const failure = await signedFailure(context, params.case, params.byTrainee);
  return failure === null ? passed : failed(failure);
};

/** The batch's resolutions are signed by the trainee and in the book: all, or at least `atLeast` of them. */
export const batchSigned: OutcomeCheckFunction<'batch_signed'> = async (context, params) => {
  const failures = await Promise.all(params.cases.map((alias) => signedFailure(context, alias, true)));
  const signed = failures.filter((failure) => failure === null).length;
  return signed >= (params.atLeast ?? params.cases.length) ? passed : failed('batch_not_all_signed');
};
