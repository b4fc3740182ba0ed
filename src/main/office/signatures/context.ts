import type { Kysely } from 'kysely';
import { madridDate } from '../../../shared/domain/calendar/dates';
import type { GeneratedPdfMark } from '../generated-pdf';
import type { ResolutionTemplates } from '../resolutions/template';
import type { OfficeSchema } from '../store/schema';
import type { DocumentContents } from './document-contents';
import type { SignatureNews } from './progress';
import type { SignerCheck } from './signer-check';

/** What the signature requests' services share: the store, the templates, the clock, the news. */
export interface SignaturesContext {
  db: Kysely<OfficeSchema>;
  templates: ResolutionTemplates;
  contents: DocumentContents;
  now: () => Date;
  /** Tells the desks concerned, after the change is committed. */
  announce: (news: readonly SignatureNews[]) => void;
  /** Who made a signature and whether it verifies; without it nothing is confirmed (fails closed). */
  signers: SignerCheck | null;
  /** The desk's mark on every PDF the office generates (the composition's; none by default). */
  markPdf?: GeneratedPdfMark;
}

/** One reading of the clock: the instant, and its day in Europe/Madrid (expiries and substitutions are legal dates). */
export function clockOf(context: Pick<SignaturesContext, 'now'>): { at: Date; today: string } {
  const at = context.now();
  return { at, today: madridDate(at) };
}
