import { X509Certificate } from 'node:crypto';
import { parseCertificate } from './certificate';
import type { TrustAnchor, TrustStore } from './trust-store';

export type ChainStatus = 'valid' | 'unknown' | 'invalid' | 'training';

export interface ChainResult {
  status: ChainStatus;
  anchor: string | null;
  detail: string | null;
  /** Subjects from the signer up to the anchor. */
  path: string[];
}

const issues = (issuer: X509Certificate, subject: X509Certificate) =>
  subject.checkIssued(issuer) && subject.verify(issuer.publicKey);

function validAt(certificate: X509Certificate, at: Date): boolean {
  return new Date(certificate.validFrom) <= at && at <= new Date(certificate.validTo);
}

function findAnchor(anchors: readonly TrustAnchor[], certificate: X509Certificate): TrustAnchor | null {
  return (
    anchors.find(
      (anchor) => anchor.certificate.raw.equals(certificate.raw) || issues(anchor.certificate, certificate),
    ) ?? null
  );
}

/**
 * Builds the path from the signer through the certificates the CMS carries to an anchor, checking
 * each signature, that issuers are CAs, and that every certificate was valid at `at`.
 */
export function checkChain(
  signer: Uint8Array,
  carried: readonly Uint8Array[],
  store: TrustStore,
  at: Date,
): ChainResult {
  const pool = carried.map((der) => new X509Certificate(der));
  let current = new X509Certificate(signer);
  const path = [current.subject];
  for (let depth = 0; depth < 10; depth++) {
    if (!validAt(current, at))
      return {
        status: 'invalid',
        anchor: null,
        detail: `not valid at ${at.toISOString()}: ${current.subject}`,
        path,
      };
    const training = findAnchor(store.training, current);
    if (training) return { status: 'training', anchor: training.label, detail: null, path };
    const anchor = findAnchor(store.anchors, current);
    if (anchor) {
      if (!validAt(anchor.certificate, at))
        return {
          status: 'invalid',
          anchor: anchor.label,
          detail: 'the anchor was not valid at signing time',
          path,
        };
      return { status: 'valid', anchor: anchor.label, detail: null, path };
    }
    const nameMatch = pool.find(
      (candidate) => !candidate.raw.equals(current.raw) && current.checkIssued(candidate),
    );
    if (!nameMatch) return { status: 'unknown', anchor: null, detail: null, path };
    if (!current.verify(nameMatch.publicKey))
      return { status: 'invalid', anchor: null, detail: `bad signature on ${current.subject}`, path };
    if (!parseCertificate(new Uint8Array(nameMatch.raw)).isCa)
      return { status: 'invalid', anchor: null, detail: `issuer is not a CA: ${nameMatch.subject}`, path };
    current = nameMatch;
    path.push(current.subject);
  }
  return { status: 'invalid', anchor: null, detail: 'the chain is too long', path };
}
