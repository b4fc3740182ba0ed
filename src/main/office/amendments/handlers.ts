import type { Handlers } from '../../../shared/api/dispatch';
import { ApiError } from '../../../shared/api/errors';
import type { CardKeyInput } from '../../../shared/api/signing';
import type { LegalCalendar } from '../../../shared/domain/calendar';
import type { ChangeFeed } from '../change-feed';
import { idIn } from '../signatures/records';
import { readReplyFiles } from './attachments';
import {
  assertCaseInScope,
  caseAmendments,
  explainCase,
  extendAmendment,
  previewAmendment,
  registerReply,
  requestAmendment,
  type AmendmentsContext,
  type SignRequest,
} from './requests';
import type { Actor } from '../users';

export type AmendmentsCallName = Extract<keyof Handlers, `amendments.${string}` | `deadlines.${string}`>;

/**
 * The composition's signing step for an actor's request: with `card`, the actor's own card at this
 * desk; without, the office's seal.
 */
export type AmendmentRequestSigner = (actor: Actor, card: CardKeyInput | undefined) => SignRequest;

export interface AmendmentsDependencies extends AmendmentsContext {
  changes: ChangeFeed;
  calendar: LegalCalendar;
  /** Every request is issued signed: an office composed without a signer issues none. */
  signRequest: AmendmentRequestSigner | null;
}

/**
 * Who may call is checked by dispatch (processors act, the department's processors and head
 * read); which case is checked here: the actor's department's, held by the actor for a change.
 */
export function amendmentsHandlers(context: AmendmentsDependencies): Pick<Handlers, AmendmentsCallName> {
  const { db, calendar, changes } = context;
  const afterChange = async (
    caseId: number,
    actor: Parameters<typeof caseAmendments>[1],
    departmentId: string,
  ) => {
    changes.announce({ caseIds: [String(caseId)], departmentId, kind: 'updated' });
    return caseAmendments(db, actor, caseId);
  };
  return {
    'amendments.preview': async ({ caseId, missing, locale }, { actor }) =>
      previewAmendment(context, actor, idIn(caseId), missing, locale),
    'amendments.request': async ({ caseId, version, missing, locale, card }, { actor }) => {
      if (!context.signRequest) throw new ApiError('desk_only');
      const id = idIn(caseId);
      const issued = await requestAmendment(
        context,
        actor,
        { caseId: id, version, missing, locale },
        context.signRequest(actor, card),
      );
      // Nothing was issued: the desk keeps the dialog open and tells why.
      if ('failure' in issued) return { ...(await caseAmendments(db, actor, id)), failure: issued.failure };
      return afterChange(id, actor, issued.departmentId);
    },
    'amendments.extend': async ({ caseId, version, amendmentId, days }, { actor }) => {
      const id = idIn(caseId);
      const { departmentId } = await extendAmendment(context, actor, {
        caseId: id,
        version,
        amendmentId: idIn(amendmentId),
        days,
      });
      return afterChange(id, actor, departmentId);
    },
    'amendments.registerReply': async (
      { caseId, version, amendmentId, receivedAt, attachments },
      { actor },
    ) => {
      const id = idIn(caseId);
      await assertCaseInScope(db, actor, id);
      const files = await readReplyFiles(attachments);
      const { departmentId } = await registerReply(context, actor, {
        caseId: id,
        version,
        amendmentId: idIn(amendmentId),
        receivedAt: new Date(receivedAt),
        files,
      });
      return afterChange(id, actor, departmentId);
    },
    'amendments.get': async ({ caseId }, { actor }) => caseAmendments(db, actor, idIn(caseId)),
    'deadlines.explain': async ({ caseId }, { actor }) => explainCase(db, calendar, actor, idIn(caseId)),
  };
}
