import { basename } from 'node:path';
import type { MessageKey } from '../../../shared/i18n/index';
import { loadTrustStore } from '../../desk/crypto/trust-store';
import { verifyPdf, type PdfVerification, type SignatureReport } from '../../desk/verify/verify-pdf';
import { formatInstant } from '../../../shared/i18n/dates';
import { cliIntl, cliText } from '../text';

/** Exit codes (docs/signing.md): 0 every signature valid, 1 some not valid or no signature, 2 usage, 3 unreadable file. */
export const verifyExit = { valid: 0, notValid: 1, usage: 2, unreadable: 3 } as const;

const localTime = (iso: string): string => formatInstant(new Date(iso), cliIntl(), 'long');

function signatureLines(report: SignatureReport): string[] {
  const lines = [
    cliText('signing.verify.signature', {
      index: report.index,
      field: report.field,
      verdict: cliText(`signing.verify.verdict.${report.verdict}`),
    }),
  ];
  if (report.signer) {
    lines.push(cliText('signing.verify.signer', { name: report.signer.name, nif: report.signer.nif ?? '—' }));
    lines.push(
      cliText('signing.verify.organization', {
        organization: report.signer.organization ?? '—',
        position: report.signer.position ?? '—',
      }),
    );
    lines.push(cliText('signing.verify.issuer', { issuer: report.signer.issuer }));
  }
  lines.push(
    cliText('signing.verify.format', {
      format: `${cliText(`signing.verify.format.${report.format}`)} (${report.subFilter ?? '—'})`,
    }),
  );
  lines.push(
    cliText(report.integrity.ok ? 'signing.verify.integrity.ok' : 'signing.verify.integrity.broken'),
  );
  lines.push(
    report.signature.ok
      ? cliText('signing.verify.cms.ok')
      : cliText('signing.verify.cms.broken', { detail: report.signature.detail ?? '' }),
  );
  if (report.chain) {
    const key: MessageKey = `signing.verify.chain.${report.chain.status}`;
    lines.push(cliText(key, { anchor: report.chain.anchor ?? '', detail: report.chain.detail ?? '' }));
  }
  if (report.timestamp) {
    lines.push(
      report.timestamp.ok
        ? cliText('signing.verify.timestamp.ok', { tsa: report.timestamp.tsa ?? '?' })
        : cliText('signing.verify.timestamp.broken', { detail: report.timestamp.detail ?? '' }),
    );
  }
  if (report.time.at) {
    lines.push(
      cliText(
        report.time.source === 'timestamp' ? 'signing.verify.time.timestamp' : 'signing.verify.time.claimed',
        { date: localTime(report.time.at) },
      ),
    );
    lines.push(
      cliText(
        report.certificateValidAtTime ? 'signing.verify.time.certValid' : 'signing.verify.time.certInvalid',
      ),
    );
  }
  if (report.revision !== null)
    lines.push(cliText('signing.verify.revision', { revision: report.revision, total: report.revisions }));
  const changes: MessageKey = `signing.verify.changes.${report.changesAfter}`;
  lines.push(cliText(changes, { objects: report.contentObjectsChanged.join(', ') }));
  return lines;
}

function fileLines(result: PdfVerification): string[] {
  const file = basename(result.file);
  if (result.signatures.length === 0) return [cliText('signing.verify.noSignatures', { file })];
  return [
    cliText('signing.verify.header', { file, count: result.signatures.length }),
    ...result.signatures.flatMap(signatureLines),
  ];
}

export async function run(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const files = argv.filter((arg) => arg !== '--json');
  const unknown = files.find((arg) => arg.startsWith('--'));
  if (unknown || files.length === 0) {
    process.stderr.write(
      `${unknown ? `${cliText('signing.cli.badOption', { option: unknown })}\n` : ''}${cliText('signing.cli.verifyUsage')}\n`,
    );
    return verifyExit.usage;
  }
  const store = loadTrustStore();
  const results: PdfVerification[] = [];
  let exit: number = verifyExit.valid;
  for (const file of files) {
    try {
      const result = await verifyPdf(file, store);
      results.push(result);
      if (
        result.signatures.length === 0 ||
        result.signatures.some((signature) => signature.verdict !== 'valid')
      )
        exit = Math.max(exit, verifyExit.notValid);
      if (!json) process.stdout.write(`${fileLines(result).join('\n')}\n`);
    } catch (error) {
      exit = verifyExit.unreadable;
      process.stderr.write(
        `${cliText('signing.verify.unreadable', { file: basename(file), detail: error instanceof Error ? error.message : String(error) })}\n`,
      );
    }
  }
  if (json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  return exit;
}
