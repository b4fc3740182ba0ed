import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { CertificateInfo } from '../certificate';
import { compareEncodings, der, Tag } from '../der';
import { Oid } from '../oids';

export interface SignedAttributes {
  /**
   * The attributes as a DER `SET OF` (tag 0x31): what the token signs, and what the SignerInfo
   * stores as `[0] IMPLICIT`.
   */
  toSign: Uint8Array;
}

const attribute = (type: string, value: asn1js.AsnType) => new pkijs.Attribute({ type, values: [value] });

/**
 * Attributes sorted by their encodings, as DER requires of a SET OF. PKI.js writes them in the
 * order given, and BouncyCastle (inside the EU DSS validator) recomputes the order before it
 * checks the signature, so an unsorted set is reported as not intact.
 */
export function derSorted(attributes: readonly pkijs.Attribute[]): pkijs.Attribute[] {
  return attributes
    .map((item) => ({ item, encoding: new Uint8Array(item.toSchema().toBER()) }))
    .sort((a, b) => compareEncodings(a.encoding, b.encoding))
    .map(({ item }) => item);
}

/**
 * ESS signing-certificate-v2 (RFC 5035): the SEQUENCE itself as the attribute value, with one
 * ESSCertIDv2 holding the SHA-256 hash of the signer's certificate (hashAlgorithm omitted: SHA-256
 * is the default) and issuerSerial (the issuer name copied verbatim); no policies.
 */
export function signingCertificateV2(certificate: CertificateInfo): asn1js.Sequence {
  const certHash = createHash('sha256').update(certificate.der).digest();
  const issuerSerial = new pkijs.IssuerSerial({
    issuer: new pkijs.GeneralNames({
      names: [new pkijs.GeneralName({ type: 4, value: certificate.parsed.issuer })],
    }),
    serialNumber: certificate.parsed.serialNumber,
  });
  const essCertIdV2 = new asn1js.Sequence({
    value: [new asn1js.OctetString({ valueHex: certHash }), issuerSerial.toSchema()],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

/** An attribute's DER encoding, worked out once however many signatures carry it. */
const encode = (attribute: pkijs.Attribute): Uint8Array => new Uint8Array(attribute.toSchema().toBER());
let contentTypeData: Uint8Array | null = null;
/** Per signer: every signature of a batch carries the same signing-certificate-v2. */
const signingCertificates = new WeakMap<CertificateInfo, Uint8Array>();

function signingCertificateAttribute(certificate: CertificateInfo): Uint8Array {
  let known = signingCertificates.get(certificate);
  if (!known) {
    known = encode(attribute(Oid.signingCertificateV2, signingCertificateV2(certificate)));
    signingCertificates.set(certificate, known);
  }
  return known;
}

const messageDigestType = new Uint8Array(new asn1js.ObjectIdentifier({ value: Oid.messageDigest }).toBER());

/**
 * message-digest, the one attribute that differs at every signature, written straight as DER
 * (Attribute ::= SEQUENCE { type, SET OF value }) rather than through PKI.js's model.
 */
export const messageDigestAttribute = (digest: Uint8Array): Uint8Array =>
  der(Tag.sequence, messageDigestType, der(Tag.set, der(Tag.octetString, digest)));

/**
 * Exactly content-type, message-digest and signing-certificate-v2. No signing-time: PAdES keeps
 * the time in /M, and DSS downgrades a signature that carries it to PAdES-BES. Only the digest
 * changes from one signature of a batch to the next: the other two are encoded once.
 */
export function buildSignedAttributes(
  messageDigest: Uint8Array,
  certificate: CertificateInfo,
): SignedAttributes {
  contentTypeData ??= encode(attribute(Oid.contentType, new asn1js.ObjectIdentifier({ value: Oid.data })));
  const sorted = [
    contentTypeData,
    messageDigestAttribute(messageDigest),
    signingCertificateAttribute(certificate),
  ].sort(compareEncodings);
  return { toSign: der(Tag.set, ...sorted) };
}

/** id-aa-signatureTimeStampToken holding the token exactly as the TSA sent it. */
export function timestampAttribute(token: Uint8Array): pkijs.Attribute {
  const parsed = asn1js.fromBER(token);
  if (parsed.offset === -1) throw new Error('the time-stamp token is not DER');
  return attribute(Oid.signatureTimeStampToken, parsed.result);
}
