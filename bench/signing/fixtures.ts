import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolutionPdf, scannedPdf } from '../../tests/support/pdfs/fixtures';

export interface BenchInputs {
  one: string[];
  report200: string[];
  big50: string[];
  batch100: string[];
}

export async function createBenchInputs(dir: string): Promise<BenchInputs> {
  const write = (name: string, bytes: Uint8Array) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };
  const one = write('resolucion.pdf', await resolutionPdf(1));
  const report = write('informe-200.pdf', await resolutionPdf(200, 'Informe técnico 2026/INF/0042'));
  const big = write('expediente-50mb.pdf', await scannedPdf(4096));
  mkdirSync(join(dir, 'batch'));
  const batch = Array.from({ length: 100 }, (_, index) => {
    const path = join(dir, 'batch', `resolucion-${String(index + 1).padStart(3, '0')}.pdf`);
    copyFileSync(one, path);
    return path;
  });
  return { one: [one], report200: [report], big50: [big], batch100: batch };
}
