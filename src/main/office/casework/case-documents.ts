import type { Transaction } from 'kysely';
import type { CaseDocument } from '../../../shared/api/cases';
import { madridDate } from '../../../shared/domain/calendar/dates';
import type { DocumentContents } from '../signatures/document-contents';
import { sha256Hex } from '../signatures/document-contents';
import type { OfficeSchema } from '../store/schema';
import type { LockedCase } from './case-change';

/** ENI metadata a document is filed with (NTI de documento electrónico). */
export interface Filing {
  title: string;
  /** TD01 resolución (the demo city's, before its head signs it), TD13 informe, TD14 solicitud … */
  documentType: 'TD01' | 'TD13' | 'TD14';
  /** 0: from the applicant; 1: made by the administration. */
  origin: 0 | 1;
}

/**
 * Files a PDF as the case's next document, original (EE01), captured now. Its identifier follows the
 * case's body and number (`ES_<DIR3>_<YYYY>_<case number>_<position>`), as the demo's documents do.
 * The bytes are written before, and recorded inside, the caller's transaction (see DocumentContents).
 */
export async function fileCaseDocument(
  trx: Transaction<OfficeSchema>,
  contents: DocumentContents,
  found: LockedCase,
  filing: Filing,
  bytes: Uint8Array,
  at: Date,
): Promise<CaseDocument> {
  const sha256 = sha256Hex(bytes);
  contents.writeFile(bytes);
  await contents.record(trx, sha256, bytes);
  const last = await trx
    .selectFrom('documents')
    .select((eb) => eb.fn.coalesce(eb.fn.max('position'), eb.lit(0)).as('last'))
    .where('case_id', '=', found.id)
    .executeTakeFirstOrThrow();
  const position = Number(last.last) + 1;
  const dir3 = found.eniId.split('_')[1] ?? '';
  const year = madridDate(at).slice(0, 4);
  const row = await trx
    .insertInto('documents')
    .values({
      case_id: found.id,
      position,
      title: filing.title,
      eni_id: `ES_${dir3}_${year}_${found.number.replace(/[^A-Za-z0-9]/g, '')}_${position}`,
      document_type: filing.documentType,
      origin: filing.origin,
      elaboration_state: 'EE01',
      format: 'PDF',
      captured_at: at,
      sha256,
      size: bytes.byteLength,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return {
    id: String(row.id),
    title: row.title,
    eniId: row.eni_id,
    documentType: row.document_type,
    origin: row.origin,
    elaborationState: row.elaboration_state,
    format: row.format,
    capturedAt: row.captured_at.toISOString(),
    sha256: row.sha256,
    size: row.size,
  };
}
