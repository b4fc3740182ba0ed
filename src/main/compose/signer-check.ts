import { X509Certificate } from 'node:crypto';
import { holderOf, parseCertificate } from '../desk/crypto/certificate';
import type { TrustStore } from '../desk/crypto/trust-store';
import { verifyPdf, type SignatureReport } from '../desk/verify/verify-pdf';
import type { CertifiedSigner, SignerCheck, SignerCheckOutcome } from '../office/signatures/signer-check';
import { withTemporaryFile } from './document-files';

export interface SignerCheckOptions {
  trust: TrustStore;
  /** Demo and training desks accept the practice cards of the demo office's training CA; a real office never does. */
  acceptsPracticeCards: boolean;
}

/** What the verifier says of one signature, as the office's confirmation needs it. */
export function signerOutcome(
  report: SignatureReport | undefined,
  acceptsPracticeCards: boolean,
): SignerCheckOutcome {
  if (!report?.signer || report.verdict === 'invalid') return { verified: false, problem: 'invalid' };
  const chain: CertifiedSigner['chain'] | null =
    report.verdict === 'valid'
      ? 'trusted'
      : report.verdict === 'training' && acceptsPracticeCards
        ? 'training'
        : null;
  if (chain === null) return { verified: false, problem: 'untrusted' };
  const { name, nif, issuer, serial } = report.signer;
  return { verified: true, signer: { name, nif, issuer, serial, chain } };
}

/**
 * The office's check of a new signature, by the desk's verifier: integrity, the CMS signature, the
 * certificate's validity at the signing time and its path to the trust store's roots.
 */
export function certifiedSignerCheck({ trust, acceptsPracticeCards }: SignerCheckOptions): SignerCheck {
  return {
    check: (signedPdf, fieldName) =>
      withTemporaryFile(signedPdf, async (path) => {
        const { signatures } = await verifyPdf(path, trust);
        return signerOutcome(
          signatures.find((report) => report.field === fieldName),
          acceptsPracticeCards,
        );
      }),
  };
}

/** Who a certificate names, as the verifier reports a signer (for signatures made here, like the demo book's). */
export function certifiedSignerOf(certificate: Uint8Array, chain: CertifiedSigner['chain']): CertifiedSigner {
  const info = parseCertificate(certificate);
  const { name, nif } = holderOf(info);
  const issuer = new X509Certificate(certificate).issuer.replace(/\n/g, ', ');
  return { name, nif, issuer, serial: info.serialHex, chain };
}
