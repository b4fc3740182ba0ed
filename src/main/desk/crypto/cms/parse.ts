import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { Oid } from '../oids';

export interface ParsedAttribute {
  type: string;
  values: asn1js.AsnType[];
  /** The attribute's encoding. */
  raw: Uint8Array;
}

export interface ParsedSignerInfo {
  issuerDer: Uint8Array;
  serialDer: Uint8Array;
  digestOid: string;
  /** The signed attributes as the signature covers them: the stored `[0]` re-tagged 0x31 (SET OF). */
  signedAttributesSet: Uint8Array | null;
  signedAttributes: ParsedAttribute[];
  signatureAlgorithmOid: string;
  signatureAlgorithm: pkijs.AlgorithmIdentifier;
  signature: Uint8Array;
  unsignedAttributes: ParsedAttribute[];
}

export interface ParsedSignedData {
  eContentType: string;
  eContent: Uint8Array | null;
  /** DER of every X.509 certificate the CMS carries. */
  certificates: Uint8Array[];
  signerInfos: ParsedSignerInfo[];
}

const bytes = (buffer: ArrayBuffer | Uint8Array) => new Uint8Array(buffer);

function attributesOf(set: pkijs.SignedAndUnsignedAttributes | undefined): ParsedAttribute[] {
  return (set?.attributes ?? []).map((attribute) => ({
    type: attribute.type,
    values: attribute.values,
    raw: bytes(attribute.toSchema().toBER()),
  }));
}

function parseSignerInfo(info: pkijs.SignerInfo): ParsedSignerInfo {
  if (!(info.sid instanceof pkijs.IssuerAndSerialNumber))
    throw new Error('only issuerAndSerialNumber signer identifiers are supported');
  return {
    issuerDer: bytes(info.sid.issuer.valueBeforeDecode),
    serialDer: bytes(info.sid.serialNumber.valueBeforeDecodeView),
    digestOid: info.digestAlgorithm.algorithmId,
    signedAttributesSet: info.signedAttrs ? bytes(info.signedAttrs.encodedValue) : null,
    signedAttributes: attributesOf(info.signedAttrs),
    signatureAlgorithmOid: info.signatureAlgorithm.algorithmId,
    signatureAlgorithm: info.signatureAlgorithm,
    signature: bytes(info.signature.valueBlock.valueHexView),
    unsignedAttributes: attributesOf(info.unsignedAttrs),
  };
}

/**
 * The X.509 certificates of SignedData's `certificates [0] IMPLICIT CertificateSet`, as the bytes they
 * came in (other choices, attribute certificates and the like, are skipped): no re-encoding through
 * PKI.js, which cost more than the rest of the parse.
 */
function carriedCertificates(signedData: unknown): Uint8Array[] {
  if (!(signedData instanceof asn1js.Sequence)) return [];
  const set = signedData.valueBlock.value.find(
    (block) => block.idBlock.tagClass === 3 && block.idBlock.tagNumber === 0,
  );
  if (!(set instanceof asn1js.Constructed)) return [];
  return set.valueBlock.value
    .filter((block) => block.idBlock.tagClass === 1 && block.idBlock.tagNumber === 16)
    .map((block) => bytes(block.valueBeforeDecodeView));
}

/** Reads a CMS ContentInfo holding SignedData (what /Contents and time-stamp tokens carry). */
export function parseSignedData(contentInfo: Uint8Array): ParsedSignedData {
  const outer = pkijs.ContentInfo.fromBER(new Uint8Array(contentInfo));
  if (outer.contentType !== Oid.signedData) throw new Error('the CMS is not SignedData');
  // Taken before PKI.js reads the SignedData (which retags the implicitly tagged blocks).
  const certificates = carriedCertificates(outer.content);
  const signedData = new pkijs.SignedData({ schema: outer.content });
  const eContent = signedData.encapContentInfo.eContent;
  return {
    eContentType: signedData.encapContentInfo.eContentType,
    eContent: eContent ? bytes(eContent.getValue()) : null,
    certificates,
    signerInfos: signedData.signerInfos.map(parseSignerInfo),
  };
}

export function attributeValue(attributes: readonly ParsedAttribute[], type: string): asn1js.AsnType | null {
  return attributes.find((attribute) => attribute.type === type)?.values[0] ?? null;
}

export interface TstInfo {
  hashOid: string;
  imprint: Uint8Array;
  serialHex: string;
  genTime: Date;
  nonce: bigint | null;
}

export function parseTstInfo(der: Uint8Array): TstInfo {
  const info = pkijs.TSTInfo.fromBER(new Uint8Array(der));
  return {
    hashOid: info.messageImprint.hashAlgorithm.algorithmId,
    imprint: bytes(info.messageImprint.hashedMessage.valueBlock.valueHexView),
    serialHex: Buffer.from(info.serialNumber.valueBlock.valueHexView).toString('hex'),
    genTime: info.genTime,
    nonce: info.nonce ? info.nonce.toBigInt() : null,
  };
}
