import { z } from 'zod';
import { access } from './access';
import { caseReaders, caseRowSchema, documentSchema } from './cases';
import { call } from './define';
import { localeSchema } from './session';
import { plainText } from './text';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const isoInstant = z.string().datetime({ offset: true });
const idInput = plainText({ min: 1, max: 64 });
const localized = z.object({ es: z.string(), 'ca-valencia': z.string() });
/** The case's `version` the desk saw: a change made on an older one is `conflict`. */
const versionInput = z.number().int().min(1);

/** The largest PDF a desk uploads in one call: its base64 fits the host's 1 MiB body limit. */
export const maxUploadBytes = 750_000;
const maxUploadBase64 = Math.ceil(maxUploadBytes / 3) * 4;

/** A PDF a desk sends, as base64, within the upload limit; the office checks it really is one. */
export const pdfBase64Schema = z
  .string()
  .min(1)
  .max(maxUploadBase64)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/);

/** A PDF chosen on the desk, as base64; the office checks it really is one. */
export const uploadedPdfSchema = z
  .object({
    fileName: plainText({ min: 1, max: 200, trim: true }),
    pdfBase64: pdfBase64Schema,
  })
  .strict();
export type UploadedPdf = z.infer<typeof uploadedPdfSchema>;

export const noteMaxLength = 4000;

export const noteSchema = z.object({
  id: z.string(),
  author: z.object({ id: z.string(), name: z.string() }),
  body: z.string(),
  createdAt: isoInstant,
});
export type CaseNote = z.infer<typeof noteSchema>;

export const reportTemplateSchema = z.object({ id: z.string(), title: localized });
export type ReportTemplate = z.infer<typeof reportTemplateSchema>;

export const reportSourceSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('template'),
      templateId: plainText({ min: 1, max: 64 }),
      locale: localeSchema,
      body: plainText({ min: 1, max: 20_000, trim: true, lineBreaks: true }),
    })
    .strict(),
  z
    .object({
      kind: z.literal('pdf'),
      title: plainText({ min: 1, max: 200, trim: true }),
      file: uploadedPdfSchema,
    })
    .strict(),
]);
export type ReportSource = z.infer<typeof reportSourceSchema>;

/** How the applicant's withdrawal (art. 94) reached the office: a registry entry, or its PDF. */
export const withdrawalEvidenceSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('registry'),
      registryNumber: plainText({ min: 1, max: 64, trim: true }),
      filedOn: isoDate,
    })
    .strict(),
  z.object({ kind: z.literal('pdf'), filedOn: isoDate, file: uploadedPdfSchema }).strict(),
]);
export type WithdrawalEvidence = z.infer<typeof withdrawalEvidenceSchema>;

export const withdrawalSchema = z.object({
  /** `applicant`: art. 94; `deemed`: art. 68.1, the amendment term ended unanswered. */
  kind: z.enum(['applicant', 'deemed']),
  registryNumber: z.string().nullable(),
  filedOn: isoDate.nullable(),
  /** The applicant's written withdrawal, stored as a case document. */
  documentId: z.string().nullable(),
  amendmentNotifiedOn: isoDate.nullable(),
  amendmentTermEndedOn: isoDate.nullable(),
  recordedBy: z.object({ id: z.string(), name: z.string() }),
  recordedAt: isoInstant,
});
export type Withdrawal = z.infer<typeof withdrawalSchema>;

const changedCase = z.object({ case: caseRowSchema });

/**
 * Internal notes are written and read by the department's processors and heads; they are never
 * part of what the applicant is sent or shown. Reports and withdrawals are the processors' work:
 * a head reviews and signs, and does not add to the case. Another department's case is `not_found`.
 */
export const noteWriters = access.roles('processor', 'head');
export const caseworkers = access.roles('processor');

export const caseworkCalls = {
  'casework.notes.list': call(z.object({ caseId: idInput }).strict(), z.array(noteSchema), caseReaders),
  'casework.notes.add': call(
    z
      .object({
        caseId: idInput,
        body: plainText({ min: 1, max: noteMaxLength, trim: true, lineBreaks: true }),
      })
      .strict(),
    noteSchema,
    noteWriters,
  ),
  'casework.reportTemplates': call(z.object({}).strict(), z.array(reportTemplateSchema), caseworkers),
  /** The report template's text filled from the case, for the processor to complete. */
  'casework.reportDraft': call(
    z.object({ caseId: idInput, templateId: idInput, locale: localeSchema }).strict(),
    z.object({ title: z.string(), body: z.string() }),
    caseworkers,
  ),
  /** A report (informe, TD13) into the case: rendered from a template, or an uploaded PDF. */
  'casework.addReport': call(
    z.object({ caseId: idInput, version: versionInput, source: reportSourceSchema }).strict(),
    changedCase.extend({ document: documentSchema }),
    caseworkers,
  ),
  'casework.withdrawal': call(
    z.object({ caseId: idInput }).strict(),
    withdrawalSchema.nullable(),
    caseReaders,
  ),
  /**
   * Art. 94: registers the applicant's withdrawal of an open case; the resolution that declares it
   * is then drafted from its template (`resolutions.draft`) and sent for the head's signature.
   */
  'casework.withdraw': call(
    z.object({ caseId: idInput, version: versionInput, evidence: withdrawalEvidenceSchema }).strict(),
    changedCase.extend({ withdrawal: withdrawalSchema }),
    caseworkers,
  ),
  /**
   * Art. 68.1: the amendment term (10 business days from the day after notification) ended with no
   * reply: the applicant is deemed to have withdrawn, by a resolution drafted the same way.
   */
  'casework.deemWithdrawn': call(
    z
      .object({
        caseId: idInput,
        version: versionInput,
        /** Only for a request the office has no record of (made before Despacho recorded them). */
        amendmentNotifiedOn: isoDate.optional(),
      })
      .strict(),
    changedCase.extend({ withdrawal: withdrawalSchema }),
    caseworkers,
  ),
} as const;
