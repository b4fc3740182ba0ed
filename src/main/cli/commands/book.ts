import { resolve } from 'node:path';
import { commandDataFolder } from '../../compose';
import { exportBookCsv, exportBookPdf, type BookExport } from '../../office/book/export';
import { dataDirOption, parseOptions } from '../../office/cli-support';
import { markedPdf, type GeneratedPdfMark } from '../../office/generated-pdf';
import { loadResolutionTemplates } from '../../office/resolutions/template';
import type { Store } from '../../office/store/open-store';
import { onDataFolder } from '../data-folder';
import { outputPathRefused, writeOutputFile } from '../output-file';
import { cliLocale, cliText } from '../text';

/** Exit codes (README): 0 written, 1 the data folder could not be read, 2 usage, 3 the output file was refused. */
export const bookExit = { written: 0, store: 1, usage: 2, output: 3 } as const;

const formats = ['csv', 'pdf'] as const;
type Format = (typeof formats)[number];

interface ExportRequest {
  year: number;
  format: Format;
  out: string;
  dataDir: string;
}

function usage(problem?: string): number {
  process.stderr.write(`${problem ? `${problem}\n` : ''}${cliText('book.cli.usage')}\n`);
  return bookExit.usage;
}

/** The request, or the exit code of a usage error already reported. */
function parseRequest(argv: string[]): ExportRequest | number {
  const parsed = parseOptions(argv, ['--year', '--format', '--out', '--data']);
  if ('bad' in parsed) return usage(cliText('office.cli.badOption', { option: parsed.bad }));
  const { options, positional } = parsed;
  if (positional.length !== 1 || positional[0] !== 'export') return usage();
  const year = options.get('--year');
  const format = options.get('--format');
  const out = options.get('--out');
  if (year === undefined || format === undefined || out === undefined) return usage();
  if (!/^\d{4}$/.test(year) || Number(year) < 2000) return usage(cliText('book.cli.badYear', { year }));
  if (!(formats as readonly string[]).includes(format))
    return usage(cliText('book.cli.badFormat', { format }));
  return { year: Number(year), format: format as Format, out: resolve(out), dataDir: dataDirOption(options) };
}

/** The book in the asked format; its PDF with the data folder's mark (a training sandbox's watermark). */
async function build(
  store: Store,
  request: ExportRequest,
  markPdf: GeneratedPdfMark | undefined,
): Promise<BookExport> {
  const locale = cliLocale();
  if (request.format === 'csv') return exportBookCsv(store.db, request.year, locale);
  const templates = loadResolutionTemplates();
  const exported = await exportBookPdf(store.db, request.year, {
    locale,
    issuer: templates.issuer[locale],
    verificationUrl: templates.verificationUrl,
    now: new Date(),
  });
  return { count: exported.count, bytes: await markedPdf(markPdf, Promise.resolve(exported.bytes)) };
}

/** `despacho book export --year YYYY --format csv|pdf --out FILE [--data DIR]`: the year's resolutions book. */
export async function run(argv: string[]): Promise<number> {
  const request = parseRequest(argv);
  if (typeof request === 'number') return request;
  if (outputPathRefused(request.out)) return bookExit.output;
  const folder = commandDataFolder(request.dataDir);
  return onDataFolder(folder.storeDir, bookExit.store, async (store) => {
    const built = await build(store, request, folder.markPdf);
    if (!writeOutputFile(request.out, [built.bytes])) return bookExit.output;
    process.stdout.write(
      `${cliText('book.cli.written', { year: request.year, count: built.count, path: request.out })}\n`,
    );
    return bookExit.written;
  });
}
