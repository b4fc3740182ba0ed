import { parseCertificate, type CertificateInfo } from '../crypto/certificate';
import { issuerChain } from '../crypto/chain';
import { loadTrustStore } from '../crypto/trust-store';
import type { SigningSession } from '../signing-session';

export interface Signer {
  certificate: CertificateInfo;
  /**
   * What the CMS embeds: the signer's certificate and its issuers up to, not including, the root,
   * from the card and from the trust store's intermediates (many cards hold only the signer's).
   */
  certificates: Uint8Array[];
}

/** Per session, and per set of intermediates it was given (a batch gives the same one throughout). */
const signers = new WeakMap<SigningSession, Map<readonly Uint8Array[] | undefined, Promise<Signer>>>();

/**
 * The signer of a session, worked out once per session (a batch signs many documents with it).
 * `intermediates` defaults to those of the trust store (resources/trust/ and DESPACHO_TRUST_DIRS).
 */
export function signerOf(session: SigningSession, intermediates?: readonly Uint8Array[]): Promise<Signer> {
  let known = signers.get(session);
  if (!known) signers.set(session, (known = new Map()));
  let signer = known.get(intermediates);
  if (!signer) {
    const candidates = [
      ...session.chain,
      ...(intermediates ??
        loadTrustStore().intermediates.map((stored) => new Uint8Array(stored.certificate.raw))),
    ];
    signer = issuerChain(session.certificate, candidates).then((chain) => ({
      certificate: parseCertificate(session.certificate),
      certificates: [session.certificate, ...chain],
    }));
    known.set(intermediates, signer);
  }
  return signer;
}
