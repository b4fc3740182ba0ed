import { constants, sign, X509Certificate, type KeyObject } from 'node:crypto';
import { certifiedKeyAlgorithm } from './key-algorithm';
import type { SignParams, SigningSession } from '../signing-session';

const nodeHash = { 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' } as const;

/**
 * One key held in software (node:crypto) behind the card's interface: the office's seal read from
 * its files, the practice card. ECDSA answers in DER, as CMS stores it. Throws for a certificate
 * whose key the signature builders cannot use.
 */
export function softwareKeySession(
  key: KeyObject,
  certificate: Uint8Array,
  chain: readonly Uint8Array[] = [],
): SigningSession {
  const keyAlgorithm = certifiedKeyAlgorithm(new X509Certificate(certificate));
  if (!keyAlgorithm) throw new Error('the certificate certifies a key of a kind Despacho cannot sign with');
  return {
    certificate,
    chain,
    keyAlgorithm,
    async sign(data: Uint8Array, params: SignParams) {
      const padding =
        params.scheme === 'rsa-pss'
          ? { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: Number(params.hash.slice(4)) / 8 }
          : {};
      return new Uint8Array(sign(nodeHash[params.hash], data, { key, ...padding }));
    },
    async close() {},
  };
}
