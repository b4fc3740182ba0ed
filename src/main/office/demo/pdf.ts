import { PDFArray, PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import type { GeneratedPdfMark } from '../generated-pdf';

export interface DemoPdfContent {
  title: string;
  lines: string[];
  /** Fixed so the same demo city yields byte-identical files (and the same hashes). */
  date: Date;
}

/** WinAnsiEncoding's codes for the characters outside Latin-1 that demo text uses (PDF 32000, D.2). */
const winAnsiExtras: Record<string, number> = {
  '€': 0x80,
  '…': 0x85,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '–': 0x96,
  '—': 0x97,
};

/** Text for a standard font as a hex string of its WinAnsi codes; what the encoding lacks becomes "?". */
function winAnsiHex(text: string): string {
  let hex = '';
  for (const character of text.normalize('NFC')) {
    const code = character.codePointAt(0)!;
    const byte =
      winAnsiExtras[character] ??
      ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) ? code : 0x3f);
    hex += byte.toString(16).padStart(2, '0');
  }
  return `<${hex}>`;
}

/** A document information string: UTF-16BE with its byte order mark, as hex. */
function textStringHex(text: string): string {
  let hex = 'feff';
  for (let index = 0; index < text.length; index += 1)
    hex += text.charCodeAt(index).toString(16).padStart(4, '0');
  return `<${hex}>`;
}

/** A PDF date in UTC: D:YYYYMMDDHHmmSSZ. */
const pdfDate = (date: Date): string => `D:${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;

const page = { width: 595.28, height: 841.89 } as const;

const text = (font: 'F1' | 'F2', size: number, x: number, y: number, line: string) =>
  `BT /${font} ${size} Tf ${x} ${y} Td ${winAnsiHex(line)} Tj ET`;

/** What every demo page says: the city hall above, and that it is a demonstration below. */
const letterhead = [
  text('F1', 10, 56, 780, 'Ajuntament d’Elx · Ayuntamiento de Elche (demostración)'),
  text('F1', 8, 56, 60, 'Documento generado para la demostración: no tiene validez.'),
];

/** The document's own text: its title and lines. */
const ownText = (content: DemoPdfContent): string[] => [
  text('F2', 16, 56, 740, content.title),
  ...content.lines.map((line, index) => text('F1', 11, 56, 700 - index * 18, line)),
];

const streamObject = (stream: string) => `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;

const infoObject = (content: Pick<DemoPdfContent, 'title' | 'date'>) => {
  const date = `(${pdfDate(content.date)})`;
  return `<< /Title ${textStringHex(content.title)} /Producer ${textStringHex('Despacho (datos de demostración)')} /Creator (Despacho) /CreationDate ${date} /ModDate ${date} >>`;
};

/** A one-page PDF of these drawing operators: every character written is ASCII, so string offsets are byte offsets. */
function onePage(operators: readonly string[], info: Pick<DemoPdfContent, 'title' | 'date'>): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${page.width} ${page.height}] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
    streamObject(operators.join('\n')),
    infoObject(info),
  ];
  let body = '%PDF-1.7\n';
  const offsets = objects.map((object, index) => {
    const offset = body.length;
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

/**
 * A one-page PDF with a title and a few lines: small, and distinct for every document. Written
 * directly (the standard Helvetica fonts need no embedding): the demo city has thousands of them,
 * and building each with a PDF library took most of the seed's time.
 */
export function demoPdf(content: DemoPdfContent): Promise<Uint8Array> {
  const [header, footer] = letterhead;
  return Promise.resolve(onePage([header!, ...ownText(content), footer!], content));
}

/** Writes the demo city's documents, each with the desk's mark when its composition gives one. */
export type DemoPdfWriter = (content: DemoPdfContent) => Promise<Uint8Array>;

/**
 * The demo pages with a desk's mark (a training sandbox's watermark). The mark is a PDF library's
 * work, too slow for thousands of files, so it is drawn once, on the letterhead page; each document
 * is that marked page with its own text added in an incremental update (ISO 32000-1, 7.5.6): the
 * page with one more content stream, and the document's own information dictionary.
 */
export async function demoPdfWriter(mark: GeneratedPdfMark | undefined): Promise<DemoPdfWriter> {
  if (!mark) return demoPdf;
  const base = await mark(onePage(letterhead, { title: '', date: new Date(0) }));
  const parsed = await PDFDocument.load(base, { updateMetadata: false });
  const pageRef = parsed.getPage(0).ref;
  const pageDict = parsed.getPage(0).node.clone(parsed.context);
  const streamNumber = parsed.context.largestObjectNumber + 1;
  const contents = pageDict.get(PDFName.of('Contents'));
  const earlier = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
  pageDict.set(PDFName.of('Contents'), parsed.context.obj([...earlier, PDFRef.of(streamNumber)]));
  const pageObject = `${pageRef.objectNumber} ${pageRef.generationNumber} obj\n${pageDict.toString()}\nendobj\n`;
  const trailerTail = `/Root ${parsed.context.trailerInfo.Root!.toString()} /Prev ${lastXrefOffset(base)}`;
  return (content) => {
    const objects = [
      `${streamNumber} 0 obj\n${streamObject(ownText(content).join('\n'))}\nendobj\n`,
      `${streamNumber + 1} 0 obj\n${infoObject(content)}\nendobj\n`,
    ];
    // ASCII only (names escaped, text in hex): string offsets are byte offsets here too.
    let update = '\n';
    const pageOffset = base.length + update.length;
    update += pageObject;
    const offsets = objects.map((object) => {
      const offset = base.length + update.length;
      update += object;
      return offset;
    });
    const xref = base.length + update.length;
    const entry = (offset: number, generation = 0) =>
      `${String(offset).padStart(10, '0')} ${String(generation).padStart(5, '0')} n \n`;
    update += `xref\n0 1\n0000000000 65535 f \n${pageRef.objectNumber} 1\n${entry(pageOffset, pageRef.generationNumber)}`;
    update += `${streamNumber} 2\n${offsets.map((offset) => entry(offset)).join('')}`;
    update += `trailer\n<< /Size ${streamNumber + 2} ${trailerTail} /Info ${streamNumber + 1} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    const bytes = new Uint8Array(base.length + update.length);
    bytes.set(base);
    bytes.set(new TextEncoder().encode(update), base.length);
    return Promise.resolve(bytes);
  };
}

/** Where a PDF's last cross-reference section starts (its final `startxref`). */
function lastXrefOffset(pdf: Uint8Array): number {
  const tail = new TextDecoder('latin1').decode(pdf.subarray(Math.max(0, pdf.length - 64)));
  const found = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!found) throw new Error('demo PDFs: the marked page has no final startxref');
  return Number(found[1]);
}
