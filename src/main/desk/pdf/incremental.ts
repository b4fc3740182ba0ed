import { randomBytes } from 'node:crypto';
import type { PdfDocument } from './document';
import {
  name,
  num,
  PdfDict,
  PdfRef,
  PdfStream,
  PdfString,
  ref,
  serialize,
  serializeIndirect,
  str,
  type PdfObject,
} from './objects';
import { PdfSyntaxError } from './parser';
import { pdfDate } from './pdf-date';

/** x1, y1, x2, y2 in PDF points. */
export type Rect = [number, number, number, number];

/** An empty signature field the document prepared for a signer. */
export interface PreparedField {
  ref: PdfRef;
  name: string;
  dict: PdfDict;
  widget: { ref: PdfRef; dict: PdfDict };
}

/** A FieldMDP transform (ISO 32000-1 12.8.2.4): the form fields a signature locks. */
export interface FieldLock {
  action: 'All' | 'Include' | 'Exclude';
  fields: string[];
}

export interface SignatureUpdateRequest {
  signingTime: Date;
  /** Capacity of /Contents in bytes of CMS (the placeholder holds twice as many hex digits). */
  contentsSize: number;
  reason?: string;
  /**
   * The field to fill. Without it a new field `SignatureN` is added, its widget on
   * `placement.pageIndex` at `placement.rect` (a 0×0 widget on the first page when absent).
   */
  prepared?: PreparedField;
  placement?: { pageIndex: number; rect: Rect };
  /** The visible stamp, a form XObject the size of the widget. */
  appearance?: PdfStream;
  /** Written into the signature dictionary's /Reference, as the field's /Lock asks. */
  lock?: FieldLock;
}

export interface SignatureUpdate {
  /** The bytes to append to the source file, /Contents still zero-filled. */
  bytes: Buffer;
  fieldName: string;
  byteRange: [number, number, number, number];
  /** Offset in the final file of the first hex digit inside `/Contents <...>`. */
  contentsHexOffset: number;
  contentsSize: number;
}

const byteRangeWidth = 36;

/** The first `Signature<n>` that no existing field uses. */
export function freeFieldName(document: PdfDocument): string {
  const used = new Set(document.signatureFields().map((field) => field.name));
  for (let n = 1; ; n++) if (!used.has(`Signature${n}`)) return `Signature${n}`;
}

/** The signature reference dictionary of a FieldMDP lock; /Data names the document's catalog. */
function fieldMdpReference(lock: FieldLock, catalog: PdfRef): PdfDict {
  const params = new PdfDict([
    ['Type', name('TransformParams')],
    ['Action', name(lock.action)],
  ]);
  if (lock.action !== 'All')
    params.set(
      'Fields',
      lock.fields.map((field) => new PdfString(utf16(field))),
    );
  params.set('V', name('1.2'));
  return new PdfDict([
    ['Type', name('SigRef')],
    ['TransformMethod', name('FieldMDP')],
    ['TransformParams', params],
    ['Data', catalog],
  ]);
}

function signatureDictionary(request: SignatureUpdateRequest, catalog: PdfRef): string {
  const reason =
    request.reason === undefined ? '' : ` /Reason ${serialize(new PdfString(utf16(request.reason)))}`;
  const reference = request.lock
    ? ` /Reference [${serialize(fieldMdpReference(request.lock, catalog))}]`
    : '';
  return (
    `<</Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange [${' '.repeat(byteRangeWidth)}]` +
    ` /Contents <${'0'.repeat(request.contentsSize * 2)}> /M ${serialize(str(pdfDate(request.signingTime)))}${reason}${reference}>>`
  );
}

/** Text strings outside Latin-1's printable range go as UTF-16BE with a BOM (ISO 32000 7.9.2.2). */
function utf16(text: string): Uint8Array {
  if (/^[\x20-\x7e]*$/.test(text)) return Buffer.from(text, 'latin1');
  return Buffer.concat([Buffer.of(0xfe, 0xff), Buffer.from(text, 'utf16le').swap16()]);
}

interface Written {
  num: number;
  gen: number;
  offset: number;
}

/**
 * Builds the incremental update that signs the latest revision: the signature dictionary, and
 * either the prepared field (given its /V and, for a visible stamp, its widget's /AP) or a new
 * field/widget on a page, its /Annots array and the AcroForm; then a cross-reference section of
 * the same kind as the previous one. Nothing earlier in the file is touched.
 */
export function buildSignatureUpdate(
  document: PdfDocument,
  request: SignatureUpdateRequest,
): SignatureUpdate {
  let nextNumber = document.size;
  const allocate = () => nextNumber++;
  const sigNum = allocate();
  const objects: { num: number; gen: number; body: Buffer }[] = [];
  const add = (objectNumber: number, value: PdfObject, gen = 0) =>
    objects.push({ num: objectNumber, gen, body: withGen(serializeIndirect(objectNumber, value), gen) });

  objects.push({
    num: sigNum,
    gen: 0,
    body: Buffer.from(
      `${sigNum} 0 obj\n${signatureDictionary(request, document.rootRef)}\nendobj\n`,
      'latin1',
    ),
  });
  const appearance = () => {
    if (!request.appearance) return null;
    const appearanceNum = allocate();
    add(appearanceNum, request.appearance);
    return new PdfDict([['N', ref(appearanceNum)]]);
  };

  let fieldName: string;
  if (request.prepared) {
    const { prepared } = request;
    fieldName = prepared.name;
    const stamp = appearance();
    const field = prepared.dict.clone().set('V', ref(sigNum));
    const merged = prepared.widget.ref.num === prepared.ref.num;
    if (stamp && merged) field.set('AP', stamp);
    if (stamp && !merged)
      add(prepared.widget.ref.num, prepared.widget.dict.clone().set('AP', stamp), prepared.widget.ref.gen);
    add(prepared.ref.num, field, prepared.ref.gen);
    setSigFlags(document, add, allocate, null);
  } else {
    fieldName = freeFieldName(document);
    addNewField(document, request, sigNum, fieldName, allocate, add, appearance());
  }

  const prefixLength = document.file.size;
  const lastByte = document.file.read(prefixLength - 1, 1)[0];
  const lead = lastByte === 0x0a || lastByte === 0x0d ? '' : '\n';
  const chunks: Buffer[] = [Buffer.from(lead, 'latin1')];
  let position = prefixLength + lead.length;
  const written: Written[] = [];
  for (const object of objects) {
    written.push({ num: object.num, gen: object.gen, offset: position });
    chunks.push(object.body);
    position += object.body.length;
  }

  const trailerEntries = trailerBase(
    document,
    document.lastXrefKind === 'stream' ? nextNumber + 1 : nextNumber,
  );
  if (document.lastXrefKind === 'table') {
    const table = xrefTable(written);
    chunks.push(
      Buffer.from(`${table}trailer\n${serialize(trailerEntries)}\nstartxref\n${position}\n%%EOF\n`, 'latin1'),
    );
  } else {
    const xrefNum = nextNumber;
    written.push({ num: xrefNum, gen: 0, offset: position });
    chunks.push(
      xrefStream(xrefNum, written, trailerEntries),
      Buffer.from(`startxref\n${position}\n%%EOF\n`, 'latin1'),
    );
  }

  const bytes = Buffer.concat(chunks);
  const fileEnd = prefixLength + bytes.length;
  const sigStart = written[0]!.offset - prefixLength;
  const contentsAt = bytes.indexOf('/Contents <', sigStart, 'latin1') + '/Contents '.length;
  const contentsEnd = contentsAt + 2 + request.contentsSize * 2;
  const byteRange: [number, number, number, number] = [
    0,
    prefixLength + contentsAt,
    prefixLength + contentsEnd,
    fileEnd - (prefixLength + contentsEnd),
  ];
  const rangeText = byteRange.join(' ').padEnd(byteRangeWidth, ' ');
  const rangeAt = bytes.indexOf('/ByteRange [', sigStart, 'latin1') + '/ByteRange ['.length;
  bytes.write(rangeText, rangeAt, 'latin1');
  return {
    bytes,
    fieldName,
    byteRange,
    contentsHexOffset: prefixLength + contentsAt + 1,
    contentsSize: request.contentsSize,
  };
}

type AddObject = (objectNumber: number, value: PdfObject, gen?: number) => void;

/** A new field merged with its widget, on its page's /Annots and in the AcroForm's /Fields. */
function addNewField(
  document: PdfDocument,
  request: SignatureUpdateRequest,
  sigNum: number,
  fieldName: string,
  allocate: () => number,
  add: AddObject,
  stamp: PdfDict | null,
): void {
  const pages = document.pages();
  const pageIndex = request.placement?.pageIndex ?? 0;
  const page = pages[pageIndex];
  if (!page)
    throw new PdfSyntaxError(`page ${pageIndex + 1} does not exist (the document has ${pages.length})`);
  const widgetNum = allocate();
  const rect = request.placement?.rect ?? [0, 0, 0, 0];
  const widget = new PdfDict([
    ['Type', name('Annot')],
    ['Subtype', name('Widget')],
    ['FT', name('Sig')],
    ['T', str(fieldName)],
    ['V', ref(sigNum)],
    ['Rect', rect.map(num)],
    ['P', page.ref],
    ['F', num(132)],
  ]);
  if (stamp) widget.set('AP', stamp);
  add(widgetNum, widget);

  const widgetRef = ref(widgetNum);
  const annots = page.dict.get('Annots');
  if (annots instanceof PdfRef) {
    add(annots.num, [...document.array(annots), widgetRef], annots.gen);
  } else {
    add(
      page.ref.num,
      page.dict.clone().set('Annots', [...(Array.isArray(annots) ? annots : []), widgetRef]),
      page.ref.gen,
    );
  }
  setSigFlags(document, add, allocate, widgetRef);
}

/**
 * The AcroForm with /SigFlags 3 and, for a new field, the field in /Fields; created when the
 * document has none. An AcroForm that already says /SigFlags 3 about a filled field is left alone.
 */
function setSigFlags(
  document: PdfDocument,
  add: AddObject,
  allocate: () => number,
  newField: PdfRef | null,
): void {
  const catalog = document.catalog;
  const acroFormValue = catalog.get('AcroForm');
  const current = document.dict(acroFormValue);
  if (!newField && current?.number('SigFlags') === 3) return;
  const updated = (current ?? new PdfDict()).clone().set('SigFlags', num(3));
  if (newField) updated.set('Fields', [...document.array(current?.get('Fields')), newField]);
  if (acroFormValue instanceof PdfRef) {
    add(acroFormValue.num, updated, acroFormValue.gen);
  } else if (acroFormValue instanceof PdfDict) {
    add(document.rootRef.num, catalog.clone().set('AcroForm', updated), document.rootRef.gen);
  } else {
    const acroNum = allocate();
    add(acroNum, updated);
    add(document.rootRef.num, catalog.clone().set('AcroForm', ref(acroNum)), document.rootRef.gen);
  }
}

function withGen(body: Buffer, gen: number): Buffer {
  if (gen === 0) return body;
  const text = body.toString('latin1');
  return Buffer.concat([
    Buffer.from(text.slice(0, text.indexOf(' 0 obj')) + ` ${gen} obj`, 'latin1'),
    body.subarray(text.indexOf(' 0 obj') + 6),
  ]);
}

function trailerBase(document: PdfDocument, size: number): PdfDict {
  const trailer = new PdfDict([
    ['Size', num(Math.max(size, document.size))],
    ['Root', document.rootRef],
  ]);
  const info = document.trailer.get('Info');
  if (info) trailer.set('Info', info);
  const id = document.trailer.get('ID');
  const first =
    Array.isArray(id) && id[0] instanceof PdfString ? id[0] : new PdfString(randomBytes(16), true);
  trailer.set('ID', [first, new PdfString(randomBytes(16), true)]);
  trailer.set('Prev', num(document.startxref));
  return trailer;
}

/** Runs of consecutive object numbers, for xref subsections and /Index. */
function runs(entries: readonly Written[]): Written[][] {
  const sorted = [...entries].sort((a, b) => a.num - b.num);
  const groups: Written[][] = [];
  for (const entry of sorted) {
    const last = groups[groups.length - 1];
    if (last && last[last.length - 1]!.num + 1 === entry.num) last.push(entry);
    else groups.push([entry]);
  }
  return groups;
}

function xrefTable(entries: readonly Written[]): string {
  let out = 'xref\n';
  for (const group of runs(entries)) {
    out += `${group[0]!.num} ${group.length}\n`;
    for (const entry of group)
      out += `${String(entry.offset).padStart(10, '0')} ${String(entry.gen).padStart(5, '0')} n\r\n`;
  }
  return out;
}

function xrefStream(xrefNum: number, entries: readonly Written[], trailer: PdfDict): Buffer {
  const groups = runs(entries);
  const data = Buffer.alloc(entries.length * 7);
  let at = 0;
  for (const group of groups) {
    for (const entry of group) {
      data.writeUInt8(1, at);
      data.writeUInt32BE(entry.offset, at + 1);
      data.writeUInt16BE(entry.gen, at + 5);
      at += 7;
    }
  }
  const dict = trailer
    .clone()
    .set('Type', name('XRef'))
    .set('W', [num(1), num(4), num(2)])
    .set(
      'Index',
      groups.flatMap((group) => [num(group[0]!.num), num(group.length)]),
    );
  return serializeIndirect(xrefNum, new PdfStream(dict, data));
}
