import { rgb } from 'pdf-lib';
import type { Locale } from '../../../shared/api/session';
import { translate, type MessageKey, type MessageParams } from '../../../shared/i18n/index';
import { Flow, printable } from '../resolutions/render';
import { newOfficePdf } from '../pdf-document';

export interface ReportDocument {
  locale: Locale;
  issuer: string;
  departmentName: string;
  title: string;
  caseNumber: string;
  procedureName: string;
  applicantName: string;
  body: string;
  author: { name: string; position: string };
  /** Written into the file's dates and the sign-off, so the same input gives the same bytes. */
  at: Date;
}

const longDate = (at: Date, locale: Locale) =>
  new Intl.DateTimeFormat(locale === 'es' ? 'es-ES' : 'ca-ES', {
    dateStyle: 'long',
    timeZone: 'Europe/Madrid',
  }).format(at);

/**
 * A report (informe) as a PDF: the heading a resolution has, the report's paragraphs, and who wrote
 * it and when. It is an internal document of the case: no book number, no CSV.
 */
export async function renderReport(doc: ReportDocument): Promise<Uint8Array> {
  const t = (key: MessageKey, params?: MessageParams) => translate(doc.locale, key, params);
  const { pdf, regular, bold } = await newOfficePdf({
    title: `${doc.title} · ${doc.caseNumber}`,
    locale: doc.locale,
    author: doc.author.name,
    at: doc.at,
  });

  const flow = new Flow(pdf);
  flow.write(doc.issuer, bold, 12, 15);
  flow.write(doc.departmentName, regular, 10, 13);
  flow.space(16);
  flow.write(doc.title, bold, 15, 19);
  flow.space(6);
  flow.write(t('resolutions.document.case', { number: doc.caseNumber }), regular, 10, 13);
  flow.write(t('resolutions.document.procedure', { name: doc.procedureName }), regular, 10, 13);
  flow.write(t('resolutions.document.applicant', { name: doc.applicantName }), regular, 10, 13);
  for (const paragraph of doc.body.split(/\n\s*\n/)) {
    flow.space(8);
    flow.write(paragraph.replace(/\s*\n\s*/g, ' '), regular, 10.5, 14.5);
  }
  flow.space(18);
  flow.write(
    t('casework.report.document.signOff', {
      date: longDate(doc.at, doc.locale),
      name: doc.author.name,
      position: doc.author.position,
    }),
    regular,
    10.5,
    14.5,
  );
  flow.pages.forEach((page, index) =>
    page.drawText(
      printable(regular, t('resolutions.document.page', { page: index + 1, pages: flow.pages.length })),
      { x: 62, y: 52, size: 7.5, font: regular, color: rgb(0.2, 0.2, 0.2) },
    ),
  );
  return pdf.save({ useObjectStreams: false });
}
