import { verifyPdf, type SignatureReport } from './verify-pdf';

function stateOf(report: SignatureReport) {
  if (report.signer === null) return 'damaged' as const;
  if (!report.integrity.ok) return 'changed' as const;
  if (!report.signature.ok) return 'damaged' as const;
  if (report.changesAfter === 'content') return 'modifiedAfter' as const;
  return 'intact' as const;
}

/**
 * Whether each signature of a PDF still holds, for a signer about to add one: the function the
 * composition hands to signing (signing/earlier-signatures.ts). Tampering is the question, not
 * trust, so no anchors are consulted.
 */
export async function earlierSignatureStates(path: string) {
  const { signatures } = await verifyPdf(path, { anchors: [], intermediates: [], training: [] });
  return signatures.map((report) => ({
    field: report.field,
    signer: report.signer?.name ?? null,
    state: stateOf(report),
  }));
}
