import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';
import type { Locale } from '../../shared/api/session';

export interface OfficePdf {
  pdf: PDFDocument;
  regular: PDFFont;
  bold: PDFFont;
}

const pdfLanguage: Record<Locale, string> = { es: 'es-ES', 'ca-valencia': 'ca-ES-valencia' };

/**
 * A new PDF of the office: its title, language and author as readers and screen readers show them,
 * Despacho as creator and producer, dated `at` (the same content renders the same bytes), with the
 * two standard fonts every office document is written in.
 */
export async function newOfficePdf(meta: {
  title: string;
  locale: Locale;
  author?: string;
  at: Date;
}): Promise<OfficePdf> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(meta.title);
  pdf.setLanguage(pdfLanguage[meta.locale]);
  if (meta.author !== undefined) pdf.setAuthor(meta.author);
  pdf.setCreator('Despacho');
  pdf.setProducer('Despacho');
  pdf.setCreationDate(meta.at);
  pdf.setModificationDate(meta.at);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  return { pdf, regular, bold };
}
