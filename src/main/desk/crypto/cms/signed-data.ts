import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { HashAlgorithm } from '../../signing-session';
import type { CertificateInfo } from '../certificate';
import { compareEncodings } from '../der';
import { Oid } from '../oids';
import { digestAlgorithm } from './algorithms';
import { derSorted } from './signed-attributes';

export interface SignerInfoParts {
  signer: CertificateInfo;
  hash: HashAlgorithm;
  /** The signed attributes in the order they were signed in. */
  signedAttributes: pkijs.Attribute[];
  signatureAlgorithm: pkijs.AlgorithmIdentifier;
  signatureValue: Uint8Array;
  unsigned?: readonly pkijs.Attribute[];
}

/** One SignerInfo identified by issuerAndSerialNumber (version 1). */
export function signerInfo(parts: SignerInfoParts): pkijs.SignerInfo {
  const unsigned =
    parts.unsigned && parts.unsigned.length > 0
      ? {
          unsignedAttrs: new pkijs.SignedAndUnsignedAttributes({
            type: 1,
            attributes: derSorted(parts.unsigned),
          }),
        }
      : {};
  return new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({
      issuer: parts.signer.parsed.issuer,
      serialNumber: parts.signer.parsed.serialNumber,
    }),
    digestAlgorithm: digestAlgorithm(parts.hash),
    signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: parts.signedAttributes }),
    signatureAlgorithm: parts.signatureAlgorithm,
    signature: new asn1js.OctetString({ valueHex: parts.signatureValue }),
    ...unsigned,
  });
}

/**
 * ContentInfo { signedData } for a detached signature, DER: no eContent, one SignerInfo, the
 * signer's certificate and its chain in `certificates` (sorted, being a SET OF).
 */
export function detachedSignedData(
  hash: HashAlgorithm,
  certificates: readonly Uint8Array[],
  info: pkijs.SignerInfo,
): Uint8Array {
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [digestAlgorithm(hash)],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: Oid.data }),
    certificates: [...certificates]
      .sort(compareEncodings)
      .map((der) => pkijs.Certificate.fromBER(new Uint8Array(der))),
    signerInfos: [info],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: Oid.signedData, content: signedData.toSchema() });
  return new Uint8Array(contentInfo.toSchema().toBER());
}
