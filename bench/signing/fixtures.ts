import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolutionPdf, scannedPdf } from '../../tests/support/pdfs/fixtures';

export interface BenchInputs {
  one: string[];
  report200: string[];
  big50: string[];
  batch100: string[];
}

const writeInto = (dir: string, name: string, bytes: Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};

/** `count` copies of the one-page resolution in `dir`/batch, the batch every signing bench signs. */
export async function createBatch(dir: string, count = 100): Promise<string[]> {
  const one = writeInto(dir, 'resolucion.pdf', await resolutionPdf(1));
  mkdirSync(join(dir, 'batch'));
  return Array.from({ length: count }, (_, index) => {
    const path = join(dir, 'batch', `resolucion-${String(index + 1).padStart(3, '0')}.pdf`);
    copyFileSync(one, path);
    return path;
  });
}

export async function createBenchInputs(dir: string): Promise<BenchInputs> {
  const batch = await createBatch(dir);
  const report = writeInto(dir, 'informe-200.pdf', await resolutionPdf(200, 'Informe técnico 2026/INF/0042'));
  const big = writeInto(dir, 'expediente-50mb.pdf', await scannedPdf(4096));
  return { one: [join(dir, 'resolucion.pdf')], report200: [report], big50: [big], batch100: batch };
}
