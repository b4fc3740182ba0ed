import { degrees, PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import { translate } from '../../shared/i18n/index';
import type { GeneratedPdfMark } from './generated-pdf';
import { printable } from './resolutions/render';

/** Both languages on every page: a document in either is read by people of both. */
const lines = () => [translate('es', 'training.watermark'), translate('ca-valencia', 'training.watermark')];

const size = 40;
const leading = 48;

/** The lines across the page's diagonal, centred on it, light enough to read the text beneath. */
function stamp(page: PDFPage, font: PDFFont, text: readonly string[]): void {
  const { width, height } = page.getSize();
  const angle = Math.atan2(height, width);
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  const fit = Math.min(size, (0.85 * Math.hypot(width, height) * size) / maxWidth(font, text));
  text.forEach((line, index) => {
    const lineWidth = font.widthOfTextAtSize(line, fit);
    // Distance of this line's baseline from the diagonal, across it: the block is centred too.
    const across = ((text.length - 1) / 2 - index) * leading * (fit / size) - fit / 3;
    page.drawText(line, {
      x: width / 2 - (lineWidth / 2) * cos - across * sin,
      y: height / 2 - (lineWidth / 2) * sin + across * cos,
      size: fit,
      font,
      rotate: degrees((angle * 180) / Math.PI),
      color: rgb(0.7, 0.1, 0.1),
      opacity: 0.3,
    });
  });
}

const maxWidth = (font: PDFFont, text: readonly string[]) =>
  Math.max(...text.map((line) => font.widthOfTextAtSize(line, size)));

/**
 * The training desk's mark on every PDF it generates: "FORMACIÓN — SIN VALIDEZ" across every page,
 * drawn on the unsigned file, so the practice card's signature covers it and it cannot be taken off
 * without breaking that signature. The file's dates stay as rendered (same input, same bytes).
 */
export const trainingWatermark: GeneratedPdfMark = async (pdf) => {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  const font = await document.embedFont(StandardFonts.HelveticaBold);
  const text = lines().map((line) => printable(font, line));
  for (const page of document.getPages()) stamp(page, font, text);
  return document.save({ useObjectStreams: false, updateFieldAppearances: false });
};
