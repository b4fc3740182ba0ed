import { RandomAccessFile } from './file';
import { decodeStream } from './filters';
import { PdfDict, PdfNumber, PdfRef, PdfStream, PdfString, type PdfObject } from './objects';
import { PdfParser, PdfSyntaxError } from './parser';
import {
  findStartXref,
  mergeEntries,
  readIndirectAt,
  readXrefChain,
  type XrefEntry,
  type XrefSection,
} from './xref';

export interface PageRef {
  ref: PdfRef;
  dict: PdfDict;
  mediaBox: [number, number, number, number];
}

export interface SignatureFieldRef {
  field: PdfRef | null;
  /** The full name (partial names joined by dots). */
  name: string;
  /** /FT, inherited from the parents when absent. */
  fieldType: string | undefined;
  /** The terminal field's dictionary. */
  dict: PdfDict;
  /** The signature dictionary (/V), when the field is signed. */
  value: PdfDict | null;
  /** The field's widget annotation: the field itself when they are merged, else its first kid. */
  widget: { ref: PdfRef; dict: PdfDict } | null;
}

/**
 * One revision of a PDF, read lazily through its cross-reference chain: enough to find the
 * catalog, the pages, the form fields and the objects an incremental update must change.
 */
export class PdfDocument {
  readonly sections: XrefSection[];
  readonly entries: Map<number, XrefEntry>;
  readonly trailer: PdfDict;
  private readonly cache = new Map<number, PdfObject>();
  private readonly objectStreams = new Map<
    number,
    { offsets: Map<number, number>; data: Buffer; first: number }
  >();

  private constructor(
    readonly file: RandomAccessFile,
    readonly startxref: number,
    /** The end of the revision read (the file size for the latest one). */
    readonly end: number,
  ) {
    this.sections = readXrefChain(file, startxref);
    this.entries = mergeEntries(this.sections);
    this.trailer = this.sections[0]!.trailer;
  }

  static open(path: string): PdfDocument {
    const file = RandomAccessFile.open(path);
    try {
      const header = file.read(0, 1024).toString('latin1');
      if (!header.includes('%PDF-')) throw new PdfSyntaxError('not a PDF: no %PDF- header');
      return new PdfDocument(file, findStartXref(file), file.size);
    } catch (error) {
      file.close();
      throw error;
    }
  }

  /** The document as it was at an earlier revision end (a prior `%%EOF`), over the same file. */
  revisionAt(end: number): PdfDocument {
    return new PdfDocument(this.file, findStartXref(this.file, end), end);
  }

  close(): void {
    this.file.close();
  }

  get lastXrefKind(): 'table' | 'stream' {
    return this.sections[0]!.kind;
  }

  get size(): number {
    const size = this.trailer.number('Size');
    if (size === undefined) throw new PdfSyntaxError('the trailer has no /Size');
    return size;
  }

  get isEncrypted(): boolean {
    return this.trailer.has('Encrypt');
  }

  getObject(num: number): PdfObject {
    const cached = this.cache.get(num);
    if (cached !== undefined) return cached;
    const entry = this.entries.get(num);
    let value: PdfObject = null;
    if (entry?.kind === 'offset') {
      const object = readIndirectAt(this.file, entry.offset, (length) => this.lengthOf(length));
      if (object.num !== num)
        throw new PdfSyntaxError(`the xref points object ${num} to object ${object.num}`);
      value = object.value;
    } else if (entry?.kind === 'compressed') {
      value = this.readCompressed(num, entry.stream);
    }
    this.cache.set(num, value);
    return value;
  }

  private lengthOf(value: PdfObject): number {
    const resolved = this.resolve(value);
    if (!(resolved instanceof PdfNumber)) throw new PdfSyntaxError('a stream has no /Length');
    return resolved.value;
  }

  private readCompressed(num: number, streamNum: number): PdfObject {
    let objectStream = this.objectStreams.get(streamNum);
    if (!objectStream) {
      const stream = this.getObject(streamNum);
      if (!(stream instanceof PdfStream) || stream.dict.name('Type') !== 'ObjStm')
        throw new PdfSyntaxError(`object ${streamNum} is not an object stream`);
      const data = decodeStream(stream);
      const count = stream.dict.number('N') ?? 0;
      const parser = new PdfParser(data);
      const offsets = new Map<number, number>();
      for (let i = 0; i < count; i++) offsets.set(parser.integer(), parser.integer());
      objectStream = { offsets, data, first: stream.dict.number('First') ?? 0 };
      this.objectStreams.set(streamNum, objectStream);
    }
    const offset = objectStream.offsets.get(num);
    if (offset === undefined)
      throw new PdfSyntaxError(`object ${num} is missing from object stream ${streamNum}`);
    const parser = new PdfParser(objectStream.data.subarray(objectStream.first + offset));
    return parser.parseObject();
  }

  resolve(value: PdfObject | undefined): PdfObject {
    let current = value ?? null;
    for (let depth = 0; current instanceof PdfRef; depth++) {
      if (depth > 32) throw new PdfSyntaxError('reference loop');
      current = this.getObject(current.num);
    }
    return current;
  }

  dict(value: PdfObject | undefined): PdfDict | null {
    const resolved = this.resolve(value);
    if (resolved instanceof PdfDict) return resolved;
    if (resolved instanceof PdfStream) return resolved.dict;
    return null;
  }

  array(value: PdfObject | undefined): PdfObject[] {
    const resolved = this.resolve(value);
    return Array.isArray(resolved) ? resolved : [];
  }

  get rootRef(): PdfRef {
    const root = this.trailer.get('Root');
    if (!(root instanceof PdfRef)) throw new PdfSyntaxError('the trailer has no /Root');
    return root;
  }

  get catalog(): PdfDict {
    const catalog = this.dict(this.rootRef);
    if (!catalog || catalog.name('Type') !== 'Catalog')
      throw new PdfSyntaxError('the /Root is not a catalog');
    return catalog;
  }

  /** The pages in order, with inherited /MediaBox. */
  pages(): PageRef[] {
    const pages: PageRef[] = [];
    const visit = (node: PdfObject, inheritedBox: PdfObject | undefined, depth: number) => {
      if (depth > 64) throw new PdfSyntaxError('the page tree is too deep');
      if (!(node instanceof PdfRef)) throw new PdfSyntaxError('a page tree node is not an indirect object');
      const dict = this.dict(node);
      if (!dict) throw new PdfSyntaxError(`page tree node ${node.num} is missing`);
      const box = dict.get('MediaBox') ?? inheritedBox;
      if (dict.name('Type') === 'Pages') {
        for (const kid of this.array(dict.get('Kids'))) visit(kid, box, depth + 1);
        return;
      }
      const numbers = this.array(box).map((value) => (value instanceof PdfNumber ? value.value : 0));
      const mediaBox =
        numbers.length === 4
          ? (numbers as [number, number, number, number])
          : ([0, 0, 595, 842] as [number, number, number, number]);
      pages.push({ ref: node, dict, mediaBox });
    };
    visit(this.catalog.get('Pages') ?? null, undefined, 0);
    if (pages.length === 0) throw new PdfSyntaxError('the document has no pages');
    return pages;
  }

  /** Every terminal form field named by its full name, and its signature value when it is one. */
  signatureFields(): SignatureFieldRef[] {
    const acroForm = this.dict(this.catalog.get('AcroForm'));
    if (!acroForm) return [];
    const found: SignatureFieldRef[] = [];
    const visit = (node: PdfObject, parentName: string, parentType: string | undefined, depth: number) => {
      if (depth > 32) return;
      const dict = this.dict(node);
      if (!dict) return;
      const fieldType = dict.name('FT') ?? parentType;
      const partial = dict.get('T');
      const fullName =
        partial instanceof PdfString
          ? parentName
            ? `${parentName}.${partial.text()}`
            : partial.text()
          : parentName;
      const kids = this.array(dict.get('Kids')).filter((kid) => this.dict(kid)?.has('T'));
      if (kids.length > 0) {
        for (const kid of kids) visit(kid, fullName, fieldType, depth + 1);
        return;
      }
      const value = fieldType === 'Sig' ? this.dict(dict.get('V')) : null;
      const field = node instanceof PdfRef ? node : null;
      found.push({ field, name: fullName, fieldType, dict, value, widget: this.widgetOf(field, dict) });
    };
    for (const field of this.array(acroForm.get('Fields'))) visit(field, '', undefined, 0);
    return found;
  }

  private widgetOf(field: PdfRef | null, dict: PdfDict): SignatureFieldRef['widget'] {
    if (dict.name('Subtype') === 'Widget') return field ? { ref: field, dict } : null;
    for (const kid of this.array(dict.get('Kids'))) {
      const kidDict = this.dict(kid);
      if (kid instanceof PdfRef && kidDict?.name('Subtype') === 'Widget') return { ref: kid, dict: kidDict };
    }
    return null;
  }

  /** The DocMDP permission (1 = no changes allowed) when the document is certified. */
  docMdpPermission(): number | null {
    const perms = this.dict(this.catalog.get('Perms'));
    const signature = perms ? this.dict(perms.get('DocMDP')) : null;
    if (!signature) return null;
    for (const reference of this.array(signature.get('Reference'))) {
      const transform = this.dict(reference);
      const params = transform ? this.dict(transform.get('TransformParams')) : null;
      if (params) return params.number('P') ?? 2;
    }
    return 2;
  }

  /** Checks that every in-use xref entry points at the object it names (broken tables fail here). */
  checkXrefOffsets(): void {
    for (const [num, entry] of this.entries) {
      if (entry.kind !== 'offset') continue;
      const head = this.file.read(entry.offset, 40).toString('latin1');
      const match = /^\s*(\d+)\s+(\d+)\s+obj/.exec(head);
      if (!match || Number(match[1]) !== num)
        throw new PdfSyntaxError(
          `the xref entry of object ${num} points to the wrong place (${entry.offset})`,
        );
    }
  }
}
