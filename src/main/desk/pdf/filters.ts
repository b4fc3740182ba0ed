import { inflateSync } from 'node:zlib';
import { PdfDict, PdfName, type PdfObject, type PdfStream } from './objects';
import { PdfSyntaxError } from './parser';

const first = (value: PdfObject | undefined): PdfObject | undefined =>
  Array.isArray(value) ? value[0] : value;

/** Decodes the streams this module must read itself: xref streams and object streams (Flate + PNG predictors). */
export function decodeStream(stream: PdfStream): Buffer {
  const filter = first(stream.dict.get('Filter'));
  const filters = Array.isArray(stream.dict.get('Filter'))
    ? (stream.dict.get('Filter') as PdfObject[])
    : filter
      ? [filter]
      : [];
  if (filters.length > 1) throw new PdfSyntaxError('chained stream filters are not supported');
  let data: Buffer = Buffer.from(stream.data);
  if (filter instanceof PdfName) {
    if (filter.name !== 'FlateDecode') throw new PdfSyntaxError(`unsupported stream filter ${filter.name}`);
    data = inflateSync(data);
  }
  const params = first(stream.dict.get('DecodeParms'));
  if (params instanceof PdfDict) {
    const predictor = params.number('Predictor') ?? 1;
    if (predictor >= 10) data = undoPngPredictor(data, params.number('Columns') ?? 1);
    else if (predictor !== 1) throw new PdfSyntaxError(`unsupported predictor ${predictor}`);
  }
  return data;
}

function undoPngPredictor(data: Buffer, columns: number): Buffer {
  const rowLength = columns + 1;
  const rows = Math.floor(data.length / rowLength);
  const out = Buffer.alloc(rows * columns);
  for (let row = 0; row < rows; row++) {
    const type = data[row * rowLength]!;
    for (let col = 0; col < columns; col++) {
      const raw = data[row * rowLength + 1 + col]!;
      const left = col > 0 ? out[row * columns + col - 1]! : 0;
      const up = row > 0 ? out[(row - 1) * columns + col]! : 0;
      const upLeft = row > 0 && col > 0 ? out[(row - 1) * columns + col - 1]! : 0;
      let value: number;
      if (type === 0) value = raw;
      else if (type === 1) value = raw + left;
      else if (type === 2) value = raw + up;
      else if (type === 3) value = raw + Math.floor((left + up) / 2);
      else if (type === 4) {
        const p = left + up - upLeft;
        const pa = Math.abs(p - left);
        const pb = Math.abs(p - up);
        const pc = Math.abs(p - upLeft);
        value = raw + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
      } else throw new PdfSyntaxError(`bad PNG predictor row type ${type}`);
      out[row * columns + col] = value & 0xff;
    }
  }
  return out;
}
