/**
 * A minimal DER encoder and TLV reader. CMS for PAdES must be byte-exact (sorted SET OF, the
 * signed attributes re-tagged 0x31 for signing, issuer names copied verbatim from the
 * certificate), which is simpler to guarantee by writing the bytes than through an object model.
 */
export interface Tlv {
  tag: number;
  /** Offset of the tag byte in the parsed buffer. */
  start: number;
  headerLength: number;
  length: number;
  /** The whole element (tag, length and content). */
  raw: Uint8Array;
  content: Uint8Array;
}

export class DerError extends Error {}

export function readTlv(bytes: Uint8Array, offset = 0): Tlv {
  if (offset + 2 > bytes.length) throw new DerError('truncated DER');
  const tag = bytes[offset]!;
  if ((tag & 0x1f) === 0x1f) throw new DerError('multi-byte tags are not used here');
  let length = bytes[offset + 1]!;
  let headerLength = 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4) throw new DerError('indefinite or oversized DER length');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[offset + 2 + i]!;
    headerLength += count;
  }
  const end = offset + headerLength + length;
  if (end > bytes.length) throw new DerError('truncated DER');
  return {
    tag,
    start: offset,
    headerLength,
    length,
    raw: bytes.subarray(offset, end),
    content: bytes.subarray(offset + headerLength, end),
  };
}

/** The children of a constructed element. */
export function children(tlv: Tlv): Tlv[] {
  const result: Tlv[] = [];
  let offset = 0;
  while (offset < tlv.content.length) {
    const child = readTlv(tlv.content, offset);
    result.push(child);
    offset += child.raw.length;
  }
  return result;
}

export function child(tlv: Tlv, index: number): Tlv {
  const found = children(tlv)[index];
  if (!found) throw new DerError(`missing DER element ${index}`);
  return found;
}

function encodeLength(length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(length);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest & 0xff);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export function der(tag: number, ...content: Uint8Array[]): Uint8Array {
  const body = concat(content);
  return concat([Uint8Array.of(tag), encodeLength(body.length), body]);
}

export const Tag = {
  boolean: 0x01,
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  null: 0x05,
  oid: 0x06,
  utf8String: 0x0c,
  printableString: 0x13,
  utcTime: 0x17,
  generalizedTime: 0x18,
  sequence: 0x30,
  set: 0x31,
} as const;

export const sequence = (...content: Uint8Array[]) => der(Tag.sequence, ...content);
export const octetString = (bytes: Uint8Array) => der(Tag.octetString, bytes);
export const derNull = () => der(Tag.null);
export const contextTag = (number: number, ...content: Uint8Array[]) => der(0xa0 | number, ...content);

/** DER `SET OF`: the elements sorted by their encodings (X.690 11.6). */
export function setOf(elements: readonly Uint8Array[]): Uint8Array {
  return der(Tag.set, ...[...elements].sort(compareEncodings));
}

export function compareEncodings(a: Uint8Array, b: Uint8Array): number {
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

export function integer(value: bigint | number): Uint8Array {
  let hex = BigInt(value).toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  let bytes = Buffer.from(hex, 'hex');
  if (bytes[0]! & 0x80) bytes = Buffer.concat([Buffer.of(0), bytes]);
  return der(Tag.integer, bytes);
}

const oidCache = new Map<string, Uint8Array>();

/** OBJECT IDENTIFIER encodings, memoized: the same dozen are written for every signature. */
export function oid(dotted: string): Uint8Array {
  const cached = oidCache.get(dotted);
  if (cached) return cached;
  const encoded = encodeOid(dotted);
  oidCache.set(dotted, encoded);
  return encoded;
}

function encodeOid(dotted: string): Uint8Array {
  const parts = dotted.split('.').map(Number);
  const bytes: number[] = [parts[0]! * 40 + parts[1]!];
  for (const part of parts.slice(2)) {
    const chunk: number[] = [];
    let rest = part;
    do {
      chunk.unshift(rest & 0x7f);
      rest = Math.floor(rest / 128);
    } while (rest > 0);
    for (let i = 0; i < chunk.length - 1; i++) chunk[i]! |= 0x80;
    bytes.push(...chunk);
  }
  return der(Tag.oid, Uint8Array.from(bytes));
}

export function readOid(tlv: Tlv): string {
  if (tlv.tag !== Tag.oid) throw new DerError('expected an OBJECT IDENTIFIER');
  const bytes = tlv.content;
  const first = bytes[0]!;
  const parts = [Math.min(2, Math.floor(first / 40)), first - Math.min(2, Math.floor(first / 40)) * 40];
  let value = 0;
  for (let i = 1; i < bytes.length; i++) {
    value = value * 128 + (bytes[i]! & 0x7f);
    if (!(bytes[i]! & 0x80)) {
      parts.push(value);
      value = 0;
    }
  }
  return parts.join('.');
}

/** UTCTime / GeneralizedTime to a Date. */
export function readTime(tlv: Tlv): Date {
  const text = Buffer.from(tlv.content).toString('latin1');
  const match =
    tlv.tag === Tag.utcTime
      ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/.exec(text)
      : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:\.(\d+))?Z$/.exec(text);
  if (!match) throw new DerError(`unsupported time ${text}`);
  let year = Number(match[1]);
  if (tlv.tag === Tag.utcTime) year += year < 50 ? 2000 : 1900;
  const millis = match[7] ? Number(`0.${match[7]}`) * 1000 : 0;
  return new Date(
    Date.UTC(
      year,
      Number(match[2]) - 1,
      Number(match[3]),
      Number(match[4]),
      Number(match[5]),
      Number(match[6] ?? 0),
      millis,
    ),
  );
}

export const Oid = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  sha384WithRsa: '1.2.840.113549.1.1.12',
  sha512WithRsa: '1.2.840.113549.1.1.13',
  rsaPss: '1.2.840.113549.1.1.10',
  mgf1: '1.2.840.113549.1.1.8',
  ecPublicKey: '1.2.840.10045.2.1',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  ecdsaWithSha384: '1.2.840.10045.4.3.3',
  ecdsaWithSha512: '1.2.840.10045.4.3.4',
} as const;
