import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { HashAlgorithm, KeyAlgorithm, SignatureScheme } from '../../signing-session';
import { Oid } from '../oids';

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
const hashLength: Record<HashAlgorithm, number> = { 'SHA-256': 32, 'SHA-384': 48, 'SHA-512': 64 };

export function hashFromOid(dotted: string): HashAlgorithm | null {
  const found = (Object.keys(digestOid) as HashAlgorithm[]).find((hash) => digestOid[hash] === dotted);
  return found ?? null;
}

/** AlgorithmIdentifier for a digest; parameters absent (RFC 5754). */
export const digestAlgorithm = (hash: HashAlgorithm) =>
  new pkijs.AlgorithmIdentifier({ algorithmId: digestOid[hash] });

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
export function signatureAlgorithm(
  key: KeyAlgorithm,
  scheme: SignatureScheme,
  hash: HashAlgorithm,
): pkijs.AlgorithmIdentifier {
  if (key.type === 'ec') {
    if (scheme !== 'ecdsa') throw new Error('an EC key signs only with ECDSA');
    return new pkijs.AlgorithmIdentifier({ algorithmId: ecdsaOid[hash] });
  }
  if (scheme === 'ecdsa') throw new Error('an RSA key cannot sign with ECDSA');
  if (scheme === 'rsa-pkcs1')
    return new pkijs.AlgorithmIdentifier({
      algorithmId: rsaPkcs1Oid[hash],
      algorithmParams: new asn1js.Null(),
    });
  // RFC 4055: the hash (with NULL parameters) in both places, MGF1, and a salt the size of the hash.
  const digest = new pkijs.AlgorithmIdentifier({
    algorithmId: digestOid[hash],
    algorithmParams: new asn1js.Null(),
  });
  const params = new pkijs.RSASSAPSSParams({
    hashAlgorithm: digest,
    maskGenAlgorithm: new pkijs.AlgorithmIdentifier({
      algorithmId: Oid.mgf1,
      algorithmParams: digest.toSchema(),
    }),
    saltLength: hashLength[hash],
  });
  return new pkijs.AlgorithmIdentifier({ algorithmId: Oid.rsaPss, algorithmParams: params.toSchema() });
}

/** The hash and salt length an RSA-PSS AlgorithmIdentifier declares (RFC 4055 defaults: SHA-1, 20). */
export function pssParameters(algorithm: pkijs.AlgorithmIdentifier): { hashOid: string; saltLength: number } {
  const params = algorithm.algorithmParams
    ? new pkijs.RSASSAPSSParams({ schema: algorithm.algorithmParams })
    : new pkijs.RSASSAPSSParams();
  return { hashOid: params.hashAlgorithm.algorithmId, saltLength: params.saltLength };
}
