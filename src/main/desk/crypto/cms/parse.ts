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

const isContextTag = (block: asn1js.AsnType, number: number) =>
  block.idBlock.tagClass === 3 && block.idBlock.tagNumber === number;

/** Each attribute's encoding as it came, read off the `[n] IMPLICIT SET OF Attribute` block. */
function encodingsIn(block: asn1js.AsnType | undefined): Uint8Array[] {
  return block instanceof asn1js.Constructed
    ? block.valueBlock.value.map((attribute) => bytes(attribute.valueBeforeDecodeView))
    : [];
}

function attributesOf(
  set: pkijs.SignedAndUnsignedAttributes | undefined,
  encodings: readonly Uint8Array[],
): ParsedAttribute[] {
  return (set?.attributes ?? []).map((attribute, index) => ({
    type: attribute.type,
    values: attribute.values,
    raw: encodings[index] ?? bytes(attribute.toSchema().toBER()),
  }));
}

function parseSignerInfo(block: asn1js.AsnType): ParsedSignerInfo {
  // Taken before PKI.js reads the SignerInfo, which retags the implicitly tagged blocks.
  const children = block instanceof asn1js.Sequence ? block.valueBlock.value : [];
  const signedEncodings = encodingsIn(children.find((child) => isContextTag(child, 0)));
  const unsignedEncodings = encodingsIn(children.find((child) => isContextTag(child, 1)));
  const info = new pkijs.SignerInfo({ schema: block });
  if (!(info.sid instanceof pkijs.IssuerAndSerialNumber))
    throw new Error('only issuerAndSerialNumber signer identifiers are supported');
  return {
    issuerDer: bytes(info.sid.issuer.valueBeforeDecode),
    serialDer: bytes(info.sid.serialNumber.valueBeforeDecodeView),
    digestOid: info.digestAlgorithm.algorithmId,
    signedAttributesSet: info.signedAttrs ? bytes(info.signedAttrs.encodedValue) : null,
    signedAttributes: attributesOf(info.signedAttrs, signedEncodings),
    signatureAlgorithmOid: info.signatureAlgorithm.algorithmId,
    signatureAlgorithm: info.signatureAlgorithm,
    signature: bytes(info.signature.valueBlock.valueHexView),
    unsignedAttributes: attributesOf(info.unsignedAttrs, unsignedEncodings),
  };
}

/**
 * The X.509 certificates of SignedData's `certificates [0] IMPLICIT CertificateSet`, as the bytes they
 * came in (other choices, attribute certificates and the like, are skipped): no re-encoding through
 * PKI.js, which cost more than the rest of the parse.
 */
function carriedCertificates(set: asn1js.AsnType | undefined): Uint8Array[] {
  if (!(set instanceof asn1js.Constructed)) return [];
  return set.valueBlock.value
    .filter((block) => block.idBlock.tagClass === 1 && block.idBlock.tagNumber === 16)
    .map((block) => bytes(block.valueBeforeDecodeView));
}

/**
 * SignedData's fields: `version, digestAlgorithms SET, encapContentInfo, [0] certificates OPTIONAL,
 * [1] crls OPTIONAL, signerInfos SET`. PKI.js reads the two parts used here, the content and each
 * SignerInfo, by their own schemas; its SignedData would also build the schema and a model of every
 * certificate and CRL, most of the parse for nothing read here (the certificates are taken as their
 * bytes and parsed, once each, where they are used).
 */
function signedDataFields(content: unknown) {
  const fields = content instanceof asn1js.Sequence ? content.valueBlock.value : [];
  const [version, digestAlgorithms, encapContentInfo, ...rest] = fields;
  const signerInfos = rest.pop();
  const optional = rest.every((block) => isContextTag(block, 0) || isContextTag(block, 1));
  if (
    !(version instanceof asn1js.Integer) ||
    !(digestAlgorithms instanceof asn1js.Set) ||
    !(encapContentInfo instanceof asn1js.Sequence) ||
    !(signerInfos instanceof asn1js.Set) ||
    rest.length > 2 ||
    !optional
  )
    throw new Error('the CMS is not SignedData');
  return {
    encapContentInfo,
    certificates: rest.find((block) => isContextTag(block, 0)),
    signerInfos: signerInfos.valueBlock.value,
  };
}

/** Reads a CMS ContentInfo holding SignedData (what /Contents and time-stamp tokens carry). */
export function parseSignedData(contentInfo: Uint8Array): ParsedSignedData {
  const outer = pkijs.ContentInfo.fromBER(new Uint8Array(contentInfo));
  if (outer.contentType !== Oid.signedData) throw new Error('the CMS is not SignedData');
  const fields = signedDataFields(outer.content);
  const encapsulated = new pkijs.EncapsulatedContentInfo({ schema: fields.encapContentInfo });
  const eContent = encapsulated.eContent;
  return {
    eContentType: encapsulated.eContentType,
    eContent: eContent ? bytes(eContent.getValue()) : null,
    certificates: carriedCertificates(fields.certificates),
    signerInfos: fields.signerInfos.map(parseSignerInfo),
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
