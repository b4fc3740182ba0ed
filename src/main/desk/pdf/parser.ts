import { PdfDict, PdfName, PdfNumber, PdfRef, PdfString, type PdfObject } from './objects';

/** The parse ran off the end of the bytes it was given; the caller may retry with more. */
export class NeedMoreData extends Error {}
export class PdfSyntaxError extends Error {}

const isWhite = (c: number) =>
  c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;
const isDelimiter = (c: number) =>
  c === 0x28 ||
  c === 0x29 ||
  c === 0x3c ||
  c === 0x3e ||
  c === 0x5b ||
  c === 0x5d ||
  c === 0x7b ||
  c === 0x7d ||
  c === 0x2f ||
  c === 0x25;
const isRegular = (c: number) => !isWhite(c) && !isDelimiter(c);

/** A cursor over a window of the file. `base` is the window's offset in the file. */
export class PdfParser {
  pos = 0;
  constructor(
    readonly bytes: Uint8Array,
    readonly base = 0,
  ) {}

  private peek(offset = 0): number {
    const at = this.pos + offset;
    if (at >= this.bytes.length) throw new NeedMoreData();
    return this.bytes[at]!;
  }

  atEnd(): boolean {
    return this.pos >= this.bytes.length;
  }

  skipWhitespace(): void {
    while (this.pos < this.bytes.length) {
      const c = this.bytes[this.pos]!;
      if (isWhite(c)) this.pos++;
      else if (c === 0x25) {
        while (this.pos < this.bytes.length && this.bytes[this.pos] !== 0x0a && this.bytes[this.pos] !== 0x0d)
          this.pos++;
      } else return;
    }
  }

  /** A bare keyword or number token (no delimiters). */
  word(): string {
    this.skipWhitespace();
    const start = this.pos;
    while (isRegular(this.peek())) this.pos++;
    return String.fromCharCode(...this.bytes.subarray(start, this.pos));
  }

  expectWord(expected: string): void {
    const found = this.word();
    if (found !== expected)
      throw new PdfSyntaxError(`expected "${expected}" at ${this.base + this.pos}, found "${found}"`);
  }

  integer(): number {
    const text = this.word();
    if (!/^\d+$/.test(text))
      throw new PdfSyntaxError(`expected an integer at ${this.base + this.pos}, found "${text}"`);
    return Number(text);
  }

  parseObject(): PdfObject {
    this.skipWhitespace();
    const c = this.peek();
    if (c === 0x2f) return this.parseName();
    if (c === 0x28) return this.parseLiteralString();
    if (c === 0x3c) return this.peek(1) === 0x3c ? this.parseDict() : this.parseHexString();
    if (c === 0x5b) return this.parseArray();
    const token = this.word();
    if (token === '')
      throw new PdfSyntaxError(`unexpected "${String.fromCharCode(c)}" at ${this.base + this.pos}`);
    if (token === 'true') return true;
    if (token === 'false') return false;
    if (token === 'null') return null;
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(token))
      throw new PdfSyntaxError(`unexpected "${token}" at ${this.base + this.pos}`);
    if (/^\d+$/.test(token)) {
      const saved = this.pos;
      this.skipWhitespace();
      if (this.pos < this.bytes.length && /\d/.test(String.fromCharCode(this.bytes[this.pos]!))) {
        const gen = this.word();
        this.skipWhitespace();
        if (
          /^\d+$/.test(gen) &&
          this.peek() === 0x52 &&
          (this.pos + 1 >= this.bytes.length || !isRegular(this.bytes[this.pos + 1]!))
        ) {
          this.pos++;
          return new PdfRef(Number(token), Number(gen));
        }
      }
      this.pos = saved;
    }
    return new PdfNumber(Number(token), token);
  }

  private parseName(): PdfName {
    this.pos++;
    const start = this.pos;
    while (this.pos < this.bytes.length && isRegular(this.bytes[this.pos]!)) this.pos++;
    if (this.pos >= this.bytes.length) throw new NeedMoreData();
    const raw = Buffer.from(this.bytes.subarray(start, this.pos)).toString('latin1');
    return new PdfName(
      raw.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    );
  }

  private parseLiteralString(): PdfString {
    this.pos++;
    const out: number[] = [];
    let depth = 1;
    for (;;) {
      const c = this.peek();
      this.pos++;
      if (c === 0x5c) {
        const next = this.peek();
        this.pos++;
        const simple: Record<number, number> = {
          0x6e: 0x0a,
          0x72: 0x0d,
          0x74: 0x09,
          0x62: 0x08,
          0x66: 0x0c,
          0x28: 0x28,
          0x29: 0x29,
          0x5c: 0x5c,
        };
        if (simple[next] !== undefined) out.push(simple[next]);
        else if (next >= 0x30 && next <= 0x37) {
          let value = next - 0x30;
          for (let i = 0; i < 2 && this.peek() >= 0x30 && this.peek() <= 0x37; i++)
            value = value * 8 + (this.bytes[this.pos++]! - 0x30);
          out.push(value & 0xff);
        } else if (next === 0x0d) {
          if (this.peek() === 0x0a) this.pos++;
        } else if (next !== 0x0a) out.push(next);
      } else if (c === 0x28) {
        depth++;
        out.push(c);
      } else if (c === 0x29) {
        if (--depth === 0) break;
        out.push(c);
      } else out.push(c);
    }
    return new PdfString(Uint8Array.from(out));
  }

  private parseHexString(): PdfString {
    this.pos++;
    let hex = '';
    for (;;) {
      const c = this.peek();
      this.pos++;
      if (c === 0x3e) break;
      if (!isWhite(c)) hex += String.fromCharCode(c);
    }
    if (!/^[0-9a-fA-F]*$/.test(hex)) throw new PdfSyntaxError(`bad hex string at ${this.base + this.pos}`);
    if (hex.length % 2) hex += '0';
    return new PdfString(Buffer.from(hex, 'hex'), true);
  }

  private parseArray(): PdfObject[] {
    this.pos++;
    const items: PdfObject[] = [];
    for (;;) {
      this.skipWhitespace();
      if (this.peek() === 0x5d) {
        this.pos++;
        return items;
      }
      items.push(this.parseObject());
    }
  }

  private parseDict(): PdfDict {
    this.pos += 2;
    const dict = new PdfDict();
    for (;;) {
      this.skipWhitespace();
      if (this.peek() === 0x3e) {
        if (this.peek(1) !== 0x3e) throw new PdfSyntaxError(`bad dictionary end at ${this.base + this.pos}`);
        this.pos += 2;
        return dict;
      }
      const key = this.parseObject();
      if (!(key instanceof PdfName))
        throw new PdfSyntaxError(`dictionary key expected at ${this.base + this.pos}`);
      dict.set(key.name, this.parseObject());
    }
  }

  /** After `stream`: skips the single EOL and returns the offset (in the file) of the data. */
  streamDataStart(): number {
    if (this.peek() === 0x0d) this.pos++;
    if (this.peek() === 0x0a) this.pos++;
    return this.base + this.pos;
  }
}
