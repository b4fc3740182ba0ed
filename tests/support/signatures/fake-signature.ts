import { createHash } from 'node:crypto';
import { PDFDocument, PDFHexString, PDFName, PDFRef, PDFString, type PDFDict } from 'pdf-lib';

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const contentsHexLength = 1024;
/** Wide enough for any offset of these files, so the /ByteRange can be written after the layout. */
const byteRangeWidth = 42;

/**
 * What a card's signature adds to a prepared resolution, for the office's tests: one incremental
 * update (classic xref section, /Prev to the last one) that fills the empty field `fieldName` with
 * a signature dictionary whose /ByteRange covers the whole file but its /Contents. The /Contents is
 * a digest of the signed ranges, not a CMS: the real card signature is the desk's test.
 */
export async function appendFakeSignature(prepared: Uint8Array, fieldName: string): Promise<Uint8Array> {
  const document = await PDFDocument.load(prepared, { updateMetadata: false });
  const field = document.catalog
    .getAcroForm()
    ?.getAllFields()
    .find(([candidate]) => {
      const name = candidate.dict.lookup(PDFName.of('T'));
      return (name instanceof PDFString || name instanceof PDFHexString) && name.decodeText() === fieldName;
    });
  if (!field) throw new Error(`no field ${fieldName}`);
  const [acroField, fieldRef] = field;
  const text = latin1(prepared);
  const previousXref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1]);
  const signatureNumber = document.context.largestObjectNumber + 1;
  const filled = acroField.dict.clone(document.context) as PDFDict;
  filled.set(PDFName.of('V'), PDFRef.of(signatureNumber));

  const pieces: string[] = [];
  let offset = prepared.byteLength;
  const push = (piece: string) => {
    pieces.push(piece);
    offset += Buffer.byteLength(piece, 'latin1');
  };
  push('\n');
  const fieldOffset = offset;
  push(`${fieldRef.objectNumber} ${fieldRef.generationNumber} obj\n${filled.toString()}\nendobj\n`);
  const signatureOffset = offset;
  const byteRangeAt =
    offset +
    `${signatureNumber} 0 obj\n<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange `
      .length;
  push(
    `${signatureNumber} 0 obj\n<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange ${' '.repeat(byteRangeWidth)} /Contents <${'0'.repeat(contentsHexLength)}> /M (D:20260615100000Z) >>\nendobj\n`,
  );
  const contentsStart = signatureOffset + pieces.at(-1)!.indexOf('/Contents <') + '/Contents '.length;
  const contentsEnd = contentsStart + contentsHexLength + 2;
  const xrefOffset = offset;
  const entry = (at: number) => `${String(at).padStart(10, '0')} 00000 n \n`;
  const trailer = document.context.trailerInfo;
  const id = trailer.ID ? ` /ID ${trailer.ID.toString()}` : '';
  push(
    `xref\n0 1\n0000000000 65535 f \n${fieldRef.objectNumber} 1\n${entry(fieldOffset)}${signatureNumber} 1\n${entry(signatureOffset)}` +
      `trailer\n<< /Size ${signatureNumber + 1} /Root ${String(trailer.Root)}` +
      `${trailer.Info ? ` /Info ${trailer.Info.toString()}` : ''}${id} /Prev ${previousXref} >>\nstartxref\n${xrefOffset}\n%%EOF\n`,
  );
  const signed = Buffer.concat([Buffer.from(prepared), Buffer.from(pieces.join(''), 'latin1')]);
  const total = signed.byteLength;
  const byteRange = `[0 ${contentsStart} ${contentsEnd} ${total - contentsEnd}]`.padEnd(byteRangeWidth, ' ');
  signed.write(byteRange, byteRangeAt, 'latin1');
  const digest = createHash('sha256')
    .update(signed.subarray(0, contentsStart))
    .update(signed.subarray(contentsEnd))
    .digest('hex');
  signed.write(digest, contentsStart + 1, 'latin1');
  return new Uint8Array(signed);
}
