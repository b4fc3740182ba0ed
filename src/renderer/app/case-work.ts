import { allows } from '../../shared/api/access';
import { calls } from '../../shared/api/index';
import { queueNames, type QueueName, type Role } from '../../shared/domain/cases';

/** What the queues screen offers a user; null when their roles read no cases at all. */
export interface CaseWork {
  readonly queues: readonly QueueName[];
  /** Claim, claim next and release: a processor's work. */
  readonly canClaim: boolean;
}

/** A head reviews the department's cases: what nobody holds yet, what falls due, what is overdue. */
const reviewQueues: readonly QueueName[] = ['unassigned', 'due_soon', 'overdue', 'all'];

/**
 * The screen follows the contract's own access rules, so it never offers what the desk would refuse.
 */
export function caseWorkFor(roles: readonly Role[]): CaseWork | null {
  if (!allows(calls['cases.list'].access, roles)) return null;
  const canClaim = allows(calls['cases.claim'].access, roles);
  return { queues: canClaim ? queueNames : reviewQueues, canClaim };
}

/** The queue to show: the one asked for when the user has it, their first queue otherwise. */
export const queueToShow = (work: CaseWork, asked: QueueName): QueueName =>
  work.queues.includes(asked) ? asked : work.queues[0]!;
