import type { Locale } from '../../../shared/api/session';
import { printable, wrap } from '../resolutions/render';
import { newOfficePdf } from '../pdf-document';

export interface AmendmentDocument {
  locale: Locale;
  issuer: string;
  departmentName: string;
  caseNumber: string;
  applicantName: string;
  title: string;
  text: string;
  /** Written into the file's dates, so the same input gives the same bytes. */
  at: Date;
}

const page = { width: 595.28, height: 841.89 } as const;
const margin = { left: 62, right: 62, top: 62, bottom: 72 } as const;
const width = page.width - margin.left - margin.right;

/** The amendment request as a plain PDF: heading, case, applicant and the text. */
export async function renderAmendmentRequest(doc: AmendmentDocument): Promise<Uint8Array> {
  const { pdf, regular, bold } = await newOfficePdf({
    title: `${doc.title} · ${doc.caseNumber}`,
    locale: doc.locale,
    author: doc.issuer,
    at: doc.at,
  });
  let current = pdf.addPage([page.width, page.height]);
  let y = page.height - margin.top;
  const write = (text: string, font = regular, size = 10.5, leading = 14.5) => {
    for (const line of wrap(font, size, printable(font, text), width)) {
      if (y - leading < margin.bottom) {
        current = pdf.addPage([page.width, page.height]);
        y = page.height - margin.top;
      }
      y -= leading;
      current.drawText(line, { x: margin.left, y, size, font });
    }
  };
  write(doc.issuer, bold, 12, 15);
  write(doc.departmentName, regular, 10, 13);
  y -= 16;
  write(doc.title, bold, 15, 19);
  y -= 6;
  write(doc.caseNumber, regular, 10, 13);
  write(doc.applicantName, regular, 10, 13);
  for (const paragraph of doc.text.split(/\n\s*\n/)) {
    y -= 8;
    for (const line of paragraph.split('\n')) write(line);
  }
  return pdf.save({ useObjectStreams: false });
}
