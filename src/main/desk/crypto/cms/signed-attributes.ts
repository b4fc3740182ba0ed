import { createHash } from 'node:crypto';
import type { CertificateInfo } from '../certificate';
import { contextTag, der, octetString, oid, Oid, sequence, setOf, Tag } from '../der';

export interface SignedAttributes {
  /** The `SET OF` encoding (tag 0x31): what the token signs. */
  toSign: Uint8Array;
  /** The same content tagged `[0] IMPLICIT` (0xA0): what the SignerInfo stores. */
  stored: Uint8Array;
}

const attribute = (type: string, value: Uint8Array) => sequence(oid(type), setOf([value]));

/**
 * ESS signing-certificate-v2 (RFC 5035): one ESSCertIDv2 with the SHA-256 hash of the signer's
 * certificate (hashAlgorithm omitted: SHA-256 is the default) and issuerSerial.
 */
export function signingCertificateV2(certificate: CertificateInfo): Uint8Array {
  const certHash = createHash('sha256').update(certificate.der).digest();
  const issuerSerial = sequence(sequence(contextTag(4, certificate.issuerDer)), certificate.serialDer);
  return sequence(sequence(sequence(octetString(certHash), issuerSerial)));
}

/**
 * Exactly content-type, message-digest and signing-certificate-v2, sorted as a DER SET OF.
 * No signing-time: PAdES keeps the time in /M.
 */
export function buildSignedAttributes(
  messageDigest: Uint8Array,
  certificate: CertificateInfo,
): SignedAttributes {
  const toSign = setOf([
    attribute(Oid.contentType, oid(Oid.data)),
    attribute(Oid.messageDigest, octetString(messageDigest)),
    attribute(Oid.signingCertificateV2, signingCertificateV2(certificate)),
  ]);
  const stored = Uint8Array.from(toSign);
  stored[0] = 0xa0;
  return { toSign, stored };
}

/** The SignerInfo's `[1] IMPLICIT SET OF Attribute`. */
export function unsignedAttributes(attributes: readonly Uint8Array[]): Uint8Array {
  const set = setOf(attributes);
  set[0] = 0xa1;
  return set;
}

export const timestampAttribute = (token: Uint8Array) =>
  sequence(oid(Oid.signatureTimeStampToken), der(Tag.set, token));
