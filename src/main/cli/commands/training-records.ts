import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { trainingDataDir, trainingSandboxStore } from '../../compose/training-sandbox';
import { parseOptions } from '../../office/cli-support';
import { defaultDataDir } from '../../office/data-dir';
import type { Store } from '../../office/store/open-store';
import { traineeCertificate, type TraineeCertificate } from '../../training/records/certificate-pdf';
import { completionRecords, type CompletionFilter } from '../../training/records/completions';
import { completionRecordsCsv } from '../../training/records/records-csv';
import { loadScenarios } from '../../training/scenarios/load';
import { onDataFolder } from '../data-folder';
import { outputPathRefused, writeOutputFile } from '../output-file';
import { cliLocale, cliText } from '../text';
import { run as sign, signExit } from './sign';

/**
 * Exit codes (README): 0 written; 1 the data folder is missing, is not a training sandbox or could
 * not be read; 2 usage; 3 refused (the output file, nothing to certify). Signing the certificate
 * fails as `despacho sign` does: 3 the card's certificate refused, 4 the card (a wrong PIN), 5 the TSA.
 */
export const recordsExit = { written: 0, store: 1, usage: 2, refused: 3 } as const;

/** The trainer's card, given as to `despacho sign`: options with a value, then flags. */
const cardOptions = ['--module', '--token', '--key', '--cert-id', '--tsa'] as const;
const cardFlags = ['--pin-stdin', '--confirm-final-try'] as const;
const ownOptions = ['--data', '--format', '--out', '--trainee', '--trainer', '--person'] as const;

interface RecordsRequest {
  format: 'csv' | 'pdf';
  out: string;
  dataDir: string;
  filter: CompletionFilter;
  /** `despacho sign`'s arguments naming the card, its key and the PIN on stdin (pdf only). */
  card: string[];
}

function usage(problem?: string): number {
  process.stderr.write(`${problem ? `${problem}\n` : ''}${cliText('trainingRecords.cli.usage')}\n`);
  return recordsExit.usage;
}

/** The request, or the exit code of a usage error already reported. */
function parseRequest(argv: readonly string[]): RecordsRequest | number {
  const flags = argv.filter((arg) => (cardFlags as readonly string[]).includes(arg));
  const parsed = parseOptions(
    argv.filter((arg) => !flags.includes(arg)),
    [...ownOptions, ...cardOptions],
  );
  if ('bad' in parsed) return usage(cliText('office.cli.badOption', { option: parsed.bad }));
  const { options, positional } = parsed;
  const format = options.get('--format');
  const out = options.get('--out');
  if (positional.length > 0 || format === undefined || out === undefined) return usage();
  if (format !== 'csv' && format !== 'pdf') return usage(cliText('book.cli.badFormat', { format }));
  const card = [
    ...cardOptions.flatMap((name) => (options.has(name) ? [name, options.get(name)!] : [])),
    ...flags,
  ];
  const traineeId = options.get('--trainee');
  const trainerId = options.get('--trainer');
  // A certificate is one person's: the one named on the seat, or the seat's records that name nobody.
  const personName = options.get('--person') ?? (format === 'pdf' ? null : undefined);
  if (format === 'csv' && card.length > 0)
    return usage(cliText('trainingRecords.cli.cardOnlyForPdf', { option: card[0]! }));
  if (format === 'pdf') {
    if (traineeId === undefined) return usage(cliText('trainingRecords.cli.traineeRequired'));
    if (
      !options.has('--module') ||
      !options.has('--token') ||
      options.has('--key') === options.has('--cert-id') ||
      !flags.includes('--pin-stdin')
    )
      return usage(cliText('trainingRecords.cli.cardRequired'));
  }
  return {
    format,
    out: resolve(out),
    dataDir: resolve(options.get('--data') ?? trainingDataDir(defaultDataDir())),
    filter: {
      ...(traineeId !== undefined ? { traineeId } : {}),
      ...(trainerId !== undefined ? { trainerId } : {}),
      ...(personName !== undefined ? { personName } : {}),
    },
    card,
  };
}

async function writeCsv(store: Store, request: RecordsRequest): Promise<number> {
  const records = await completionRecords(store.db, request.filter);
  if (!writeOutputFile(request.out, [completionRecordsCsv(records, cliLocale())])) return recordsExit.refused;
  process.stdout.write(
    `${cliText('trainingRecords.cli.written', { count: records.length, path: request.out })}\n`,
  );
  return recordsExit.written;
}

/** The trainee's certificate, unsigned; null (reported) when they have completed nothing. */
async function drawCertificate(store: Store, request: RecordsRequest): Promise<TraineeCertificate | null> {
  const traineeId = request.filter.traineeId!;
  const locale = cliLocale();
  const scenarios = await loadScenarios();
  const certificate = await traineeCertificate(
    store.db,
    { ...request.filter, traineeId },
    {
      locale,
      titleOf: (id) => scenarios.find((scenario) => scenario.id === id)?.title[locale] ?? id,
      at: new Date(),
    },
  );
  if (!certificate)
    process.stderr.write(
      `${cliText('trainingRecords.cli.noneForCertificate', { trainee: traineeId, path: request.dataDir })}\n`,
    );
  return certificate;
}

/**
 * Signs the certificate with the trainer's card exactly as `despacho sign` would (the PIN from
 * stdin, the card's tries, its refusals), straight into the output's folder under the output's
 * name: the file appears only once signed, and a refused or failed signature leaves none.
 */
async function signCertificate(certificate: TraineeCertificate, request: RecordsRequest): Promise<number> {
  const scratch = mkdtempSync(join(tmpdir(), 'despacho-certificate-'));
  try {
    const unsigned = join(scratch, basename(request.out));
    writeFileSync(unsigned, certificate.bytes, { mode: 0o600 });
    const reason = cliText('trainingRecords.pdf.reason', { name: certificate.trainee.name });
    const code = await sign([...request.card, '--reason', reason, unsigned, '--out', dirname(request.out)]);
    if (code !== signExit.done) return code;
    process.stdout.write(
      `${cliText('trainingRecords.cli.certified', { trainee: certificate.trainee.id, count: certificate.count, path: request.out })}\n`,
    );
    return recordsExit.written;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * `despacho training records --data DIR --format csv|pdf --out FILE [--trainee ID] [--trainer ID]`:
 * the completion records of a training sandbox, as a CSV file or as a trainee's certificate signed
 * with the trainer's card. Only a folder a training desk marked is read: records of real work are not training.
 */
export async function runRecords(argv: readonly string[]): Promise<number> {
  if (argv.length === 1 && (argv[0] === '--help' || argv[0] === 'help')) {
    process.stdout.write(`${cliText('trainingRecords.cli.usage')}\n`);
    return recordsExit.written;
  }
  const request = parseRequest(argv);
  if (typeof request === 'number') return request;
  if (outputPathRefused(request.out)) return recordsExit.refused;
  const storeDir = trainingSandboxStore(request.dataDir);
  if (!storeDir) {
    process.stderr.write(
      `${existsSync(request.dataDir) ? cliText('trainingRecords.cli.notSandbox', { path: request.dataDir }) : cliText('office.cli.noData', { path: request.dataDir })}\n`,
    );
    return recordsExit.store;
  }
  if (request.format === 'csv')
    return onDataFolder(storeDir, recordsExit.store, (store) => writeCsv(store, request));
  let certificate = null as TraineeCertificate | null;
  const read = await onDataFolder(storeDir, recordsExit.store, async (store) => {
    certificate = await drawCertificate(store, request);
    return certificate ? recordsExit.written : recordsExit.refused;
  });
  if (!certificate) return read;
  return signCertificate(certificate, request);
}
