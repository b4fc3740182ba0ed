import { z } from 'zod';
import { access } from './access';
import type { Audience } from './audience';
import { call, event } from './define';
import { plainText } from './text';
import { caseStateSchema, queueNameSchema, silenceSchema } from '../domain/cases';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const isoInstant = z.string().datetime({ offset: true });
const empty = z.object({}).strict();

export const procedureSchema = z.object({
  code: z.string(),
  name: z.object({ es: z.string(), 'ca-valencia': z.string() }),
  departmentId: z.string(),
  /** Maximum term to resolve and notify, e.g. { unit: 'months', amount: 3 }. */
  term: z.object({ unit: z.enum(['business_days', 'natural_days', 'months']), amount: z.number().int() }),
  silence: silenceSchema,
  legalBasis: z.string(),
});
export type Procedure = z.infer<typeof procedureSchema>;

export const caseFilterSchema = z
  .object({
    procedureCode: plainText({ max: 32 }).optional(),
    state: caseStateSchema.optional(),
    /** Matches the case number, the applicant's NIF/NIE/CIF or name (case- and accent-insensitive). */
    text: plainText({ max: 100, trim: true }).optional(),
  })
  .strict();
export type CaseFilter = z.infer<typeof caseFilterSchema>;

export const caseRowSchema = z.object({
  id: z.string(),
  number: z.string(),
  procedureCode: z.string(),
  applicantName: z.string(),
  applicantNif: z.string(),
  state: caseStateSchema,
  registeredAt: isoInstant,
  dueDate: isoDate,
  /**
   * Business days from today to the due date; negative when overdue. Meaningless once the case is
   * closed (see `closedAt`) and while its term is suspended (`awaiting_amendment`).
   */
  businessDaysLeft: z.number().int(),
  /** When a closed case (resolved, notified, archived, withdrawn, expired) reached its state. */
  closedAt: isoInstant.optional(),
  /** The due date depends on a holiday calendar file marked provisional (its bulletin was not out). */
  dueDateProvisional: z.boolean(),
  silence: silenceSchema,
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  /** Optimistic-concurrency version; every change bumps it. */
  version: z.number().int(),
});
export type CaseRow = z.infer<typeof caseRowSchema>;

export const queueCountsSchema = z.record(queueNameSchema, z.number().int().nonnegative());
export type QueueCounts = z.infer<typeof queueCountsSchema>;

export const documentSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** ENI identifier ES_<DIR3>_<YYYY>_<id>. */
  eniId: z.string(),
  documentType: z.string(),
  origin: z.union([z.literal(0), z.literal(1)]),
  elaborationState: z.string(),
  format: z.string(),
  capturedAt: isoInstant,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().nonnegative(),
});
export type CaseDocument = z.infer<typeof documentSchema>;

export const historyEntrySchema = z.object({
  seq: z.number().int(),
  at: isoInstant,
  actorName: z.string().nullable(),
  action: z.string(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const caseDetailSchema = z.object({
  case: caseRowSchema,
  procedure: procedureSchema,
  applicant: z.object({
    name: z.string(),
    nif: z.string(),
    kind: z.enum(['natural', 'legal']),
    municipality: z.string(),
    address: z.string(),
    channel: z.enum(['electronic', 'paper']),
  }),
  registryEntry: z.object({ number: z.string(), at: isoInstant }),
  eniId: z.string(),
  documents: z.array(documentSchema),
  history: z.array(historyEntrySchema),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

const caseIdInput = z.object({ caseId: plainText({ min: 1, max: 64 }) }).strict();

export const colleagueSchema = z.object({ id: z.string(), name: z.string() });
export type Colleague = z.infer<typeof colleagueSchema>;

export const reassignReasonMaxLength = 500;
export const reassignInputSchema = z
  .object({
    caseId: plainText({ min: 1, max: 64 }),
    toUserId: plainText({ min: 1, max: 64 }),
    reason: plainText({ min: 1, max: reassignReasonMaxLength, trim: true, lineBreaks: true }),
    version: z.number().int().min(1),
  })
  .strict();
export type ReassignInput = z.infer<typeof reassignInputSchema>;

/**
 * A department's cases are read by its processors, and by its head to review them; only processors
 * work them (claim, release). Which cases of the department is the office's part: another
 * department's case is `not_found` to them.
 */
export const caseReaders = access.roles('processor', 'head');
export const caseWorkers = access.roles('processor');

/** A change to a department's cases is news only to those who may read them. */
export const casesAudience = (departmentId: string): Audience => ({
  kind: 'department',
  departmentId,
  roles: caseReaders.roles,
});

export const casesCalls = {
  /** The procedures of the user's department (those their cases can be of). */
  'cases.procedures': call(empty, z.array(procedureSchema), caseReaders),
  /** The department's active processors: whom a case can be handed to. */
  'cases.colleagues': call(empty, z.array(colleagueSchema), caseReaders),
  'cases.queueCounts': call(empty, queueCountsSchema, caseReaders),
  'cases.list': call(
    z
      .object({
        queue: queueNameSchema,
        filter: caseFilterSchema.default({}),
        sort: z.enum(['due_asc', 'due_desc']).default('due_asc'),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    z.object({ total: z.number().int().nonnegative(), rows: z.array(caseRowSchema) }),
    caseReaders,
  ),
  /** Atomic: fails with `already_claimed` when another desk took the case first. */
  'cases.claim': call(caseIdInput, caseRowSchema, caseWorkers),
  /**
   * Atomically claims the unassigned case of the user's department that falls due first, among
   * those of the queue being viewed (unassigned by default) and its filter; null when it has none.
   */
  'cases.claimNext': call(
    z.object({ queue: queueNameSchema.default('unassigned'), filter: caseFilterSchema.default({}) }).strict(),
    caseRowSchema.nullable(),
    caseWorkers,
  ),
  'cases.release': call(caseIdInput, caseRowSchema, caseWorkers),
  /**
   * Hands an open case to another active processor of the department, with a reason: the head may
   * hand any, a processor only one they hold. A stale `version` is `conflict` with the fresh row.
   */
  'cases.reassign': call(reassignInputSchema, caseRowSchema, caseReaders),
  'cases.get': call(caseIdInput, caseDetailSchema, caseReaders),
} as const;

export const casesEvents = {
  /**
   * Something changed in these cases (claimed, released, moved); renderers refetch what they show.
   * Its audience is `casesAudience(departmentId)`.
   */
  'cases.changed': event(
    z.object({
      caseIds: z.array(z.string()),
      departmentId: z.string(),
      kind: z.enum(['claimed', 'released', 'reassigned', 'updated', 'created']),
    }),
  ),
} as const;
