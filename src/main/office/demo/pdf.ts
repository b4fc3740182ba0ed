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

/**
 * A one-page PDF with a title and a few lines: small, and distinct for every document. Written
 * directly (the standard Helvetica fonts need no embedding): the demo city has thousands of them,
 * and building each with a PDF library took most of the seed's time.
 */
export function demoPdf(content: DemoPdfContent): Promise<Uint8Array> {
  const text = (font: 'F1' | 'F2', size: number, x: number, y: number, line: string) =>
    `BT /${font} ${size} Tf ${x} ${y} Td ${winAnsiHex(line)} Tj ET`;
  const stream = [
    text('F1', 10, 56, 780, 'Ajuntament d’Elx · Ayuntamiento de Elche (demostración)'),
    text('F2', 16, 56, 740, content.title),
    ...content.lines.map((line, index) => text('F1', 11, 56, 700 - index * 18, line)),
    text('F1', 8, 56, 60, 'Documento generado para la demostración: no tiene validez.'),
  ].join('\n');
  const date = `(${pdfDate(content.date)})`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${page.width} ${page.height}] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    `<< /Title ${textStringHex(content.title)} /Producer ${textStringHex('Despacho (datos de demostración)')} /Creator (Despacho) /CreationDate ${date} /ModDate ${date} >>`,
  ];
  // Every character written is ASCII (the text is hex), so string offsets are byte offsets.
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
  return Promise.resolve(new TextEncoder().encode(body));
}
