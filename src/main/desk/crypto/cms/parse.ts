import { child, children, readOid, readTime, readTlv, Tag, type Tlv } from '../der';

export interface ParsedAttribute {
  type: string;
  values: Tlv[];
  raw: Uint8Array;
}

export interface ParsedSignerInfo {
  issuerDer: Uint8Array;
  serialDer: Uint8Array;
  digestOid: string;
  /** As stored (`[0]`); re-tag to 0x31 to check the signature. */
  signedAttributesRaw: Uint8Array | null;
  signedAttributes: ParsedAttribute[];
  signatureAlgorithmOid: string;
  signatureAlgorithm: Tlv;
  signature: Uint8Array;
  unsignedAttributes: ParsedAttribute[];
}

export interface ParsedSignedData {
  eContentType: string;
  eContent: Uint8Array | null;
  certificates: Uint8Array[];
  signerInfos: ParsedSignerInfo[];
}

function attributesOf(tlv: Tlv): ParsedAttribute[] {
  return children(tlv).map((attribute) => ({
    type: readOid(child(attribute, 0)),
    values: children(child(attribute, 1)),
    raw: attribute.raw,
  }));
}

function parseSignerInfo(tlv: Tlv): ParsedSignerInfo {
  const parts = children(tlv);
  const sid = parts[1]!;
  if (sid.tag !== Tag.sequence)
    throw new Error('only issuerAndSerialNumber signer identifiers are supported');
  let index = 3;
  let signedAttributesRaw: Uint8Array | null = null;
  let signedAttributes: ParsedAttribute[] = [];
  if (parts[index]?.tag === 0xa0) {
    signedAttributesRaw = parts[index]!.raw;
    signedAttributes = attributesOf(parts[index]!);
    index++;
  }
  const signatureAlgorithm = parts[index++]!;
  const signature = parts[index++]!;
  const unsigned = parts[index]?.tag === 0xa1 ? attributesOf(parts[index]!) : [];
  return {
    issuerDer: child(sid, 0).raw,
    serialDer: child(sid, 1).raw,
    digestOid: readOid(child(parts[2]!, 0)),
    signedAttributesRaw,
    signedAttributes,
    signatureAlgorithmOid: readOid(child(signatureAlgorithm, 0)),
    signatureAlgorithm,
    signature: signature.content,
    unsignedAttributes: unsigned,
  };
}

/** Reads a CMS ContentInfo holding SignedData (what /Contents and time-stamp tokens carry). */
export function parseSignedData(contentInfo: Uint8Array): ParsedSignedData {
  const outer = readTlv(contentInfo);
  if (readOid(child(outer, 0)) !== '1.2.840.113549.1.7.2') throw new Error('the CMS is not SignedData');
  const signedData = child(child(outer, 1), 0);
  const parts = children(signedData);
  const encap = children(parts[2]!);
  const eContent = encap[1] ? child(encap[1], 0).content : null;
  let index = 3;
  let certificates: Uint8Array[] = [];
  if (parts[index]?.tag === 0xa0)
    certificates = children(parts[index++]!)
      .filter((cert) => cert.tag === Tag.sequence)
      .map((cert) => cert.raw);
  if (parts[index]?.tag === 0xa1) index++;
  const signerInfos = children(parts[index]!).map(parseSignerInfo);
  return { eContentType: readOid(encap[0]!), eContent, certificates, signerInfos };
}

export function attributeValue(attributes: readonly ParsedAttribute[], type: string): Tlv | null {
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
  const parts = children(readTlv(der));
  const imprint = parts[2]!;
  const nonce = parts.slice(5).find((part) => part.tag === Tag.integer);
  return {
    hashOid: readOid(child(child(imprint, 0), 0)),
    imprint: child(imprint, 1).content,
    serialHex: Buffer.from(parts[3]!.content).toString('hex'),
    genTime: readTime(parts[4]!),
    nonce: nonce ? BigInt(`0x${Buffer.from(nonce.content).toString('hex') || '0'}`) : null,
  };
}
