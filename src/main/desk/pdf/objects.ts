/** The PDF object model: just enough to read a document's structure and write an update. */
export class PdfName {
  constructor(readonly name: string) {}
}

export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
  get key(): string {
    return `${this.num} ${this.gen}`;
  }
}

export class PdfString {
  constructor(
    readonly bytes: Uint8Array,
    readonly hex = false,
  ) {}
  text(): string {
    const b = this.bytes;
    if (b[0] === 0xfe && b[1] === 0xff) return Buffer.from(b.subarray(2)).swap16().toString('utf16le');
    return Buffer.from(b).toString('latin1');
  }
}

/** A number keeps its source text so that rewritten objects reproduce reals exactly. */
export class PdfNumber {
  constructor(
    readonly value: number,
    readonly source?: string,
  ) {}
}

export type PdfObject =
  null | boolean | PdfNumber | PdfName | PdfString | PdfRef | PdfObject[] | PdfDict | PdfStream;

export class PdfDict {
  readonly entries: Map<string, PdfObject>;
  constructor(entries: Iterable<[string, PdfObject]> = []) {
    this.entries = new Map(entries);
  }
  get(key: string): PdfObject | undefined {
    return this.entries.get(key);
  }
  set(key: string, value: PdfObject): this {
    this.entries.set(key, value);
    return this;
  }
  has(key: string): boolean {
    return this.entries.has(key);
  }
  clone(): PdfDict {
    return new PdfDict(this.entries);
  }
  name(key: string): string | undefined {
    const value = this.get(key);
    return value instanceof PdfName ? value.name : undefined;
  }
  number(key: string): number | undefined {
    const value = this.get(key);
    return value instanceof PdfNumber ? value.value : undefined;
  }
}

export class PdfStream {
  constructor(
    readonly dict: PdfDict,
    /** The encoded bytes between `stream` and `endstream`. */
    readonly data: Uint8Array,
  ) {}
}

export const name = (value: string) => new PdfName(value);
export const num = (value: number) => new PdfNumber(value);
export const ref = (value: number) => new PdfRef(value, 0);
export const str = (text: string) => new PdfString(Buffer.from(text, 'latin1'));

function formatNumber(value: PdfNumber): string {
  if (value.source !== undefined) return value.source;
  if (Number.isInteger(value.value)) return String(value.value);
  return value.value.toFixed(4).replace(/0+$/, '').replace(/\.$/, '');
}

function escapeName(value: string): string {
  return value.replace(
    /[^\x21-\x7e]|[#()<>[\]{}/%]/g,
    (char) => `#${char.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}

function formatString(value: PdfString): string {
  if (value.hex) return `<${Buffer.from(value.bytes).toString('hex')}>`;
  let out = '(';
  for (const byte of value.bytes) {
    if (byte === 0x28 || byte === 0x29 || byte === 0x5c) out += `\\${String.fromCharCode(byte)}`;
    else if (byte < 0x20 || byte > 0x7e) out += `\\${byte.toString(8).padStart(3, '0')}`;
    else out += String.fromCharCode(byte);
  }
  return `${out})`;
}

/** Serializes an object (streams are written by `serializeIndirect`). */
export function serialize(value: PdfObject): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof PdfNumber) return formatNumber(value);
  if (value instanceof PdfName) return `/${escapeName(value.name)}`;
  if (value instanceof PdfString) return formatString(value);
  if (value instanceof PdfRef) return `${value.num} ${value.gen} R`;
  if (Array.isArray(value)) return `[${value.map(serialize).join(' ')}]`;
  if (value instanceof PdfDict) {
    return `<<${[...value.entries].map(([key, entry]) => `/${escapeName(key)} ${serialize(entry)}`).join(' ')}>>`;
  }
  throw new Error('streams cannot be serialized inline');
}

export function serializeIndirect(objectNumber: number, value: PdfObject): Buffer {
  const head = `${objectNumber} 0 obj\n`;
  if (value instanceof PdfStream) {
    const dict = value.dict.clone().set('Length', num(value.data.length));
    return Buffer.concat([
      Buffer.from(`${head}${serialize(dict)}\nstream\n`, 'latin1'),
      Buffer.from(value.data),
      Buffer.from('\nendstream\nendobj\n', 'latin1'),
    ]);
  }
  return Buffer.from(`${head}${serialize(value)}\nendobj\n`, 'latin1');
}
