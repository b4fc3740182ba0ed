import { resolve } from 'node:path';
import type { MessageKey } from '../../../shared/i18n/index';
import { exportCaseFile, type EniExport } from '../../compose/eni-export';
import { demoOfficeSeal } from '../../compose/eni-export-seal';
import { dataDirOption, parseOptions } from '../../office/cli-support';
import { EniExportError } from '../../office/eni-export/case-file';
import { onDataFolder } from '../data-folder';
import { outputPathRefused, writeOutputFile } from '../output-file';
import { cliText } from '../text';

/**
 * Exit codes (README): 0 written, 1 the data folder could not be read, 2 usage, 3 the output file
 * was refused, 4 the case cannot be exported (unknown, still open, or a document's bytes changed).
 */
export const exportExit = { written: 0, store: 1, usage: 2, output: 3, refused: 4 } as const;

interface ExportRequest {
  caseNumber: string;
  out: string;
  dataDir: string;
}

function usage(problem?: string): number {
  process.stderr.write(`${problem ? `${problem}\n` : ''}${cliText('eniExport.cli.usage')}\n`);
  return exportExit.usage;
}

/** The request, or the exit code of a usage error already reported. */
function parseRequest(argv: string[]): ExportRequest | number {
  const parsed = parseOptions(argv, ['--out', '--data']);
  if ('bad' in parsed) return usage(cliText('office.cli.badOption', { option: parsed.bad }));
  const { options, positional } = parsed;
  const out = options.get('--out');
  if (positional.length !== 1 || out === undefined) return usage();
  if (!out.toLowerCase().endsWith('.zip')) return usage(cliText('eniExport.cli.notZip', { path: out }));
  return { caseNumber: positional[0]!, out: resolve(out), dataDir: dataDirOption(options) };
}

function refusalText(error: EniExportError, number: string): string {
  const { refusal } = error;
  switch (refusal.reason) {
    case 'not_found':
      return cliText('eniExport.cli.notFound', { number });
    case 'open':
      return cliText('eniExport.cli.open', {
        number,
        state: cliText(`case.state.${refusal.state}` as MessageKey),
      });
    case 'tampered':
      return cliText('eniExport.cli.tampered', { number, document: refusal.document });
  }
}

/**
 * `despacho export CASE-NUMBER --out FILE.zip [--data DIR]`: a closed case as an ENI export, its
 * index signed with the demo office's practice seal (docs/eni-export.md).
 */
export async function run(argv: string[]): Promise<number> {
  const request = parseRequest(argv);
  if (typeof request === 'number') return request;
  if (outputPathRefused(request.out)) return exportExit.output;
  return onDataFolder(request.dataDir, exportExit.store, async (store) => {
    const now = new Date();
    let built: EniExport;
    try {
      built = await exportCaseFile({
        store,
        which: { number: request.caseNumber },
        openSigner: () => demoOfficeSeal(now),
        signedWith: 'seal',
        now,
        actorId: null,
      });
    } catch (error) {
      if (!(error instanceof EniExportError)) throw error;
      process.stderr.write(`${refusalText(error, request.caseNumber)}\n`);
      return exportExit.refused;
    }
    if (!writeOutputFile(request.out, [built.zip])) return exportExit.output;
    process.stdout.write(
      `${cliText('eniExport.cli.written', { number: built.caseNumber, count: built.documents, path: request.out })}\n`,
    );
    return exportExit.written;
  });
}
