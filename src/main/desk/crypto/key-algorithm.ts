import type { X509Certificate } from 'node:crypto';
import type { KeyAlgorithm } from '../signing-session';

const curves: Record<string, 'P-256' | 'P-384' | 'P-521'> = {
  prime256v1: 'P-256',
  secp384r1: 'P-384',
  secp521r1: 'P-521',
};

/** The certified key's algorithm as the signature builders choose a scheme from it; null for a key they cannot use. */
export function certifiedKeyAlgorithm(certificate: X509Certificate): KeyAlgorithm | null {
  const key = certificate.publicKey;
  const details = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === 'rsa') return { type: 'rsa', bits: details.modulusLength ?? 0 };
  const curve = key.asymmetricKeyType === 'ec' ? curves[details.namedCurve ?? ''] : undefined;
  return curve ? { type: 'ec', curve } : null;
}
