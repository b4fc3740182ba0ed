import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { HashAlgorithm, KeyAlgorithm, SignatureScheme } from '../../signing-session';
import type { CertificateInfo } from '../certificate';
import { compareEncodings, der, Tag } from '../der';
import { Oid } from '../oids';
import { digestAlgorithm, signatureAlgorithm } from './algorithms';
import { derSorted } from './signed-attributes';

export interface SignerInfoParts {
  signer: CertificateInfo;
  hash: HashAlgorithm;
  /** The signed attributes as the token signed them: their DER `SET OF`, in DER order. */
  signedAttributes: Uint8Array;
  /** The key and how it signs, which name the signatureAlgorithm. */
  key: KeyAlgorithm;
  scheme: SignatureScheme;
  signatureValue: Uint8Array;
  unsigned?: readonly pkijs.Attribute[];
}

/** The DER of an encodable PKI.js or asn1js value. */
const encoded = (value: { toBER(): ArrayBuffer }) => new Uint8Array(value.toBER());

/** What every CMS of a batch shares, encoded once rather than at every signature. */
const version1 = encoded(new asn1js.Integer({ value: 1 }));
const dataContent = encoded(new pkijs.EncapsulatedContentInfo({ eContentType: Oid.data }).toSchema());
const signedDataType = encoded(new asn1js.ObjectIdentifier({ value: Oid.signedData }));
const digestAlgorithms = new Map<HashAlgorithm, Uint8Array>();
function encodedDigestAlgorithm(hash: HashAlgorithm): Uint8Array {
  let known = digestAlgorithms.get(hash);
  if (!known) digestAlgorithms.set(hash, (known = encoded(digestAlgorithm(hash).toSchema())));
  return known;
}

/** The signatureAlgorithm depends on the key's type, the scheme and the hash alone. */
const signatureAlgorithms = new Map<string, Uint8Array>();
function encodedSignatureAlgorithm(key: KeyAlgorithm, scheme: SignatureScheme, hash: HashAlgorithm) {
  const id = `${key.type} ${scheme} ${hash}`;
  let known = signatureAlgorithms.get(id);
  if (!known)
    signatureAlgorithms.set(id, (known = encoded(signatureAlgorithm(key, scheme, hash).toSchema())));
  return known;
}

/** The same content under another tag: a `SET OF` written as `[n] IMPLICIT`. */
function retagged(tag: number, encoding: Uint8Array): Uint8Array {
  const copy = encoding.slice();
  copy[0] = tag;
  return copy;
}

/**
 * One SignerInfo identified by issuerAndSerialNumber (version 1), DER. It is written from parts
 * already in DER (the issuer and serial number as the certificate has them, the signed attributes
 * as the token signed them): PKI.js, asked to write it, parsed the issuer's name again at every
 * signature of a batch. tests/unit/signing/signer-info.test.ts holds it to PKI.js's encoding.
 */
export function signerInfo(parts: SignerInfoParts): Uint8Array {
  const unsigned =
    parts.unsigned && parts.unsigned.length > 0
      ? [der(Tag.contextConstructed1, ...derSorted(parts.unsigned).map((item) => encoded(item.toSchema())))]
      : [];
  return der(
    Tag.sequence,
    version1,
    der(Tag.sequence, parts.signer.issuerDer, parts.signer.serialDer),
    encodedDigestAlgorithm(parts.hash),
    retagged(Tag.contextConstructed0, parts.signedAttributes),
    encodedSignatureAlgorithm(parts.key, parts.scheme, parts.hash),
    der(Tag.octetString, parts.signatureValue),
    ...unsigned,
  );
}

/**
 * ContentInfo { signedData } for a detached signature, DER: no eContent, one SignerInfo (its DER,
 * from `signerInfo`), the signer's certificate and its chain in `certificates` (sorted, being a
 * SET OF). The certificates go in as the DER they came in: parsing and re-encoding them with
 * PKI.js for every signature of a batch was most of the CMS's cost.
 */
export function detachedSignedData(
  hash: HashAlgorithm,
  certificates: readonly Uint8Array[],
  info: Uint8Array,
): Uint8Array {
  const signedData = der(
    Tag.sequence,
    version1,
    der(Tag.set, encodedDigestAlgorithm(hash)),
    dataContent,
    // certificates [0] IMPLICIT CertificateSet
    der(Tag.contextConstructed0, ...[...certificates].sort(compareEncodings)),
    der(Tag.set, info),
  );
  return der(
    Tag.sequence,
    signedDataType,
    // content [0] EXPLICIT
    der(Tag.contextConstructed0, signedData),
  );
}
