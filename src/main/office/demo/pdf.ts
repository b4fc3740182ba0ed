import { PDFDocument, StandardFonts } from 'pdf-lib';

export interface DemoPdfContent {
  title: string;
  lines: string[];
  /** Fixed so the same demo city yields byte-identical files (and the same hashes). */
  date: Date;
}

/** A one-page PDF with a title and a few lines: small, and distinct for every document. */
export async function demoPdf(content: DemoPdfContent): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(content.title);
  pdf.setProducer('Despacho (datos de demostración)');
  pdf.setCreator('Despacho');
  pdf.setCreationDate(content.date);
  pdf.setModificationDate(content.date);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const page = pdf.addPage([595.28, 841.89]);
  page.drawText('Ajuntament d’Elx · Ayuntamiento de Elche (demostración)', { x: 56, y: 780, size: 10, font });
  page.drawText(content.title, { x: 56, y: 740, size: 16, font: bold });
  content.lines.forEach((line, index) => page.drawText(line, { x: 56, y: 700 - index * 18, size: 11, font }));
  page.drawText('Documento generado para la demostración: no tiene validez.', {
    x: 56,
    y: 60,
    size: 8,
    font,
  });
  return pdf.save({ useObjectStreams: false });
}
