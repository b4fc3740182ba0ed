import type { HashAlgorithm } from '../../signing-session';
import type { CertificateInfo } from '../certificate';
import { contextTag, der, integer, octetString, oid, Oid, sequence, setOf, Tag } from '../der';
import { digestAlgorithmIdentifier } from './algorithms';
import { unsignedAttributes } from './signed-attributes';

export interface SignerInfoParts {
  signer: CertificateInfo;
  hash: HashAlgorithm;
  /** `[0] IMPLICIT` signed attributes, as stored. */
  signedAttributes: Uint8Array;
  signatureAlgorithm: Uint8Array;
  signatureValue: Uint8Array;
  unsigned?: readonly Uint8Array[];
}

export function signerInfo(parts: SignerInfoParts): Uint8Array {
  const sid = sequence(parts.signer.issuerDer, parts.signer.serialDer);
  const unsigned = parts.unsigned && parts.unsigned.length > 0 ? [unsignedAttributes(parts.unsigned)] : [];
  return sequence(
    integer(1),
    sid,
    digestAlgorithmIdentifier(parts.hash),
    parts.signedAttributes,
    parts.signatureAlgorithm,
    octetString(parts.signatureValue),
    ...unsigned,
  );
}

/**
 * ContentInfo { signedData } for a detached signature: no eContent, one SignerInfo, the signer's
 * certificate and its chain in `certificates`.
 */
export function detachedSignedData(
  hash: HashAlgorithm,
  certificates: readonly Uint8Array[],
  info: Uint8Array,
): Uint8Array {
  const certificateSet = setOf(certificates);
  certificateSet[0] = 0xa0;
  const signedData = sequence(
    integer(1),
    setOf([digestAlgorithmIdentifier(hash)]),
    sequence(oid(Oid.data)),
    certificateSet,
    der(Tag.set, info),
  );
  return sequence(oid(Oid.signedData), contextTag(0, signedData));
}
