import { constants, verify, X509Certificate, type VerifyKeyObjectInput } from 'node:crypto';
import { holderOf, parseCertificate } from '../desk/crypto/certificate';
import { checkChain } from '../desk/crypto/chain';
import type { TrustStore } from '../desk/crypto/trust-store';
import type { CardAnswer, CardIdentity, CardRefusal } from '../office/card-sign-in';

/** The key as `crypto.verify` takes it for each scheme the contract names (always SHA-256). */
function verifyKey(certificate: X509Certificate, scheme: CardAnswer['scheme']): VerifyKeyObjectInput {
  const key = certificate.publicKey;
  if (scheme === 'rsa-pss')
    return { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO };
  if (scheme === 'ecdsa') return { key, dsaEncoding: 'der' };
  return { key };
}

function signatureHolds(certificate: X509Certificate, answer: CardAnswer): boolean {
  try {
    return verify('sha256', answer.message, verifyKey(certificate, answer.scheme), answer.signature);
  } catch {
    // A scheme that does not fit the key (ECDSA named for an RSA key…) proves nothing.
    return false;
  }
}

const refuse = (reason: CardRefusal) => ({ ok: false as const, reason });

/**
 * The office's check of a card that signs in, by the desk's cryptography: the signature over the
 * challenge's words, the certificate's RFC 5280 path to the trust store's anchors at the time of
 * sign-in (a practice card's training CA never signs anyone in), a key usage that allows
 * authentication (digitalSignature), and the holder's NIF.
 */
export function cardIdentity(trust: TrustStore): CardIdentity {
  return {
    async verify(answer, at) {
      let certificate: X509Certificate;
      try {
        certificate = new X509Certificate(answer.certificate);
      } catch {
        return refuse('bad_certificate');
      }
      if (!signatureHolds(certificate, answer)) return refuse('bad_signature');
      const info = parseCertificate(answer.certificate);
      if (at < info.notBefore || at > info.notAfter) return refuse('certificate_expired');
      const chain = await checkChain(answer.certificate, answer.chain, trust, at);
      if (chain.status === 'training') return refuse('training_card');
      if (chain.status !== 'valid') return refuse('untrusted');
      if (info.keyUsage !== null && !info.keyUsage.has('digitalSignature'))
        return refuse('not_for_authentication');
      const { nif } = holderOf(info);
      return nif ? { ok: true, nif } : refuse('no_nif');
    },
  };
}
