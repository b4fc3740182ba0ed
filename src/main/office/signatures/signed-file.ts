import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString } from 'pdf-lib';

const latin1 = new TextDecoder('latin1');
const byteRangePattern = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean =>
  a.byteLength === b.byteLength && Buffer.compare(a, b) === 0;

/** Each filled signature field by name, with its signature's /ByteRange as written. */
async function filledFields(pdf: Uint8Array): Promise<Map<string, number[]>> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  const filled = new Map<string, number[]>();
  for (const field of document.catalog.getAcroForm()?.getAllFields() ?? []) {
    const { dict } = field[0];
    const name = dict.lookup(PDFName.of('T'));
    const value = dict.lookup(PDFName.of('V'));
    if (!(name instanceof PDFString || name instanceof PDFHexString) || !(value instanceof PDFDict)) continue;
    const range = value.lookup(PDFName.of('ByteRange'));
    const numbers = range instanceof PDFArray ? range.asArray() : [];
    filled.set(
      name.decodeText(),
      numbers.map((entry) => (entry instanceof PDFNumber ? entry.asNumber() : Number.NaN)),
    );
  }
  return filled;
}

/**
 * Whether `signed` is `prepared` plus one incremental update that fills the field `fieldName` with
 * one signature covering the whole file but its /Contents. A light structural check, done in the
 * office without the desk's PDF libraries: the cryptography is the verifier's (and the card's) part.
 */
export async function addsOneSignature(
  prepared: Uint8Array,
  signed: Uint8Array,
  fieldName: string,
): Promise<boolean> {
  if (signed.byteLength <= prepared.byteLength) return false;
  if (!sameBytes(signed.subarray(0, prepared.byteLength), prepared)) return false;
  const update = latin1.decode(signed.subarray(prepared.byteLength));
  const ranges = [...update.matchAll(byteRangePattern)];
  if (ranges.length !== 1) return false;
  const byteRange = ranges[0]!.slice(1).map(Number);
  const [start, firstLength, secondStart, secondLength] = byteRange as [number, number, number, number];
  const holeIsInTheUpdate =
    start === 0 &&
    firstLength >= prepared.byteLength &&
    secondStart > firstLength + 2 &&
    secondStart + secondLength === signed.byteLength;
  if (!holeIsInTheUpdate) return false;
  const contents = latin1.decode(signed.subarray(firstLength, secondStart));
  if (!/^<[0-9A-Fa-f]*>$/.test(contents)) return false;
  // pdf-lib builds the kilobytes of /Contents into a string a character at a time, for nothing
  // looked at here: it reads the signed file with an empty /Contents (`<>`, the hex digits checked
  // above turned into the blanks after it), every offset unchanged.
  const readable = new Uint8Array(signed);
  readable.fill(0x20, firstLength + 1, secondStart);
  readable[firstLength + 1] = 0x3e;
  try {
    const [before, after] = await Promise.all([filledFields(prepared), filledFields(readable)]);
    if (before.has(fieldName) || after.size !== before.size + 1) return false;
    return after.get(fieldName)?.join(' ') === byteRange.join(' ');
  } catch {
    return false;
  }
}
