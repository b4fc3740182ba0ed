import type { Handlers } from '../../shared/api/dispatch';
import type {
  DocumentSignature,
  DocumentSignatures,
  SignatureReason,
  SignatureVerdict,
} from '../../shared/api/documents';
import { maskNif } from '../../shared/domain/nif-mask';
import type { TrustStore } from '../desk/crypto/trust-store';
import {
  verifyPdf,
  type PdfVerification,
  type SignatureReport,
  type Verdict,
} from '../desk/verify/verify-pdf';
import { readableDocument } from '../office/cases/documents';
import type { Store } from '../office/store/open-store';
import { withDocumentFile } from './document-files';

const verdicts: Record<Verdict, SignatureVerdict> = {
  valid: 'valid',
  invalid: 'invalid',
  indeterminate: 'unknown_issuer',
  training: 'training',
};

/** The first thing that decided the verdict, in the order the verifier weighs them. */
function reasonOf(report: SignatureReport): SignatureReason {
  if (report.signer === null) return 'unreadable_signature';
  if (!report.integrity.ok) return 'bytes_changed';
  if (!report.signature.ok) return 'signature_broken';
  if (report.revision === null || report.changesAfter === 'content') return 'changed_after_signing';
  if (report.timestamp && !report.timestamp.ok) return 'timestamp_broken';
  if (!report.certificateValidAtTime) return 'certificate_not_valid_at_time';
  switch (report.chain?.status) {
    case 'valid':
      return 'trusted';
    case 'training':
      return 'practice_issuer';
    case 'unknown':
      return 'issuer_unknown';
    default:
      return 'chain_invalid';
  }
}

/** What the case page shows of a signature: who, when, and the verdict with its reason; the NIF masked. */
function signatureOf(report: SignatureReport): DocumentSignature {
  return {
    index: report.index,
    holder: report.signer?.name || null,
    nif: report.signer?.nif ? maskNif(report.signer.nif) : null,
    signedAt: report.time.at,
    timeSource: report.time.source,
    verdict: verdicts[report.verdict],
    reason: reasonOf(report),
  };
}

type Verified = { kind: 'verified'; verification: PdfVerification } | { kind: 'missing' | 'unreadable' };

async function verifyStored(
  store: Pick<Store, 'db' | 'documentsDir'>,
  sha256: string,
  trust: TrustStore,
): Promise<Verified> {
  return withDocumentFile(store, sha256, async (path): Promise<Verified> => {
    if (path === null) return { kind: 'missing' };
    try {
      return { kind: 'verified', verification: await verifyPdf(path, trust) };
    } catch {
      // The verifier reads each signature apart; only a file that is no PDF at all gets here.
      return { kind: 'unreadable' };
    }
  });
}

function summary(documentId: string, sha256: string, verified: Verified): DocumentSignatures {
  const base = { documentId, sha256, modifiedAfterLastSignature: false, signatures: [] };
  if (verified.kind !== 'verified') return { ...base, state: verified.kind };
  const reports = verified.verification.signatures;
  if (reports.length === 0) return { ...base, state: 'unsigned' };
  const last = reports[reports.length - 1]!;
  return {
    ...base,
    state: 'signed',
    modifiedAfterLastSignature: last.changesAfter === 'content',
    signatures: reports.map(signatureOf),
  };
}

export interface DocumentSignaturesDependencies {
  /** The office's store: the document's department rule and its bytes. */
  store: Pick<Store, 'db' | 'documentsDir'>;
  /** The desk's trust: anchors, intermediates and the practice CAs (reported as training). */
  trust: TrustStore;
}

/**
 * `documents.signatures`: the office says whether the actor reads the document and lends its
 * bytes; the desk's verifier says what its signatures are worth, now, with this desk's trust.
 */
export function documentSignaturesHandlers({
  store,
  trust,
}: DocumentSignaturesDependencies): Pick<Handlers, 'documents.signatures'> {
  return {
    'documents.signatures': async ({ caseId, documentId }, { actor }) => {
      const document = await readableDocument(store.db, actor, caseId, documentId);
      const verified = await verifyStored(store, document.sha256, trust);
      return summary(String(document.id), document.sha256, verified);
    },
  };
}
