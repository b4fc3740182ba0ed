import type { CaseDocument, CaseRow } from '../../../shared/api/cases';
import type { ReportSource } from '../../../shared/api/casework';
import { ApiError } from '../../../shared/api/errors';
import type { Locale } from '../../../shared/api/session';
import { loadCaseRecords, toCaseRow } from '../cases/rows';
import { draftFacts, loadCaseForResolution } from '../signatures/resolution';
import { appendAudit } from '../store/audit';
import type { Actor } from '../users';
import { lockCaseForChange, touchCase } from './case-change';
import { fileCaseDocument } from './case-documents';
import type { CaseworkContext } from './context';
import { renderReport } from './report-pdf';
import { markedPdf } from '../generated-pdf';
import { reportDraft } from './templates';
import { readUploadedPdf } from './uploaded-pdf';

export const reportTemplates = (context: CaseworkContext) =>
  Object.entries(context.templates.reports).map(([id, template]) => ({ id, title: template.title }));

export async function draftReport(
  context: CaseworkContext,
  actor: Actor,
  caseId: number,
  templateId: string,
  locale: Locale,
) {
  const found = await loadCaseForResolution(context.db, actor, caseId);
  return reportDraft(context.templates, templateId, draftFacts(found, locale), locale);
}

/** The case as a row after a change, and the news of it for the department's desks. */
export async function changedCaseRow(context: CaseworkContext, caseId: number): Promise<CaseRow> {
  const [record] = await loadCaseRecords(context.db, [caseId]);
  if (!record) throw new ApiError('not_found');
  context.changes.announce({
    caseIds: [String(caseId)],
    departmentId: record.department_id,
    kind: 'updated',
  });
  return toCaseRow(record, context.calendar, context.calendar.today(context.now()));
}

/** The PDF a report is filed as, and its title: written from a template, or the processor's upload. */
async function reportPdf(
  context: CaseworkContext,
  actor: Actor,
  caseId: number,
  source: ReportSource,
  at: Date,
): Promise<{ title: string; bytes: Uint8Array }> {
  if (source.kind === 'pdf') return { title: source.title, bytes: await readUploadedPdf(source.file) };
  const found = await loadCaseForResolution(context.db, actor, caseId);
  const { title } = reportDraft(
    context.templates,
    source.templateId,
    draftFacts(found, source.locale),
    source.locale,
  );
  const author = await context.db
    .selectFrom('users')
    .select(['name', 'position'])
    .where('id', '=', actor.id)
    .executeTakeFirstOrThrow();
  const bytes = await markedPdf(
    context.markPdf,
    renderReport({
      locale: source.locale,
      issuer: context.resolutionTemplates.issuer[source.locale],
      departmentName: found.departmentName,
      title,
      caseNumber: found.number,
      procedureName: found.procedureName[source.locale],
      applicantName: found.applicantName,
      body: source.body,
      author,
      at,
    }),
  );
  return { title, bytes };
}

/**
 * Files a report (informe, TD13, made by the administration) in an open case. The PDF is checked or
 * rendered first, so bad input never holds the case's lock; the document, the case's new version
 * and the audit entry commit together.
 */
export async function addReport(
  context: CaseworkContext,
  actor: Actor,
  caseId: number,
  version: number,
  source: ReportSource,
): Promise<{ case: CaseRow; document: CaseDocument }> {
  const at = context.now();
  const { title, bytes } = await reportPdf(context, actor, caseId, source, at);
  const document = await context.db.transaction().execute(async (trx) => {
    const found = await lockCaseForChange(trx, actor, caseId, version);
    if (!found.isOpen) throw new ApiError('invalid_transition', { reason: 'case_closed' });
    const filed = await fileCaseDocument(
      trx,
      context.contents,
      found,
      { title, documentType: 'TD13', origin: 1 },
      bytes,
      at,
    );
    await touchCase(trx, caseId, at);
    await appendAudit(trx, [
      {
        at,
        actorId: actor.id,
        caseId,
        action: 'casework.report_added',
        details: { document: Number(filed.id), title, source: source.kind, sha256: filed.sha256 },
      },
    ]);
    return filed;
  });
  return { case: await changedCaseRow(context, caseId), document };
}
