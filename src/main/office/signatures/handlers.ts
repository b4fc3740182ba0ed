import type { Handlers } from '../../../shared/api/dispatch';
import type { CallName } from '../../../shared/api/index';
import { clockOf, type SignaturesContext } from './context';
import { idIn } from './records';
import {
  approve,
  draft,
  preview,
  reject,
  requestFor,
  requestsForCase,
  send,
  signersFor,
  withdraw,
} from './requests';
import { createSubstitution, listSubstitutions, revokeSubstitution } from './substitutions';
import { trayCounts, trayPage } from './tray';

export type SignaturesCallName = Extract<
  CallName,
  `resolutions.${string}` | `signatures.${string}` | `substitutions.${string}`
>;

/**
 * Who may call is checked by dispatch (the contract's access rules); which cases and requests here:
 * the actor's department only (another department's is `not_found`), and for heads only the steps
 * addressed to them or to whom they substitute today.
 */
export function signaturesHandlers(context: SignaturesContext): Pick<Handlers, SignaturesCallName> {
  return {
    'resolutions.draft': async ({ caseId, locale }, { actor }) => draft(context, actor, caseId, locale),
    'resolutions.preview': async (input, { actor }) => preview(context, actor, input),
    'signatures.signers': async ({ caseId }, { actor }) => signersFor(context, actor, caseId),
    'signatures.send': async (input, { actor }) => send(context, actor, input),
    'signatures.withdraw': async ({ requestId }, { actor }) => withdraw(context, actor, requestId),
    'signatures.ofCase': async ({ caseId }, { actor }) => requestsForCase(context, actor, caseId),
    'signatures.get': async ({ requestId }, { actor }) => requestFor(context, actor, idIn(requestId)),
    'signatures.tray': async (input, { actor }) => trayPage(context, actor, input),
    'signatures.counts': async (_input, { actor }) => trayCounts(context, actor),
    'signatures.approve': async ({ requestId }, { actor }) => approve(context, actor, requestId),
    'signatures.reject': async ({ requestId, reason }, { actor }) =>
      reject(context, actor, requestId, reason),
    'substitutions.list': async (_input, { actor }) =>
      listSubstitutions(context.db, actor, clockOf(context).today),
    'substitutions.create': async (input, { actor }) => {
      const { at, today } = clockOf(context);
      return createSubstitution(context.db, actor, input, at, today);
    },
    'substitutions.revoke': async ({ substitutionId }, { actor }) => {
      const { at, today } = clockOf(context);
      return revokeSubstitution(context.db, actor, idIn(substitutionId), at, today);
    },
  };
}
