import { X509Certificate } from 'node:crypto';
import { hashFromOid } from '../crypto/cms/algorithms';
import { parseSignedData, type ParsedSignerInfo } from '../crypto/cms/parse';
import { holderOf, parseCertificate, type Holder } from '../crypto/certificate';
import { Oid } from '../crypto/oids';
import { hashByteRange } from '../crypto/hash-ranges';
import { PdfDocument } from '../pdf/document';
import { PdfNumber, PdfString, type PdfDict } from '../pdf/objects';
import { parsePdfDate } from '../pdf/pdf-date';
import { checkChain, type ChainResult } from '../crypto/chain';
import { changesAfter, type ChangeKind } from './changes';
import {
  checkMessageDigest,
  findSignerCertificate,
  verifySignerSignature,
  verifyTimestampToken,
  type Check,
  type TimestampCheck,
} from '../crypto/cms/verify-signer';
import { revisionEndingAt, revisionEnds } from './revisions';
import type { TrustStore } from '../crypto/trust-store';

export type Verdict = 'valid' | 'invalid' | 'indeterminate' | 'training';

export interface SignatureReport {
  index: number;
  field: string;
  subFilter: string | null;
  format: SignatureFormat;
  byteRange: number[];
  revision: number | null;
  revisions: number;
  integrity: Check;
  signature: Check;
  /** `serial`: the certificate's serial number in hex, as the book records it with the issuer. */
  signer: (Holder & { subject: string; issuer: string; serial: string }) | null;
  chain: ChainResult | null;
  time: { at: string | null; source: 'timestamp' | 'claimed' };
  certificateValidAtTime: boolean;
  timestamp: TimestampCheck | null;
  changesAfter: ChangeKind;
  contentObjectsChanged: number[];
  signedAttributes: string[];
  verdict: Verdict;
}

export interface PdfVerification {
  file: string;
  signatures: SignatureReport[];
}

export type SignatureFormat = 'pades-b-b' | 'pades-b-t' | 'cades-not-baseline' | 'not-pades';

/** PAdES baseline needs ETSI.CAdES.detached, signing-certificate-v2 and no signing-time. */
function pdfFormat(subFilter: string | null, info: ParsedSignerInfo, timestamped: boolean): SignatureFormat {
  const types = info.signedAttributes.map((attribute) => attribute.type);
  if (subFilter !== 'ETSI.CAdES.detached') return 'not-pades';
  if (types.includes(Oid.signingTime) || !types.includes(Oid.signingCertificateV2))
    return 'cades-not-baseline';
  return timestamped ? 'pades-b-t' : 'pades-b-b';
}

/** The unsigned gap must be exactly the hex string of /Contents, nothing more. */
function gapIsContents(document: PdfDocument, byteRange: readonly number[], contents: PdfString): boolean {
  const [, gapStart, gapEnd] = byteRange as [number, number, number, number];
  if (gapEnd - gapStart !== contents.bytes.length * 2 + 2) return false;
  return (
    document.file.read(gapStart, 1).toString('latin1') === '<' &&
    document.file.read(gapEnd - 1, 1).toString('latin1') === '>'
  );
}

const numbers = (value: unknown): number[] =>
  Array.isArray(value) ? value.map((item) => (item instanceof PdfNumber ? item.value : NaN)) : [];

async function verifySignature(
  path: string,
  latest: PdfDocument,
  ends: readonly number[],
  store: TrustStore,
  index: number,
  field: string,
  sig: PdfDict,
): Promise<SignatureReport> {
  const byteRange = numbers(sig.get('ByteRange'));
  const contents = sig.get('Contents');
  const subFilter = sig.name('SubFilter') ?? null;
  const claimed = sig.get('M') instanceof PdfString ? parsePdfDate((sig.get('M') as PdfString).text()) : null;
  const revisionEnd = byteRange.length === 4 ? byteRange[2]! + byteRange[3]! : -1;
  const revision = revisionEndingAt(ends, revisionEnd);
  const base = { index, field, subFilter, byteRange, revision, revisions: ends.length };
  const broken = (detail: string) => invalidReport(base, detail, claimed?.toISOString() ?? null);
  if (byteRange.length !== 4 || byteRange[0] !== 0 || !(contents instanceof PdfString))
    return broken('malformed /ByteRange or /Contents');
  if (!gapIsContents(latest, byteRange, contents))
    return broken('the /ByteRange gap is not exactly /Contents');
  const signedData = parseSignedData(contents.bytes);
  const info = signedData.signerInfos[0];
  if (!info || signedData.signerInfos.length !== 1) return broken('the CMS must have exactly one SignerInfo');
  const signerDer = findSignerCertificate(info, signedData.certificates);
  if (!signerDer) return broken("the signer's certificate is not in the CMS");
  const hash = hashFromOid(info.digestOid);
  if (!hash) return broken(`unsupported digest ${info.digestOid}`);

  const integrity = checkMessageDigest(info, await hashByteRange(path, byteRange, hash));
  const signerCertificate = new X509Certificate(signerDer);
  const signature = verifySignerSignature(info, signerCertificate.publicKey);
  const tokenValue = info.unsignedAttributes.find(
    (attribute) => attribute.type === Oid.signatureTimeStampToken,
  )?.values[0];
  const timestamp = tokenValue
    ? verifyTimestampToken(new Uint8Array(tokenValue.valueBeforeDecodeView), info.signature)
    : null;
  const at = timestamp?.ok && timestamp.genTime ? timestamp.genTime : claimed;
  const parsed = parseCertificate(signerDer);
  const certificateValidAtTime = at !== null && parsed.notBefore <= at && at <= parsed.notAfter;
  const chain = await checkChain(signerDer, signedData.certificates, store, at ?? new Date());

  let changes: { kind: ChangeKind; contentObjects: number[] } = { kind: 'content', contentObjects: [] };
  if (revision !== null) {
    changes =
      revision === ends.length && revisionEnd >= latest.end - 2
        ? { kind: 'none', contentObjects: [] }
        : changesAfter(latest.revisionAt(ends[revision - 1]!), latest);
  }
  const sound =
    integrity.ok &&
    signature.ok &&
    certificateValidAtTime &&
    (timestamp?.ok ?? true) &&
    changes.kind !== 'content' &&
    revision !== null;
  const verdict: Verdict = !sound
    ? 'invalid'
    : chain.status === 'valid'
      ? 'valid'
      : chain.status === 'training'
        ? 'training'
        : chain.status === 'unknown'
          ? 'indeterminate'
          : 'invalid';
  return {
    ...base,
    format: pdfFormat(subFilter, info, timestamp !== null),
    integrity,
    signature,
    signer: {
      ...holderOf(parsed),
      subject: signerCertificate.subject.replace(/\n/g, ', '),
      issuer: signerCertificate.issuer.replace(/\n/g, ', '),
      serial: parsed.serialHex,
    },
    chain,
    time: { at: at?.toISOString() ?? null, source: timestamp?.ok ? 'timestamp' : 'claimed' },
    certificateValidAtTime,
    timestamp,
    changesAfter: changes.kind,
    contentObjectsChanged: changes.contentObjects,
    signedAttributes: info.signedAttributes.map((attribute) => attribute.type),
    verdict,
  };
}

/** Every signature of a PDF, in the order of the revisions they cover. */
export async function verifyPdf(path: string, store: TrustStore): Promise<PdfVerification> {
  const document = PdfDocument.open(path);
  try {
    const ends = await revisionEnds(path);
    const fields = document.signatureFields().filter((field) => field.value !== null);
    const reports: SignatureReport[] = [];
    for (const [index, field] of fields.entries()) {
      try {
        reports.push(await verifySignature(path, document, ends, store, index + 1, field.name, field.value!));
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        reports.push(
          invalidReport(
            {
              index: index + 1,
              field: field.name,
              subFilter: null,
              byteRange: [],
              revision: null,
              revisions: ends.length,
            },
            detail,
            null,
          ),
        );
      }
    }
    reports.sort((a, b) => (a.revision ?? Infinity) - (b.revision ?? Infinity));
    reports.forEach((report, position) => (report.index = position + 1));
    return { file: path, signatures: reports };
  } finally {
    document.close();
  }
}

type ReportBase = Pick<
  SignatureReport,
  'index' | 'field' | 'subFilter' | 'byteRange' | 'revision' | 'revisions'
>;

function invalidReport(base: ReportBase, detail: string, claimedAt: string | null): SignatureReport {
  return {
    ...base,
    format: 'not-pades',
    integrity: { ok: false, detail },
    signature: { ok: false, detail },
    signer: null,
    chain: null,
    time: { at: claimedAt, source: 'claimed' },
    certificateValidAtTime: false,
    timestamp: null,
    changesAfter: 'content',
    contentObjectsChanged: [],
    signedAttributes: [],
    verdict: 'invalid',
  };
}
