import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, PDFName, PDFNumber } from 'pdf-lib';
import { resolutionPdf } from '../../tests/support/pdfs/fixtures';

export interface BenchInputs {
  one: string[];
  report200: string[];
  big50: string[];
  batch100: string[];
}

/** A one-page PDF carrying a 4096×4096 RGB image stream (about 50 MB, uncompressed like a raw scan). */
async function bigPdf(): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const page = document.addPage([595, 842]);
  const side = 4096;
  const pixels = Buffer.alloc(side * side * 3);
  for (let i = 0; i < pixels.length; i += 4096) pixels[i] = i & 0xff;
  const image = document.context.stream(pixels, {
    Type: 'XObject',
    Subtype: 'Image',
    Width: side,
    Height: side,
    ColorSpace: 'DeviceRGB',
    BitsPerComponent: 8,
  });
  const imageRef = document.context.register(image);
  page.node.setXObject(PDFName.of('Scan'), imageRef);
  const content = document.context.stream('q 595 0 0 842 0 0 cm /Scan Do Q');
  page.node.set(PDFName.of('Contents'), document.context.register(content));
  page.node.set(PDFName.of('Rotate'), PDFNumber.of(0));
  return document.save({ useObjectStreams: false });
}

export async function createBenchInputs(dir: string): Promise<BenchInputs> {
  const write = (name: string, bytes: Uint8Array) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };
  const one = write('resolucion.pdf', await resolutionPdf(1));
  const report = write('informe-200.pdf', await resolutionPdf(200, 'Informe técnico 2026/INF/0042'));
  const big = write('expediente-50mb.pdf', await bigPdf());
  mkdirSync(join(dir, 'batch'));
  const batch = Array.from({ length: 100 }, (_, index) => {
    const path = join(dir, 'batch', `resolucion-${String(index + 1).padStart(3, '0')}.pdf`);
    copyFileSync(one, path);
    return path;
  });
  return { one: [one], report200: [report], big50: [big], batch100: batch };
}
