import type { OutcomeCheck, OutcomeCheckId } from '../../../shared/training/scenario';
import { amendmentRequested, replyRegistered } from './amendments';
import { caseArchived, caseClaimedByTrainee, noteAdded, reportAdded } from './cases';
import type { OutcomeCheckFunction, OutcomeContext, OutcomeResult } from './context';
import { notificationEffective, notified } from './notifications';
import { batchSigned, resolutionSentForSignature, resolutionSigned } from './signatures';

/** Every outcome check a scenario may name, by its id. */
export const outcomeChecks: { [I in OutcomeCheckId]: OutcomeCheckFunction<I> } = {
  case_claimed_by_trainee: caseClaimedByTrainee,
  note_added: noteAdded,
  report_added: reportAdded,
  amendment_requested: amendmentRequested,
  reply_registered: replyRegistered,
  resolution_sent_for_signature: resolutionSentForSignature,
  resolution_signed: resolutionSigned,
  batch_signed: batchSigned,
  notified,
  notification_effective: notificationEffective,
  case_archived: caseArchived,
};

/** Runs a scenario's check against the sandbox. */
export function runOutcomeCheck(context: OutcomeContext, check: OutcomeCheck): Promise<OutcomeResult> {
  const run = outcomeChecks[check.id] as OutcomeCheckFunction<typeof check.id>;
  return run(context, check);
}
