import { z } from 'zod';

/** Case life cycle of Ley 39/2015 (DOMAIN.md). */
export const caseStates = [
  'registered',
  'in_progress',
  'awaiting_amendment',
  'proposal',
  'awaiting_signature',
  'resolved',
  'notified',
  'archived',
  'withdrawn',
  'expired',
] as const;
export const caseStateSchema = z.enum(caseStates);
export type CaseState = z.infer<typeof caseStateSchema>;

const transitions: Record<CaseState, readonly CaseState[]> = {
  registered: ['in_progress', 'awaiting_amendment', 'withdrawn'],
  in_progress: ['awaiting_amendment', 'proposal', 'withdrawn', 'expired'],
  awaiting_amendment: ['in_progress', 'withdrawn'],
  proposal: ['in_progress', 'awaiting_signature'],
  awaiting_signature: ['proposal', 'resolved'],
  resolved: ['notified'],
  notified: ['archived'],
  archived: [],
  withdrawn: [],
  expired: [],
};

export const canTransition = (from: CaseState, to: CaseState): boolean => transitions[from].includes(to);

/** States in which the legal term is still running and the case sits in someone's work. */
export const openStates: readonly CaseState[] = [
  'registered',
  'in_progress',
  'awaiting_amendment',
  'proposal',
  'awaiting_signature',
];

export const queueNames = ['mine', 'unassigned', 'due_soon', 'awaiting_amendment', 'overdue', 'all'] as const;
export const queueNameSchema = z.enum(queueNames);
export type QueueName = z.infer<typeof queueNameSchema>;

/** "Due soon" means due within this many business days (issue 2). */
export const dueSoonBusinessDays = 5;

export const silenceSchema = z.enum(['positive', 'negative']);
export type Silence = z.infer<typeof silenceSchema>;

export const roles = ['processor', 'head', 'trainer', 'admin'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;
