import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSignedData } from '../../../src/main/desk/crypto/cms/parse';
import { PdfDocument } from '../../../src/main/desk/pdf/document';
import { PdfRef } from '../../../src/main/desk/pdf/objects';
import { extractSignatures } from './validators';

/** Signed PDFs spoiled the ways a document gets spoiled in transit or on purpose. */
function written(bytes: Buffer, name: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'despacho-tampered-')), name);
  writeFileSync(path, bytes);
  return path;
}

/** One byte inside the first signature's range changed (the document's /ModDate, pdf-lib writes one). */
export function changeSignedByte(path: string, name = 'tampered.pdf'): string {
  const bytes = readFileSync(path);
  const at = bytes.indexOf('/ModDate (D:2');
  if (at < 0) throw new Error('no /ModDate to change');
  bytes.write('/ModDate (D:1', at, 'latin1');
  return written(bytes, name);
}

/** One bit of the first signature's value flipped: the CMS still reads, and no longer verifies. */
export function damageSignatureValue(path: string, name = 'damaged.pdf'): string {
  const bytes = readFileSync(path);
  const [signature] = extractSignatures(path);
  const value = Buffer.from(parseSignedData(signature!.cms).signerInfos[0]!.signature);
  const hexAt = bytes.indexOf(value.toString('hex'), signature!.byteRange[1], 'latin1');
  if (hexAt < 0) throw new Error('signature value not found');
  const digit = bytes[hexAt + 20]!;
  bytes[hexAt + 20] = digit === 0x30 ? 0x31 : 0x30;
  return written(bytes, name);
}

/** The first signature's /Contents overwritten with zeros: nothing in it can be read. */
export function blankSignature(path: string, name = 'blank.pdf'): string {
  const bytes = readFileSync(path);
  const [signature] = extractSignatures(path);
  const start = signature!.byteRange[1]! + 1;
  bytes.fill(0x30, start, start + 64);
  return written(bytes, name);
}

/** A classic-table revision appended that replaces the first page's content stream. */
export function appendContentChange(path: string, name = 'changed.pdf'): string {
  const document = PdfDocument.open(path);
  const declared = document.pages()[0]!.dict.get('Contents');
  const contents = Array.isArray(declared) ? declared[0] : declared;
  const size = document.file.size;
  const startxref = document.startxref;
  const trailerSize = document.size;
  const root = document.rootRef;
  document.close();
  if (!(contents instanceof PdfRef)) throw new Error('fixture page has inline contents');
  const stream = 'BT /F1 12 Tf 60 700 Td (DENIEGO la licencia) Tj ET';
  const object = `${contents.num} 0 obj\n<</Length ${stream.length}>>\nstream\n${stream}\nendstream\nendobj\n`;
  const xrefAt = size + object.length;
  const update = `${object}xref\n${contents.num} 1\n${String(size).padStart(10, '0')} 00000 n\r\ntrailer\n<</Size ${trailerSize} /Root ${root.num} ${root.gen} R /Prev ${startxref}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return written(Buffer.concat([readFileSync(path), Buffer.from(update, 'latin1')]), name);
}
