import { createHash } from 'node:crypto';
import { nodeHashName } from '../crypto/cms/algorithms';
import { concat, der, Tag } from '../crypto/der';
import type { HashAlgorithm, KeyAlgorithm, SignParams } from '../signing-session';
import { CKG_MGF1, CKM } from './constants';
import { TokenError } from './errors';
import type { WireMechanism } from './protocol';

/** What to ask the card for, what to hand it, and how to turn its answer into what CMS stores. */
export interface SigningPlan {
  mechanism: WireMechanism;
  payload: Uint8Array;
  finish: (signature: Uint8Array) => Uint8Array;
}

const hashing: Record<
  HashAlgorithm,
  { rsa: number; pss: number; digest: number; mgf: number; ecdsa: number }
> = {
  'SHA-256': {
    rsa: CKM.SHA256_RSA_PKCS,
    pss: CKM.SHA256_RSA_PKCS_PSS,
    digest: CKM.SHA256,
    mgf: CKG_MGF1.SHA256,
    ecdsa: CKM.ECDSA_SHA256,
  },
  'SHA-384': {
    rsa: CKM.SHA384_RSA_PKCS,
    pss: CKM.SHA384_RSA_PKCS_PSS,
    digest: CKM.SHA384,
    mgf: CKG_MGF1.SHA384,
    ecdsa: CKM.ECDSA_SHA384,
  },
  'SHA-512': {
    rsa: CKM.SHA512_RSA_PKCS,
    pss: CKM.SHA512_RSA_PKCS_PSS,
    digest: CKM.SHA512,
    mgf: CKG_MGF1.SHA512,
    ecdsa: CKM.ECDSA_SHA512,
  },
};

/** DER DigestInfo prefixes, for cards that only offer CKM_RSA_PKCS (never sign a bare hash). */
const digestInfoPrefix: Record<HashAlgorithm, string> = {
  'SHA-256': '3031300d060960864801650304020105000420',
  'SHA-384': '3041300d060960864801650304020205000430',
  'SHA-512': '3051300d060960864801650304020305000440',
};

const digest = (hash: HashAlgorithm, data: Uint8Array): Uint8Array =>
  new Uint8Array(createHash(nodeHashName[hash]).update(data).digest());

const unchanged = (signature: Uint8Array) => signature;

/** Raw ECDSA r‖s from the token to the DER SEQUENCE { r, s } that CMS stores. */
export function ecdsaRawToDer(raw: Uint8Array): Uint8Array {
  const half = raw.length / 2;
  const integer = (bytes: Uint8Array) => {
    let start = 0;
    while (start < bytes.length - 1 && bytes[start] === 0) start++;
    const trimmed = bytes.subarray(start);
    return der(Tag.integer, trimmed[0]! & 0x80 ? concat([Uint8Array.of(0), trimmed]) : trimmed);
  };
  return der(Tag.sequence, integer(raw.subarray(0, half)), integer(raw.subarray(half)));
}

/**
 * Picks the mechanism for one signature among those the card offers: the card hashes when it can;
 * otherwise we hash and it signs the digest (wrapped in a DigestInfo for PKCS#1 v1.5).
 */
export function signingPlan(
  key: KeyAlgorithm,
  params: SignParams,
  offered: ReadonlySet<number>,
  data: Uint8Array,
): SigningPlan {
  const algorithms = hashing[params.hash];
  if (key.type === 'ec') {
    if (offered.has(CKM.ECDSA))
      return { mechanism: { type: CKM.ECDSA }, payload: digest(params.hash, data), finish: ecdsaRawToDer };
    if (offered.has(algorithms.ecdsa))
      return { mechanism: { type: algorithms.ecdsa }, payload: data, finish: ecdsaRawToDer };
  } else if (params.scheme === 'rsa-pss') {
    const pss = {
      hashAlg: algorithms.digest,
      mgf: algorithms.mgf,
      saltLen: digest(params.hash, data).length,
    };
    if (offered.has(algorithms.pss))
      return { mechanism: { type: algorithms.pss, pss }, payload: data, finish: unchanged };
    if (offered.has(CKM.RSA_PKCS_PSS))
      return {
        mechanism: { type: CKM.RSA_PKCS_PSS, pss },
        payload: digest(params.hash, data),
        finish: unchanged,
      };
  } else {
    if (offered.has(algorithms.rsa))
      return { mechanism: { type: algorithms.rsa }, payload: data, finish: unchanged };
    if (offered.has(CKM.RSA_PKCS))
      return {
        mechanism: { type: CKM.RSA_PKCS },
        payload: concat([Buffer.from(digestInfoPrefix[params.hash], 'hex'), digest(params.hash, data)]),
        finish: unchanged,
      };
  }
  throw new TokenError('mechanism_unsupported', { mechanism: `${key.type} ${params.scheme} ${params.hash}` });
}
