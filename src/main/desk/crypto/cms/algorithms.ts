import type { HashAlgorithm, KeyAlgorithm, SignatureScheme } from '../../signing-session';
import { contextTag, derNull, integer, oid, Oid, sequence } from '../der';

export const digestOid: Record<HashAlgorithm, string> = {
  'SHA-256': Oid.sha256,
  'SHA-384': Oid.sha384,
  'SHA-512': Oid.sha512,
};
export const nodeHashName: Record<HashAlgorithm, string> = {
  'SHA-256': 'sha256',
  'SHA-384': 'sha384',
  'SHA-512': 'sha512',
};
export const hashLength: Record<HashAlgorithm, number> = { 'SHA-256': 32, 'SHA-384': 48, 'SHA-512': 64 };

export function hashFromOid(dotted: string): HashAlgorithm | null {
  const found = (Object.keys(digestOid) as HashAlgorithm[]).find((hash) => digestOid[hash] === dotted);
  return found ?? null;
}

/** AlgorithmIdentifier for a digest; parameters absent (RFC 5754). */
export const digestAlgorithmIdentifier = (hash: HashAlgorithm) => sequence(oid(digestOid[hash]));

const rsaPkcs1Oid: Record<HashAlgorithm, string> = {
  'SHA-256': Oid.sha256WithRsa,
  'SHA-384': Oid.sha384WithRsa,
  'SHA-512': Oid.sha512WithRsa,
};
const ecdsaOid: Record<HashAlgorithm, string> = {
  'SHA-256': Oid.ecdsaWithSha256,
  'SHA-384': Oid.ecdsaWithSha384,
  'SHA-512': Oid.ecdsaWithSha512,
};

/** The SignerInfo's signatureAlgorithm for this key, scheme and hash. */
export function signatureAlgorithmIdentifier(
  key: KeyAlgorithm,
  scheme: SignatureScheme,
  hash: HashAlgorithm,
): Uint8Array {
  if (key.type === 'ec') {
    if (scheme !== 'ecdsa') throw new Error('an EC key signs only with ECDSA');
    return sequence(oid(ecdsaOid[hash]));
  }
  if (scheme === 'ecdsa') throw new Error('an RSA key cannot sign with ECDSA');
  if (scheme === 'rsa-pkcs1') return sequence(oid(rsaPkcs1Oid[hash]), derNull());
  const digest = sequence(oid(digestOid[hash]), derNull());
  const params = sequence(
    contextTag(0, digest),
    contextTag(1, sequence(oid(Oid.mgf1), digest)),
    contextTag(2, integer(hashLength[hash])),
  );
  return sequence(oid(Oid.rsaPss), params);
}
