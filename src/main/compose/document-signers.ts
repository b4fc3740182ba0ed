import { holderOf, parseCertificate } from '../desk/crypto/certificate';
import { parseSignedData } from '../desk/crypto/cms/parse';
import { findSignerCertificate } from '../desk/crypto/cms/verify-signer';
import { PdfDocument } from '../desk/pdf/document';
import { PdfNumber, PdfString } from '../desk/pdf/objects';
import type { SignerIdentities, SignerIdentity } from '../office/book/signer-identities';
import type { Store } from '../office/store/open-store';
import { withDocumentFile } from './document-files';

/** Where a signature's byte range ends: the first signature of a document covers the least. */
function coveredUpTo(value: ReturnType<PdfDocument['signatureFields']>[number]['value']): number {
  const range = value?.get('ByteRange');
  if (!Array.isArray(range) || range.length !== 4) return Infinity;
  const [, , start, length] = range.map((item) => (item instanceof PdfNumber ? item.value : NaN));
  return Number.isFinite(start! + length!) ? start! + length! : Infinity;
}

/**
 * The holder of a signed PDF's first signature, as its certificate names them (the book numbers a
 * resolution at its first signature). Only reads: whether the signature is valid is the verifier's
 * question, asked where the document is shown as verified. Null when there is no readable signature.
 */
export function firstSignerOf(path: string): SignerIdentity | null {
  let document: PdfDocument;
  try {
    document = PdfDocument.open(path);
  } catch {
    return null;
  }
  try {
    const signed = document
      .signatureFields()
      .filter((field) => field.value !== null)
      .sort((a, b) => coveredUpTo(a.value) - coveredUpTo(b.value));
    const contents = signed[0]?.value?.get('Contents');
    if (!(contents instanceof PdfString)) return null;
    const signedData = parseSignedData(contents.bytes);
    const info = signedData.signerInfos[0];
    const certificate = info ? findSignerCertificate(info, signedData.certificates) : null;
    if (!certificate) return null;
    const holder = holderOf(parseCertificate(certificate));
    return { name: holder.name, nif: holder.nif };
  } catch {
    return null;
  } finally {
    document.close();
  }
}

/** Signed documents never change under their hash: a signer read once is kept (up to a bound). */
const remembered = 5_000;

/** The book's signers read from the stored signed documents, for the office's book calls and the CLI. */
export function storedDocumentSigners(store: Pick<Store, 'db' | 'documentsDir'>): SignerIdentities {
  const known = new Map<string, SignerIdentity>();
  const read = async (sha256: string): Promise<SignerIdentity | null> => {
    const kept = known.get(sha256);
    if (kept) return kept;
    const identity = await withDocumentFile(store, sha256, (path) => (path ? firstSignerOf(path) : null));
    if (identity === null) return null;
    if (known.size >= remembered) known.delete(known.keys().next().value!);
    known.set(sha256, identity);
    return identity;
  };
  return {
    async of(sha256s) {
      const found = new Map<string, SignerIdentity>();
      for (const sha256 of new Set(sha256s)) {
        const identity = await read(sha256);
        if (identity) found.set(sha256, identity);
      }
      return found;
    },
  };
}
