import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { TrustStore } from '../../../../src/main/desk/crypto/trust-store';
import { verifyPdf, type PdfVerification } from '../../../../src/main/desk/verify/verify-pdf';
import {
  extractSignatures,
  isBytePrefix,
  opensslCmsVerify,
  pdfsig,
  qpdfCheck,
} from '../../../support/pdfs/validators';

export interface SignedPdfExpectations {
  /** The file this one was signed from: must be a byte-identical prefix. */
  source: string;
  signatures: number;
  caFile: string;
  store: TrustStore;
  /** Leading signatures made by another tool (not checked against our CA by openssl). */
  foreign?: number;
  /** Signature fields left empty on purpose (pdfsig lists them as not signed). */
  emptyFields?: number;
}

/** Warnings qpdf already had on the source are not ours; anything new is. */
function qpdfWarnings(path: string): string[] {
  return qpdfCheck(path)
    .text.split('\n')
    .filter((line) => /WARNING/i.test(line))
    .map((line) => line.replace(path, 'FILE'));
}

/** pdfsig, qpdf --check, openssl cms -verify and our own verifier, on one signed PDF. */
export async function expectSignedPdfValid(
  path: string,
  expected: SignedPdfExpectations,
): Promise<PdfVerification> {
  expect(isBytePrefix(expected.source, path)).toBe(true);
  const poppler = pdfsig(path);
  const emptyFields = expected.emptyFields ?? 0;
  expect(poppler.count, poppler.text).toBe(expected.signatures + emptyFields);
  expect(poppler.unsignedFields, poppler.text).toBe(emptyFields);
  expect(poppler.valid.filter(Boolean), poppler.text).toHaveLength(expected.signatures);
  const before = qpdfWarnings(expected.source);
  expect(qpdfWarnings(path).filter((line) => !before.includes(line))).toEqual([]);
  if (before.length === 0) expect(qpdfCheck(path).ok).toBe(true);
  const extracted = extractSignatures(path);
  expect(extracted).toHaveLength(expected.signatures);
  for (const signature of extracted.slice(expected.foreign ?? 0)) {
    const result = opensslCmsVerify(signature, expected.caFile);
    expect(result.ok, result.text).toBe(true);
  }
  const own = await verifyPdf(path, expected.store);
  expect(own.signatures).toHaveLength(expected.signatures);
  for (const report of own.signatures) {
    expect(report.integrity.ok).toBe(true);
    expect(report.signature.ok).toBe(true);
    expect(report.changesAfter).not.toBe('content');
  }
  for (const report of own.signatures.slice(expected.foreign ?? 0)) expect(report.verdict).toBe('valid');
  return own;
}

/** The xref kind of the last section and the raw lines of a classic table's entries. */
export function lastXrefSection(path: string): { kind: 'table' | 'stream'; entryLines: string[] } {
  const text = readFileSync(path).toString('latin1');
  const startxref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1]);
  const section = text.slice(startxref).trimStart();
  if (!section.startsWith('xref')) return { kind: 'stream', entryLines: [] };
  const body = section.slice(0, section.indexOf('trailer'));
  return {
    kind: 'table',
    entryLines: body
      .split('\n')
      .filter((line) => / [nf]\r?$/.test(line))
      .map((line) => `${line}\n`),
  };
}
