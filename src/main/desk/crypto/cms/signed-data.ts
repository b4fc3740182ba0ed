import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { HashAlgorithm } from '../../signing-session';
import type { CertificateInfo } from '../certificate';
import { compareEncodings, der, Tag } from '../der';
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

/** The DER of an encodable PKI.js or asn1js value. */
const encoded = (value: { toBER(): ArrayBuffer }) => new Uint8Array(value.toBER());

/**
 * ContentInfo { signedData } for a detached signature, DER: no eContent, one SignerInfo, the
 * signer's certificate and its chain in `certificates` (sorted, being a SET OF). The certificates go
 * in as the DER they came in: parsing and re-encoding them with PKI.js for every signature of a batch
 * was most of the CMS's cost.
 */
export function detachedSignedData(
  hash: HashAlgorithm,
  certificates: readonly Uint8Array[],
  info: pkijs.SignerInfo,
): Uint8Array {
  const signedData = der(
    Tag.sequence,
    encoded(new asn1js.Integer({ value: 1 })),
    der(Tag.set, encoded(digestAlgorithm(hash).toSchema())),
    encoded(new pkijs.EncapsulatedContentInfo({ eContentType: Oid.data }).toSchema()),
    // certificates [0] IMPLICIT CertificateSet
    der(Tag.contextConstructed0, ...[...certificates].sort(compareEncodings)),
    der(Tag.set, encoded(info.toSchema())),
  );
  return der(
    Tag.sequence,
    encoded(new asn1js.ObjectIdentifier({ value: Oid.signedData })),
    // content [0] EXPLICIT
    der(Tag.contextConstructed0, signedData),
  );
}
