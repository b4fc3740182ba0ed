import type { PDFDocument } from 'pdf-lib';
import {
  PDFString,
  rgb,
  degrees,
  fill,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setFillingRgbColor,
  type PDFFont,
  type PDFOperator,
  type PDFPage,
} from 'pdf-lib';
import QRCode from 'qrcode';
import type { Locale } from '../../../shared/api/session';
import { layoutStamps, type Box } from '../../../shared/domain/stamp-layout';
import { translate, type MessageKey, type MessageParams } from '../../../shared/i18n/index';
import type { ResolutionText } from './template';
import { newOfficePdf } from '../pdf-document';

/** What only the book gives at signature: with it the document is final, without it a draft. */
export interface BookStamp {
  /** `2026/000123` */
  number: string;
  csv: string;
}

export interface ResolutionDocument {
  locale: Locale;
  issuer: string;
  departmentName: string;
  caseNumber: string;
  procedureName: string;
  applicantName: string;
  text: ResolutionText;
  /** One empty signature field per signer, in signing order, named for the signer who fills it. */
  signatureFields: readonly string[];
  verificationUrl: string;
  /** null renders the preview: watermarked, with no number and no CSV. */
  book: BookStamp | null;
  /** Written into the file's dates, so the same input gives the same bytes. */
  at: Date;
}

const page = { width: 595.28, height: 841.89 } as const;
const margin = { left: 62, right: 62, top: 62, bottom: 96 } as const;
const textWidth = page.width - margin.left - margin.right;
const body = { size: 10.5, leading: 14.5 } as const;
const qrSize = 54;
const stamp = { minWidth: 200, minHeight: 62, gap: 10 } as const;

/** Standard fonts only have WinAnsi glyphs: anything else would make pdf-lib throw mid-document. */
export function printable(font: PDFFont, text: string): string {
  const known = new Set(font.getCharacterSet());
  return [...text.normalize('NFC')].map((char) => (known.has(char.codePointAt(0)!) ? char : '?')).join('');
}

export function wrap(font: PDFFont, size: number, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

/** Writes top to bottom, starting a new page when the next line would reach the footer. */
export class Flow {
  pages: PDFPage[] = [];
  y = 0;

  constructor(private readonly pdf: PDFDocument) {
    this.newPage();
  }

  newPage(): PDFPage {
    const added = this.pdf.addPage([page.width, page.height]);
    this.pages.push(added);
    this.y = page.height - margin.top;
    return added;
  }

  get current(): PDFPage {
    return this.pages[this.pages.length - 1]!;
  }

  write(text: string, font: PDFFont, size: number, leading: number, indent = 0): void {
    for (const line of wrap(font, size, printable(font, text), textWidth - indent)) {
      if (this.y - leading < margin.bottom) this.newPage();
      this.y -= leading;
      this.current.drawText(line, { x: margin.left + indent, y: this.y, size, font });
    }
  }

  space(points: number): void {
    this.y -= points;
  }
}

/**
 * The QR code as one filled path, a rectangle per run of dark modules in a row: drawn a rectangle per
 * module, with its own graphics state each, it cost about 80 ms per resolution.
 */
function qrOperators(text: string, x: number, y: number, size: number): PDFOperator[] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const cell = size / modules.size;
  const runs: PDFOperator[] = [];
  for (let row = 0; row < modules.size; row++) {
    let runStart = -1;
    for (let column = 0; column <= modules.size; column++) {
      const dark = column < modules.size && Boolean(modules.get(row, column));
      if (dark && runStart < 0) runStart = column;
      if (!dark && runStart >= 0) {
        runs.push(
          rectangle(x + runStart * cell, y + size - (row + 1) * cell, (column - runStart) * cell, cell),
        );
        runStart = -1;
      }
    }
  }
  return [pushGraphicsState(), setFillingRgbColor(0, 0, 0), ...runs, fill(), popGraphicsState()];
}

/** Where a CSV is checked: the QR code and the footer point at the same address. */
export const verificationLink = (url: string, csv: string): string => `${url}?csv=${encodeURIComponent(csv)}`;

function drawFooters(pages: PDFPage[], doc: ResolutionDocument, font: PDFFont): void {
  const t = (key: MessageKey, params?: MessageParams) => translate(doc.locale, key, params);
  // The same code on every page: worked out once.
  const qr = doc.book
    ? qrOperators(verificationLink(doc.verificationUrl, doc.book.csv), margin.left, 30, qrSize)
    : [];
  pages.forEach((target, index) => {
    const left = margin.left + (doc.book ? qrSize + 10 : 0);
    const lines = doc.book
      ? wrap(
          font,
          7.5,
          printable(font, t('resolutions.document.footer', { csv: doc.book.csv, url: doc.verificationUrl })),
          page.width - margin.right - left,
        )
      : [t('resolutions.document.draftFooter')];
    target.pushOperators(...qr);
    [...lines, t('resolutions.document.page', { page: index + 1, pages: pages.length })].forEach((line, n) =>
      target.drawText(printable(font, line), {
        x: left,
        y: 72 - n * 10,
        size: 7.5,
        font,
        color: rgb(0.2, 0.2, 0.2),
      }),
    );
    if (!doc.book)
      target.drawText(printable(font, t('resolutions.document.draft')), {
        x: 110,
        y: 230,
        size: 24,
        font,
        rotate: degrees(45),
        color: rgb(0.75, 0.75, 0.75),
        opacity: 0.5,
      });
  });
}

/** Empty signature fields (`/FT /Sig` without `/V`): the places the signers' cards fill, in order. */
function addSignatureFields(pdf: PDFDocument, target: PDFPage, names: readonly string[], boxes: Box[]): void {
  const acroForm = pdf.catalog.getOrCreateAcroForm();
  names.forEach((fieldName, index) => {
    const box = boxes[index]!;
    const field = pdf.context.register(
      pdf.context.obj({
        Type: 'Annot',
        Subtype: 'Widget',
        FT: 'Sig',
        T: PDFString.of(fieldName),
        Rect: [box.x, box.y, box.x + box.width, box.y + box.height],
        F: 4,
        P: target.ref,
      }),
    );
    target.node.addAnnot(field);
    acroForm.addField(field);
  });
}

function placeStamps(flow: Flow, count: number): Box[] {
  const below = { x: margin.left, y: margin.bottom, width: textWidth, height: flow.y - margin.bottom - 12 };
  const fitted = below.height > 0 ? layoutStamps(count, { area: below, ...stamp }) : null;
  if (fitted) return fitted;
  flow.newPage();
  const whole = { x: margin.left, y: margin.bottom, width: textWidth, height: flow.y - margin.bottom };
  const boxes = layoutStamps(count, { area: whole, ...stamp });
  if (!boxes) throw new RangeError(`${count} signature stamps do not fit on one page`);
  return boxes;
}

/**
 * The resolution as the signers will sign it: heading, the four parts of art. 88, the signers'
 * empty signature fields laid out below the text without overlapping, and on every page the CSV,
 * the verification address and its QR code (or, for the preview, a draft watermark).
 */
export async function renderResolution(doc: ResolutionDocument): Promise<Uint8Array> {
  const t = (key: MessageKey, params?: MessageParams) => translate(doc.locale, key, params);
  const title = doc.book
    ? t('resolutions.document.numbered', { number: doc.book.number })
    : t('resolutions.document.title');
  const { pdf, regular, bold } = await newOfficePdf({
    title: `${title} · ${doc.caseNumber}`,
    locale: doc.locale,
    author: doc.issuer,
    at: doc.at,
  });

  const flow = new Flow(pdf);
  flow.write(doc.issuer, bold, 12, 15);
  flow.write(doc.departmentName, regular, 10, 13);
  flow.space(16);
  flow.write(title, bold, 15, 19);
  flow.space(6);
  flow.write(t('resolutions.document.case', { number: doc.caseNumber }), regular, 10, 13);
  flow.write(t('resolutions.document.procedure', { name: doc.procedureName }), regular, 10, 13);
  flow.write(t('resolutions.document.applicant', { name: doc.applicantName }), regular, 10, 13);
  const parts = [
    ['resolutions.document.facts', doc.text.facts],
    ['resolutions.document.grounds', doc.text.grounds],
    ['resolutions.document.decision', doc.text.decision],
    ['resolutions.document.remedies', doc.text.remedies],
  ] as const;
  for (const [heading, text] of parts) {
    flow.space(12);
    flow.write(t(heading), bold, 10.5, 15);
    for (const paragraph of text.split(/\n\s*\n/)) {
      flow.space(4);
      flow.write(paragraph.replace(/\s*\n\s*/g, ' '), regular, body.size, body.leading);
    }
  }
  if (doc.signatureFields.length > 0) {
    const boxes = placeStamps(flow, doc.signatureFields.length);
    addSignatureFields(pdf, flow.current, doc.signatureFields, boxes);
  }
  drawFooters(flow.pages, doc, regular);
  return pdf.save({ useObjectStreams: false });
}
