import QRCode from 'qrcode';
import type { Locale } from '../../../shared/api/session';
import { maskNif } from '../../../shared/domain/nif-mask';
import { translate } from '../../../shared/i18n/index';
import { holderOf, type CertificateInfo } from '../crypto/certificate';
import { name, num, PdfDict, PdfStream } from '../pdf/objects';

export interface AppearanceText {
  resolutionNumber: string;
  csv: string;
  verificationUrl: string;
  locale: Locale;
  /** Shows the NIF as the publication rules allow (***4567**), as on a published resolution. */
  maskNif: boolean;
  /** The absent head the signer stands in for: "por sustitución de …". */
  onBehalfOf: string;
}

/** WinAnsiEncoding matches Latin-1 for the accented letters Spanish and Valencian use. */
function winAnsi(text: string): string {
  let out = '(';
  for (const char of text.normalize('NFC')) {
    const code = char === '€' ? 0x80 : char.charCodeAt(0);
    const byte = code <= 0xff && (code >= 0x20 || code === 0x80) ? code : 0x3f;
    if (byte === 0x28 || byte === 0x29 || byte === 0x5c) out += `\\${String.fromCharCode(byte)}`;
    else if (byte > 0x7e) out += `\\${byte.toString(8).padStart(3, '0')}`;
    else out += String.fromCharCode(byte);
  }
  return `${out})`;
}

const fmt = (value: number) => value.toFixed(2).replace(/\.?0+$/, '');

function qrOperators(text: string, x: number, y: number, size: number): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 2;
  const cell = size / (modules.size + quiet * 2);
  const ops: string[] = ['0 g'];
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      const left = x + (col + quiet) * cell;
      const top = y + size - (row + quiet + 1) * cell;
      ops.push(`${fmt(left)} ${fmt(top)} ${fmt(cell)} ${fmt(cell)} re`);
    }
  }
  ops.push('f');
  return ops.join('\n');
}

/**
 * The visible stamp as a form XObject: the holder, NIF, position and date, the resolution number
 * and CSV when known, and the verification address with its QR code (drawn as rectangles, so
 * no image is embedded). Standard Helvetica, WinAnsi encoded.
 */
export function buildAppearance(
  width: number,
  height: number,
  signer: CertificateInfo,
  when: Date,
  text: Partial<AppearanceText>,
): PdfStream {
  const locale = text.locale ?? 'es';
  const holder = holderOf(signer);
  const date = new Intl.DateTimeFormat(locale === 'es' ? 'es-ES' : 'ca-ES', {
    timeZone: 'Europe/Madrid',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(when);
  const lines = [
    translate(locale, 'signing.stamp.signedBy', { name: holder.name }),
    text.onBehalfOf ? translate(locale, 'signFlow.stamp.onBehalfOf', { name: text.onBehalfOf }) : null,
    holder.nif
      ? translate(locale, 'signing.stamp.nif', { nif: text.maskNif ? maskNif(holder.nif) : holder.nif })
      : null,
    holder.position,
    translate(locale, 'signing.stamp.date', { date }),
    text.resolutionNumber
      ? translate(locale, 'signing.stamp.resolution', { number: text.resolutionNumber })
      : null,
    text.csv ? translate(locale, 'signing.stamp.csv', { csv: text.csv }) : null,
    text.verificationUrl ? translate(locale, 'signing.stamp.verify', { url: text.verificationUrl }) : null,
  ].filter((line): line is string => Boolean(line));

  const padding = 3;
  const qrText = text.verificationUrl
    ? text.csv
      ? `${text.verificationUrl}?csv=${encodeURIComponent(text.csv)}`
      : text.verificationUrl
    : null;
  const qrSize = qrText ? Math.min(height - padding * 2, width * 0.35) : 0;
  const textLeft = padding + (qrSize > 0 ? qrSize + padding : 0);
  const textWidth = width - textLeft - padding;
  const longest = Math.max(...lines.map((line) => line.length));
  const fontSize = Math.max(
    3,
    Math.min(9, (height - padding * 2) / (lines.length * 1.2), textWidth / (longest * 0.5)),
  );
  const leading = fontSize * 1.2;

  const ops = ['q', '0.3 0.3 0.3 RG 0.5 w', `0.25 0.25 ${fmt(width - 0.5)} ${fmt(height - 0.5)} re S`];
  if (qrText) ops.push(qrOperators(qrText, padding, (height - qrSize) / 2, qrSize));
  ops.push(
    'BT',
    `/Helv ${fmt(fontSize)} Tf`,
    '0 g',
    `${fmt(leading)} TL`,
    `${fmt(textLeft)} ${fmt(height - padding - fontSize)} Td`,
  );
  lines.forEach((line, index) => ops.push(`${index === 0 ? '' : 'T* '}${winAnsi(line)} Tj`));
  ops.push('ET', 'Q');

  const font = new PdfDict([
    ['Type', name('Font')],
    ['Subtype', name('Type1')],
    ['BaseFont', name('Helvetica')],
    ['Encoding', name('WinAnsiEncoding')],
  ]);
  const dict = new PdfDict([
    ['Type', name('XObject')],
    ['Subtype', name('Form')],
    ['BBox', [num(0), num(0), num(width), num(height)]],
    ['Resources', new PdfDict([['Font', new PdfDict([['Helv', font]])]])],
  ]);
  return new PdfStream(dict, Buffer.from(ops.join('\n'), 'latin1'));
}
