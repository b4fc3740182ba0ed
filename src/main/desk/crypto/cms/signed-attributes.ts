import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { CertificateInfo } from '../certificate';
import { compareEncodings, der, Tag } from '../der';
import { Oid } from '../oids';

export interface SignedAttributes {
  /** In DER `SET OF` order: what the SignerInfo stores, `[0] IMPLICIT`. */
  attributes: pkijs.Attribute[];
  /** The same set tagged 0x31: what the token signs. */
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

/** An attribute with its DER encoding, worked out once however many signatures carry it. */
interface Encoded {
  attribute: pkijs.Attribute;
  encoding: Uint8Array;
}
const encode = (attribute: pkijs.Attribute): Encoded => ({
  attribute,
  encoding: new Uint8Array(attribute.toSchema().toBER()),
});
let contentTypeData: Encoded | null = null;
/** Per signer: every signature of a batch carries the same signing-certificate-v2. */
const signingCertificates = new WeakMap<CertificateInfo, Encoded>();

function signingCertificateAttribute(certificate: CertificateInfo): Encoded {
  let known = signingCertificates.get(certificate);
  if (!known) {
    known = encode(attribute(Oid.signingCertificateV2, signingCertificateV2(certificate)));
    signingCertificates.set(certificate, known);
  }
  return known;
}

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
    encode(attribute(Oid.messageDigest, new asn1js.OctetString({ valueHex: messageDigest }))),
    signingCertificateAttribute(certificate),
  ].sort((a, b) => compareEncodings(a.encoding, b.encoding));
  return {
    attributes: sorted.map(({ attribute: item }) => item),
    toSign: der(Tag.set, ...sorted.map(({ encoding }) => encoding)),
  };
}

/** id-aa-signatureTimeStampToken holding the token exactly as the TSA sent it. */
export function timestampAttribute(token: Uint8Array): pkijs.Attribute {
  const parsed = asn1js.fromBER(token);
  if (parsed.offset === -1) throw new Error('the time-stamp token is not DER');
  return attribute(Oid.signatureTimeStampToken, parsed.result);
}
