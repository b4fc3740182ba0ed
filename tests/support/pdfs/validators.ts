import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTool } from '../tool-runs';

/**
 * The outside validators every signed PDF goes through. pdfsig 22.12 exits 0 even on a digest
 * mismatch, so its text is parsed; qpdf must be silent; openssl checks each CMS over its ranges.
 */
export interface PdfsigReport {
  /** Signature fields pdfsig lists, signed or not. */
  count: number;
  valid: boolean[];
  /** Fields it lists as "not signed" (an empty field beside a signed one shows up here). */
  unsignedFields: number;
  text: string;
}

/** pdfsig's verdict on one file, read from its text (its exit status says nothing about validity). */
function pdfsigReport(text: string): PdfsigReport {
  const blocks = text.split(/^Signature #\d+:/m).slice(1);
  return {
    count: blocks.length,
    valid: blocks.map((block) => /Signature Validation: Signature is Valid\./.test(block)),
    unsignedFields: blocks.filter((block) => /The signature form field is not signed\./.test(block)).length,
    text,
  };
}

export function pdfsig(path: string): PdfsigReport {
  const result = spawnSync('pdfsig', [path], { encoding: 'utf8' });
  return pdfsigReport(`${result.stdout}${result.stderr}`);
}

/** pdfsig without blocking, so that several files can be checked side by side (see tool-runs.ts). */
export async function pdfsigAsync(path: string): Promise<PdfsigReport> {
  const result = await runTool('pdfsig', [path]);
  return pdfsigReport(`${result.stdout}${result.stderr}`);
}

/** qpdf --check passes only when it exits 0 and warns of nothing. */
function qpdfVerdict(result: { status: number | null; stdout: string; stderr: string }) {
  const text = `${result.stdout}${result.stderr}`;
  return { ok: result.status === 0 && !/WARNING/i.test(text), text };
}

export function qpdfCheck(path: string): { ok: boolean; text: string } {
  return qpdfVerdict(spawnSync('qpdf', ['--check', path], { encoding: 'utf8' }));
}

/** qpdf --check without blocking, so that several files can be checked side by side. */
export async function qpdfCheckAsync(path: string): Promise<{ ok: boolean; text: string }> {
  return qpdfVerdict(await runTool('qpdf', ['--check', path]));
}

export interface ExtractedSignature {
  byteRange: number[];
  cms: Buffer;
  signedContent: Buffer;
}

/** Reads every /ByteRange straight from the bytes (independently of our own parser). */
export function extractSignatures(path: string): ExtractedSignature[] {
  const bytes = readFileSync(path);
  const text = bytes.toString('latin1');
  const found: ExtractedSignature[] = [];
  for (const match of text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)) {
    const range = match.slice(1, 5).map(Number);
    const [a, b, c, d] = range as [number, number, number, number];
    const hex = text.slice(a + b + 1, c - 1);
    const raw = Buffer.from(hex, 'hex');
    const length = raw[1]! & 0x80 ? 2 + (raw[1]! & 0x7f) + raw.readUIntBE(2, raw[1]! & 0x7f) : 2 + raw[1]!;
    found.push({
      byteRange: range,
      cms: raw.subarray(0, length),
      signedContent: Buffer.concat([bytes.subarray(a, a + b), bytes.subarray(c, c + d)]),
    });
  }
  return found;
}

/** `openssl cms -verify` of a detached CMS signature over its content (a PDF's, or a file's beside it). */
export function opensslCmsVerify(
  signature: Pick<ExtractedSignature, 'cms' | 'signedContent'>,
  caFile: string,
): { ok: boolean; text: string } {
  const dir = mkdtempSync(join(tmpdir(), 'despacho-cms-'));
  writeFileSync(join(dir, 'sig.der'), signature.cms);
  writeFileSync(join(dir, 'content.bin'), signature.signedContent);
  const result = spawnSync(
    'openssl',
    [
      'cms',
      '-verify',
      '-binary',
      '-inform',
      'DER',
      '-in',
      join(dir, 'sig.der'),
      '-content',
      join(dir, 'content.bin'),
      '-CAfile',
      caFile,
      '-purpose',
      'any',
      '-out',
      '/dev/null',
    ],
    { encoding: 'utf8' },
  );
  const text = `${result.stdout}${result.stderr}`;
  return { ok: result.status === 0 && /Verification successful/.test(text), text };
}

export function isBytePrefix(prefixPath: string, fullPath: string): boolean {
  const prefix = readFileSync(prefixPath);
  const full = readFileSync(fullPath);
  return full.length > prefix.length && full.subarray(0, prefix.length).equals(prefix);
}
