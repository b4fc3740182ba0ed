import { maskNif } from '../../../shared/domain/nif-mask';
import { withDocumentFile } from '../../compose/document-files';
import { loadTrustStore } from '../../desk/crypto/trust-store';
import { verifyPdf, type PdfVerification, type SignatureReport } from '../../desk/verify/verify-pdf';
import { csvCodePattern } from '../../office/book/csv-code';
import { bookRecordByCsv, type BookRecord } from '../../office/book/entries';
import { bookLabel } from '../../office/book/reservations';
import { dataDirOption, parseOptions } from '../../office/cli-support';
import type { Store } from '../../office/store/open-store';
import { onDataFolder } from '../data-folder';
import { formatInstant } from '../../../shared/i18n/dates';
import { cliIntl, cliLocale, cliText } from '../text';

/**
 * Exit codes (README): 0 every signature valid; 1 a signature is not valid, is a training one or
 * its issuer is unknown, or there is none; 2 usage (a code that cannot be one); 3 no document has
 * this code; 4 the document's file is missing or not the one signed; 5 the data folder could not be read.
 */
export const csvExit = { valid: 0, notValid: 1, usage: 2, unknown: 3, missing: 4, store: 5 } as const;

/** As people type a code off paper: any case, with the spaces or dashes they put in to read it. */
export const normalizeCsvCode = (typed: string): string => typed.replace(/[\s-]/g, '').toUpperCase();

type Lookup =
  | { kind: 'unknown' }
  | { kind: 'missing'; record: BookRecord }
  | { kind: 'found'; record: BookRecord; verification: PdfVerification };

async function lookUp(store: Store, code: string): Promise<Lookup> {
  const record = await bookRecordByCsv(store.db, code);
  if (!record) return { kind: 'unknown' };
  const verification = await withDocumentFile(store, record.documentSha256, (path) =>
    path ? verifyPdf(path, loadTrustStore()) : null,
  );
  return verification ? { kind: 'found', record, verification } : { kind: 'missing', record };
}

const longDateTime = (instant: Date): string => formatInstant(instant, cliIntl());

function signatureLines(report: SignatureReport): string[] {
  const lines = [
    cliText('book.csv.signature', {
      index: report.index,
      verdict: cliText(`signing.verify.verdict.${report.verdict}`),
    }),
  ];
  if (report.signer)
    lines.push(
      cliText('book.csv.signer', {
        name: report.signer.name,
        nif: report.signer.nif ? maskNif(report.signer.nif) : '—',
      }),
    );
  if (report.time.at) lines.push(cliText('book.csv.time', { date: longDateTime(new Date(report.time.at)) }));
  return lines;
}

/** What the city hall's verification site shows for a code, and whether the document stands. */
function report(record: BookRecord, verification: PdfVerification): number {
  const { signatures } = verification;
  const lines = [
    cliText('book.csv.document', { number: bookLabel(record) }),
    cliText('book.csv.signedAt', { date: longDateTime(record.confirmedAt) }),
    cliText('book.csv.case', { case: record.caseNumber, procedure: record.procedureName[cliLocale()] }),
    // Who numbered it, as the book recorded their certificate when the signature was confirmed.
    cliText('book.csv.numberedBy', {
      name: record.signerName,
      nif: record.signerNif ? maskNif(record.signerNif) : '—',
    }),
    ...(signatures.length === 0 ? [cliText('book.csv.noSignatures')] : signatures.flatMap(signatureLines)),
  ];
  const valid = signatures.length > 0 && signatures.every((signature) => signature.verdict === 'valid');
  const training = signatures.length > 0 && signatures.every((signature) => signature.verdict === 'training');
  lines.push(
    cliText(
      valid ? 'book.csv.result.valid' : training ? 'book.csv.result.training' : 'book.csv.result.notValid',
    ),
  );
  process.stdout.write(`${lines.join('\n')}\n`);
  return valid ? csvExit.valid : csvExit.notValid;
}

function answer(code: string, found: Lookup): number {
  if (found.kind === 'unknown') {
    process.stderr.write(`${cliText('book.csv.unknown', { code })}\n`);
    return csvExit.unknown;
  }
  if (found.kind === 'missing') {
    process.stderr.write(`${cliText('book.csv.missing', { code, number: bookLabel(found.record) })}\n`);
    return csvExit.missing;
  }
  return report(found.record, found.verification);
}

/** `despacho csv CODE [--data DIR]`: finds the document a secure verification code belongs to and verifies it. */
export async function run(argv: string[]): Promise<number> {
  const parsed = parseOptions(argv, ['--data']);
  if ('bad' in parsed || parsed.positional.length !== 1) {
    if ('bad' in parsed) process.stderr.write(`${cliText('office.cli.badOption', { option: parsed.bad })}\n`);
    process.stderr.write(`${cliText('book.csv.usage')}\n`);
    return csvExit.usage;
  }
  const typed = parsed.positional[0]!;
  const code = normalizeCsvCode(typed);
  if (!csvCodePattern.test(code)) {
    process.stderr.write(`${cliText('book.csv.malformed', { code: typed })}\n`);
    return csvExit.usage;
  }
  return onDataFolder(dataDirOption(parsed.options), csvExit.store, async (store) =>
    answer(code, await lookUp(store, code)),
  );
}
