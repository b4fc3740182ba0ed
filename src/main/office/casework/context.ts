import type { Kysely } from 'kysely';
import type { LegalCalendar } from '../../../shared/domain/calendar';
import type { ChangeFeed } from '../change-feed';
import type { ResolutionTemplates } from '../resolutions/template';
import type { DocumentContents } from '../signatures/document-contents';
import type { OfficeSchema } from '../store/schema';
import type { CaseworkTemplates } from './templates';
import type { WithdrawalsTable } from './withdrawal-records';
import type { GeneratedPdfMark } from '../generated-pdf';

export type CaseworkSchema = OfficeSchema & { withdrawals: WithdrawalsTable };

/** What the case's own work (notes, reports, withdrawals) needs from the office. */
export interface CaseworkContext {
  db: Kysely<OfficeSchema>;
  calendar: LegalCalendar;
  contents: DocumentContents;
  templates: CaseworkTemplates;
  resolutionTemplates: ResolutionTemplates;
  changes: ChangeFeed;
  now: () => Date;
  /** The desk's mark on every PDF the office generates (the composition's; none by default). */
  markPdf?: GeneratedPdfMark;
}
