import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { MessageKey } from '../../../shared/i18n/index';
import { exportCaseFile, type EniExport } from '../../compose/eni-export';
import { demoOfficeSeal } from '../../compose/eni-export-seal';
import { openOfficeStore } from '../../compose/office-store';
import { dataDirOption, parseOptions } from '../../office/cli-support';
import { EniExportError } from '../../office/eni-export/case-file';
import type { Store } from '../../office/store/open-store';
import { reportOfficeFailure } from '../office-failure';
import { cliText } from '../text';
import { FileExistsError, writeNewFile } from '../write-new-file';

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

/** Refused before the store is opened: an existing file is never touched, a missing folder never made. */
function outputProblem(path: string): string | null {
  if (existsSync(path)) return cliText('book.cli.outExists', { path });
  const folder = dirname(path);
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    return cliText('book.cli.outFolderMissing', { path });
  return null;
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

function write(path: string, built: EniExport): number {
  try {
    writeNewFile(path, [built.zip]);
  } catch (error) {
    process.stderr.write(
      `${
        error instanceof FileExistsError
          ? cliText('book.cli.outExists', { path })
          : cliText('book.cli.outUnwritable', {
              path,
              detail: (error as NodeJS.ErrnoException).code ?? String(error),
            })
      }\n`,
    );
    return exportExit.output;
  }
  process.stdout.write(
    `${cliText('eniExport.cli.written', { number: built.caseNumber, count: built.documents, path })}\n`,
  );
  return exportExit.written;
}

/**
 * `despacho export CASE-NUMBER --out FILE.zip [--data DIR]`: a closed case as an ENI export, its
 * index signed with the demo office's practice seal (docs/eni-export.md).
 */
export async function run(argv: string[]): Promise<number> {
  const request = parseRequest(argv);
  if (typeof request === 'number') return request;
  const refused = outputProblem(request.out);
  if (refused) {
    process.stderr.write(`${refused}\n`);
    return exportExit.output;
  }
  // Opening a folder that is not there would make a new, empty store.
  if (!existsSync(request.dataDir)) {
    process.stderr.write(`${cliText('book.cli.noData', { path: request.dataDir })}\n`);
    return exportExit.store;
  }
  let store: Store | null = null;
  let built: EniExport;
  try {
    store = await openOfficeStore({ kind: 'pglite', dataDir: request.dataDir });
    const now = new Date();
    built = await exportCaseFile({
      store,
      which: { number: request.caseNumber },
      signer: await demoOfficeSeal(now),
      now,
      actorId: null,
    });
  } catch (error) {
    if (error instanceof EniExportError) {
      process.stderr.write(`${refusalText(error, request.caseNumber)}\n`);
      return exportExit.refused;
    }
    return reportOfficeFailure(error);
  } finally {
    await store?.close();
  }
  return write(request.out, built);
}
