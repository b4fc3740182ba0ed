import type { Locale } from '../../../shared/api/session';
import { translate, type MessageKey } from '../../../shared/i18n/index';
import { printable, wrap } from '../resolutions/render';
import { newOfficePdf } from '../pdf-document';

export interface NoticeContent {
  locale: Locale;
  issuer: string;
  caseNumber: string;
  procedureName: string;
  applicantName: string;
  applicantAddress: string;
  applicantMunicipality: string;
  documentTitle: string;
  /** Written into the file's dates, so the same notice gives the same bytes. */
  at: Date;
}

const page = { width: 595.28, height: 841.89 } as const;
const left = 62;
const width = page.width - 2 * left;

/**
 * The printed notice the messenger takes to a natural person who chose paper (art. 42): who and
 * what is notified, the resolution it comes with, and the boxes for the two attempts of art. 42.2
 * (day, hour, outcome, the messenger's signature) and the receipt of whoever takes it.
 */
export async function renderNotice(content: NoticeContent): Promise<Uint8Array> {
  const t = (key: MessageKey, params?: Record<string, string | number>) =>
    translate(content.locale, key, params);
  const {
    pdf,
    regular: font,
    bold,
  } = await newOfficePdf({ title: t('notifications.notice.title'), locale: content.locale, at: content.at });
  const sheet = pdf.addPage([page.width, page.height]);
  let y = page.height - 62;
  const line = (text: string, options: { size?: number; strong?: boolean; gap?: number } = {}) => {
    const size = options.size ?? 10.5;
    const face = options.strong ? bold : font;
    for (const piece of wrap(face, size, printable(face, text), width)) {
      sheet.drawText(piece, { x: left, y, size, font: face });
      y -= size + 4.5;
    }
    y -= options.gap ?? 0;
  };
  line(content.issuer, { size: 10, gap: 14 });
  line(t('notifications.notice.title'), { size: 16, strong: true, gap: 12 });
  line(t('notifications.notice.to', { name: content.applicantName }), { strong: true });
  line(content.applicantAddress);
  line(content.applicantMunicipality, { gap: 12 });
  line(t('notifications.notice.case', { number: content.caseNumber, procedure: content.procedureName }), {
    gap: 6,
  });
  line(t('notifications.notice.body', { document: content.documentTitle }), { gap: 6 });
  line(t('notifications.notice.effects'), { gap: 18 });
  for (const attempt of [1, 2]) {
    line(t('notifications.notice.attempt', { attempt }), { strong: true });
    line(t('notifications.notice.attemptBoxes'), { gap: 12 });
  }
  line(t('notifications.notice.receipt'), { strong: true });
  line(t('notifications.notice.receiptBoxes'));
  return pdf.save({ useObjectStreams: false });
}
