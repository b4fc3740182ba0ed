import type { PDFDocument } from 'pdf-lib';
import { rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { BookEntry } from '../../../shared/api/book';
import type { Locale } from '../../../shared/api/session';
import { formatInstant, intlTags } from '../../../shared/i18n/dates';
import { translate, type MessageKey, type MessageParams } from '../../../shared/i18n/index';
import { printable, wrap } from '../resolutions/render';
import { madridDateTime } from './book-csv';
import type { BookYearSummary } from './entries';
import { bookLabel } from './reservations';
import { newOfficePdf } from '../pdf-document';

export interface BookPdfInput {
  locale: Locale;
  /** The city hall, as its resolutions name it. */
  issuer: string;
  verificationUrl: string;
  summary: BookYearSummary;
  /** The year's whole book, in number order. */
  entries: readonly BookEntry[];
  /** When the book is drawn up: the date the certificates bear, and the file's dates. */
  at: Date;
}

const page = { width: 595.28, height: 841.89 } as const;
const margin = { left: 48, right: 48, top: 56, bottom: 64 } as const;
const contentWidth = page.width - margin.left - margin.right;
const grey = rgb(0.35, 0.35, 0.35);

/** Table columns: x offset from the left margin and width, in points. */
const column = {
  number: { x: 0, width: 60 },
  signedAt: { x: 62, width: 82 },
  case: { x: 146, width: 88 },
  procedure: { x: 236, width: 112 },
  signer: { x: 356, width: contentWidth - 356 },
} as const;
const cell = { size: 7.5, leading: 9.5 } as const;
const detail = { size: 6.2, leading: 8 } as const;

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** Top to bottom over as many pages as it takes; `onNewPage` redraws a table's header. */
export class Pages {
  readonly all: PDFPage[] = [];
  y = 0;
  onNewPage: (() => void) | null = null;

  constructor(private readonly pdf: PDFDocument) {
    this.newPage();
  }

  get current(): PDFPage {
    return this.all[this.all.length - 1]!;
  }

  newPage(): void {
    this.all.push(this.pdf.addPage([page.width, page.height]));
    this.y = page.height - margin.top;
    this.onNewPage?.();
  }

  /** Makes room for `height` points on this page, or starts the next one. */
  ensure(height: number): void {
    if (this.y - height < margin.bottom) this.newPage();
  }

  text(text: string, font: PDFFont, size: number, x = 0, y = this.y, color = rgb(0, 0, 0)): void {
    this.current.drawText(printable(font, text), { x: margin.left + x, y, size, font, color });
  }

  paragraph(text: string, font: PDFFont, size: number, leading: number): void {
    for (const line of wrap(font, size, printable(font, text), contentWidth)) {
      this.ensure(leading);
      this.y -= leading;
      this.text(line, font, size);
    }
  }

  space(points: number): void {
    this.y -= points;
  }
}

type BookRow = { kind: 'entry'; entry: BookEntry } | { kind: 'unused'; number: number };

/** Every number of the year in order: the confirmed entries and, in their places, the unused ones. */
function bookRows(entries: readonly BookEntry[], unused: readonly number[]): BookRow[] {
  const rows: BookRow[] = [
    ...entries.map((entry) => ({ kind: 'entry' as const, entry })),
    ...unused.map((number) => ({ kind: 'unused' as const, number })),
  ];
  const numberOf = (row: BookRow) => (row.kind === 'entry' ? row.entry.number : row.number);
  return rows.sort((a, b) => numberOf(a) - numberOf(b));
}

function drawTableHeader(pages: Pages, fonts: Fonts, t: (key: MessageKey) => string): void {
  pages.y -= cell.leading;
  const headings: [keyof typeof column, MessageKey][] = [
    ['number', 'book.col.number'],
    ['signedAt', 'book.col.signedAt'],
    ['case', 'book.col.case'],
    ['procedure', 'book.col.procedure'],
    ['signer', 'book.col.signer'],
  ];
  for (const [name, key] of headings) pages.text(t(key), fonts.bold, cell.size, column[name].x);
  pages.y -= 4;
  pages.current.drawLine({
    start: { x: margin.left, y: pages.y },
    end: { x: page.width - margin.right, y: pages.y },
    thickness: 0.8,
  });
  pages.y -= 2;
}

function lines(font: PDFFont, text: string, width: number, max: number): string[] {
  const wrapped = wrap(font, cell.size, printable(font, text), width);
  if (wrapped.length <= max) return wrapped;
  return [
    ...wrapped.slice(0, max - 1),
    `${wrapped
      .slice(max - 1)
      .join(' ')
      .slice(0, 40)}…`,
  ];
}

function drawEntry(pages: Pages, fonts: Fonts, entry: BookEntry, locale: Locale, t: Translate): void {
  const procedure = lines(fonts.regular, entry.procedureName[locale], column.procedure.width, 3);
  const signer = [
    ...lines(fonts.regular, entry.signer.name, column.signer.width, 2),
    ...(entry.signer.nif ? [t('book.pdf.nif', { nif: entry.signer.nif })] : []),
  ];
  const textLines = Math.max(procedure.length, signer.length, 1);
  const height = textLines * cell.leading + detail.leading + 5;
  pages.ensure(height);
  const top = pages.y - cell.leading;
  pages.text(entry.label, fonts.bold, cell.size, column.number.x, top);
  pages.text(madridDateTime(new Date(entry.signedAt)), fonts.regular, cell.size, column.signedAt.x, top);
  pages.text(entry.caseNumber, fonts.regular, cell.size, column.case.x, top);
  procedure.forEach((line, index) =>
    pages.text(line, fonts.regular, cell.size, column.procedure.x, top - index * cell.leading),
  );
  signer.forEach((line, index) =>
    pages.text(line, fonts.regular, cell.size, column.signer.x, top - index * cell.leading),
  );
  const detailY = top - textLines * cell.leading - 1;
  pages.text(
    t('book.pdf.codes', { csv: entry.csv, sha256: entry.sha256 }),
    fonts.regular,
    detail.size,
    column.signedAt.x,
    detailY,
    grey,
  );
  pages.y -= height;
  pages.current.drawLine({
    start: { x: margin.left, y: pages.y + 2 },
    end: { x: page.width - margin.right, y: pages.y + 2 },
    thickness: 0.3,
    color: rgb(0.7, 0.7, 0.7),
  });
}

function drawUnused(pages: Pages, fonts: Fonts, label: string, closed: boolean, t: Translate): void {
  const height = cell.leading + 7;
  pages.ensure(height);
  const top = pages.y - cell.leading;
  pages.text(label, fonts.bold, cell.size, column.number.x, top);
  pages.text(
    t(closed ? 'book.pdf.annulled' : 'book.pdf.pending'),
    closed ? fonts.bold : fonts.regular,
    cell.size,
    column.signedAt.x,
    top,
  );
  pages.y -= height;
}

type Translate = (key: MessageKey, params?: MessageParams) => string;

const longDate = (instant: Date, locale: Locale): string => formatInstant(instant, intlTags[locale]);

function closingParagraphs(input: BookPdfInput, t: Translate): { heading: MessageKey; paragraphs: string[] } {
  const { summary } = input;
  const year = summary.year;
  const numbers = summary.unused.map((number) => bookLabel({ year, number })).join(', ');
  const ends = {
    year,
    count: summary.confirmed,
    first: summary.first ? bookLabel({ year, number: summary.first.number }) : '',
    last: summary.last ? bookLabel({ year, number: summary.last.number }) : '',
    date: longDate(input.at, input.locale),
  };
  if (summary.closed)
    return {
      heading: 'book.pdf.closing.heading',
      paragraphs: [
        t(summary.confirmed === 0 ? 'book.pdf.closing.empty' : 'book.pdf.closing.text', ends),
        summary.unused.length === 0
          ? t('book.pdf.closing.noneAnnulled')
          : t('book.pdf.closing.annulled', { numbers, count: summary.unused.length }),
        t('book.pdf.certifiedOn', { date: ends.date }),
      ],
    };
  return {
    heading: 'book.pdf.open.heading',
    paragraphs: [
      t(summary.confirmed === 0 ? 'book.pdf.open.empty' : 'book.pdf.open.text', ends),
      ...(summary.unused.length === 0
        ? []
        : [t('book.pdf.open.pending', { numbers, count: summary.unused.length })]),
    ],
  };
}

function openingParagraph(input: BookPdfInput, t: Translate): string {
  const { summary } = input;
  const params = { issuer: input.issuer, year: summary.year, url: input.verificationUrl };
  return summary.first
    ? t('book.pdf.opening.text', {
        ...params,
        first: bookLabel({ year: summary.year, number: summary.first.number }),
        date: longDate(summary.first.confirmedAt, input.locale),
      })
    : t('book.pdf.opening.empty', params);
}

/**
 * The yearly book as a document: the opening certificate (diligencia de apertura), every number of
 * the year in order with its resolution or, where no document took it, the number void ("número
 * anulado") once the year is over, and the closing certificate with the count, the first and last
 * numbers and the void ones. For the year still running the closing part says where the book stands.
 */
export async function renderBookPdf(input: BookPdfInput): Promise<Uint8Array> {
  const t: Translate = (key, params) => translate(input.locale, key, params);
  const year = input.summary.year;
  const { pdf, ...fonts } = await newOfficePdf({
    title: t('book.pdf.title', { year }),
    locale: input.locale,
    author: input.issuer,
    at: input.at,
  });

  const pages = new Pages(pdf);
  pages.paragraph(input.issuer, fonts.bold, 12, 15);
  pages.space(6);
  pages.paragraph(t('book.pdf.title', { year }), fonts.bold, 17, 21);
  pages.space(18);
  pages.paragraph(t('book.pdf.opening.heading'), fonts.bold, 11, 14);
  pages.space(4);
  pages.paragraph(openingParagraph(input, t), fonts.regular, 10, 14);
  pages.space(20);

  const rows = bookRows(input.entries, input.summary.unused);
  if (rows.length > 0) {
    pages.paragraph(t('book.pdf.entries.heading'), fonts.bold, 11, 14);
    pages.space(6);
    pages.ensure(cell.leading * 4);
    drawTableHeader(pages, fonts, t);
    pages.onNewPage = () => drawTableHeader(pages, fonts, t);
    for (const row of rows) {
      if (row.kind === 'entry') drawEntry(pages, fonts, row.entry, input.locale, t);
      else drawUnused(pages, fonts, bookLabel({ year, number: row.number }), input.summary.closed, t);
    }
    pages.onNewPage = null;
    pages.space(20);
  }

  const closing = closingParagraphs(input, t);
  pages.ensure(80);
  pages.paragraph(t(closing.heading), fonts.bold, 11, 14);
  for (const paragraph of closing.paragraphs) {
    pages.space(4);
    pages.paragraph(paragraph, fonts.regular, 10, 14);
  }

  const generated = t('book.pdf.generated', { date: longDate(input.at, input.locale) });
  pages.all.forEach((target, index) => {
    const footer = t('book.pdf.footer', {
      year,
      issuer: input.issuer,
      page: index + 1,
      pages: pages.all.length,
    });
    target.drawText(printable(fonts.regular, `${footer} · ${generated}`), {
      x: margin.left,
      y: 36,
      size: 7,
      font: fonts.regular,
      color: grey,
    });
  });
  return pdf.save({ useObjectStreams: false });
}
