import { beforeAll, describe, expect, it, vi } from 'vitest';
import { findMatches, foldForSearch, pageTextOf, portionsOf } from '../../../src/renderer/ui/pdf-viewer/find';
import {
  pageAt,
  pagesToDraw,
  pagesToDrawNow,
  pageTops,
  zoomedIn,
  zoomedOut,
} from '../../../src/renderer/ui/pdf-viewer/layout';
import {
  batchedReader,
  looksLikePdf,
  openPdfSource,
  PdfSourceError,
  readPdfRange,
  type ByteRange,
  type RangeReader,
  type RangesReader,
} from '../../../src/renderer/ui/pdf-viewer/range-source';
import { decodeBase64 } from '../../../src/renderer/ui/pdf-viewer/base64';
import {
  minReadLength,
  openRangedDocument,
  rangeChunkSize,
} from '../../../src/renderer/ui/pdf-viewer/ranged-document';
import { longPdf } from '../../support/pdf-viewer-data';

// The browser build of pdf.js needs the DOM; in Node its legacy build is the same library.
vi.mock('pdfjs-dist', () => import('pdfjs-dist/legacy/build/pdf.mjs'));

const bytes = Uint8Array.from({ length: 2500 }, (_, index) => index % 251);
bytes.set(new TextEncoder().encode('%PDF-1.7'), 0);

/** The office's side of one range read, over `bytes`, recording every call. */
function office(stored: Uint8Array | null, calls: [number, number][] = []): RangeReader {
  return async (offset, length) => {
    calls.push([offset, length]);
    if (stored === null) return { state: 'missing' };
    return { state: 'available', size: stored.length, bytes: stored.slice(offset, offset + length) };
  };
}

describe('the viewer’s range source', () => {
  it('opens with the first range: the size and the first bytes, refusing what is no PDF or missing', async () => {
    const calls: [number, number][] = [];
    const source = await openPdfSource(office(bytes, calls), 1000);
    expect(source.size).toBe(2500);
    expect(source.initialData).toEqual(bytes.slice(0, 1000));
    expect(calls).toEqual([[0, 1000]]);
    await expect(openPdfSource(office(new TextEncoder().encode('hola')), 1000)).rejects.toEqual(
      new PdfSourceError('not_pdf'),
    );
    await expect(openPdfSource(office(null), 1000)).rejects.toMatchObject({ problem: 'missing' });
  });

  it('finds the header within the first KiB, as readers accept it, and not later', () => {
    const late = new Uint8Array(2000);
    late.set(new TextEncoder().encode('%PDF-'), 500);
    expect(looksLikePdf(late)).toBe(true);
    late.fill(0).set(new TextEncoder().encode('%PDF-'), 1500);
    expect(looksLikePdf(late)).toBe(false);
  });

  it('reads a range in calls no larger than one call lends, and joins them in order', async () => {
    const calls: [number, number][] = [];
    const range = await readPdfRange(office(bytes, calls), 2500, 100, 2400, 1000);
    expect(range).toEqual(bytes.slice(100, 2400));
    expect(calls).toEqual([
      [100, 1000],
      [1100, 1000],
      [2100, 300],
    ]);
    expect(await readPdfRange(office(bytes), 2500, 2000, 9000, 1000)).toEqual(bytes.slice(2000));
  });

  it('says the document changed when a range comes from bytes of another size', async () => {
    await expect(readPdfRange(office(bytes.slice(0, 2000)), 2500, 0, 100, 1000)).rejects.toMatchObject({
      problem: 'changed',
    });
  });
});

describe('the viewer’s search', () => {
  it('ignores case and accents and keeps every offset in place', () => {
    expect(foldForSearch('Resolución ÀÉ')).toBe('resolucion ae');
    expect(foldForSearch('Resolución').length).toBe('Resolución'.length);
  });

  it('finds every match, in page order, across items, and says which part of each item it covers', () => {
    const first = pageTextOf([
      { str: 'Informe de la ', hasEOL: false },
      { str: 'Resolución', hasEOL: true },
      { str: 'resolucion final', hasEOL: false },
    ]);
    const second = pageTextOf([{ str: 'Sin nada', hasEOL: false }]);
    const third = pageTextOf([{ str: 'RESOLUCIÓN', hasEOL: false }]);
    const matches = findMatches([first, second, third], 'resolución');
    expect(matches.map((match) => match.page)).toEqual([0, 0, 2]);
    expect(first.text.slice(matches[0]!.start, matches[0]!.end)).toBe('Resolución');
    const across = findMatches([first], 'la   resolucion')[0]!;
    expect(portionsOf(first, [14, 10, 16], across)).toEqual([
      { item: 0, start: 11, end: 14 },
      { item: 1, start: 0, end: 10 },
    ]);
    expect(findMatches([first], '  ')).toEqual([]);
    expect(findMatches([first], 'a.b')).toEqual([]);
  });
});

describe('the viewer’s layout', () => {
  const tops = pageTops([100, 200, 100, 100], 10);

  it('stacks the pages with their gaps and tells which page is at a point', () => {
    expect(tops).toEqual([10, 120, 330, 440]);
    expect(pageAt(tops, 0)).toBe(0);
    expect(pageAt(tops, 119)).toBe(0);
    expect(pageAt(tops, 120)).toBe(1);
    expect(pageAt(tops, 10_000)).toBe(3);
  });

  it('draws the pages in view and a margin around them, no more', () => {
    expect(pagesToDraw(tops, 125, 200, 0)).toEqual({ first: 1, last: 1 });
    expect(pagesToDraw(tops, 125, 200, 1)).toEqual({ first: 0, last: 2 });
    expect(pagesToDraw([], 0, 100, 2)).toEqual({ first: 0, last: -1 });
  });

  it('draws the current page alone until it is drawn, then the pages in view, then the margin', () => {
    const column = pageTops(Array(300).fill(100), 10);
    const view = { top: column[249]!, bottom: column[249]! + 150, current: 249 };
    const drawn = new Set<number>();
    const now = () => pagesToDrawNow(column, view, 2, (page) => drawn.has(page));
    expect(now()).toEqual({ first: 249, last: 249 });
    drawn.add(249);
    expect(now()).toEqual({ first: 249, last: 250 });
    drawn.add(250);
    expect(now()).toEqual({ first: 247, last: 252 });
    expect(pagesToDrawNow([], view, 2, () => true)).toEqual({ first: 0, last: -1 });
  });

  it('zooms by steps within its bounds', () => {
    expect(zoomedIn(1)).toBe(1.25);
    expect(zoomedOut(1.25)).toBe(1);
    expect(zoomedIn(4)).toBe(4);
    expect(zoomedOut(0.25)).toBe(0.25);
  });
});

/** The office's side of `documents.contentRanges` over `stored`, recording every call's ranges. */
function officeOfRanges(stored: Uint8Array | null, calls: ByteRange[][] = []): RangesReader {
  return async (ranges) => {
    calls.push([...ranges]);
    if (stored === null) return { state: 'missing' };
    return {
      state: 'available',
      size: stored.length,
      parts: ranges.map(({ offset, length }) => stored.slice(offset, offset + length)),
    };
  };
}

describe('the viewer’s batched reads', () => {
  it('sends the reads asked for in one turn together, in calls no longer than one call lends', async () => {
    const calls: ByteRange[][] = [];
    const read = batchedReader(officeOfRanges(bytes, calls), 1000, 3);
    const answers = await Promise.all([
      read(0, 400),
      read(500, 400),
      read(1000, 300),
      read(2000, 100),
      read(2400, 100),
    ]);
    expect(calls).toEqual([
      [
        { offset: 0, length: 400 },
        { offset: 500, length: 400 },
      ],
      [
        { offset: 1000, length: 300 },
        { offset: 2000, length: 100 },
        { offset: 2400, length: 100 },
      ],
    ]);
    expect(answers.map((answer) => (answer.state === 'available' ? answer.bytes : null))).toEqual([
      bytes.slice(0, 400),
      bytes.slice(500, 900),
      bytes.slice(1000, 1300),
      bytes.slice(2000, 2100),
      bytes.slice(2400, 2500),
    ]);
    await read(0, 10);
    expect(calls).toHaveLength(3);
  });

  it('tells every read that the document is missing, and passes a failed call on to each', async () => {
    const read = batchedReader(officeOfRanges(null), 1000, 10);
    expect(await Promise.all([read(0, 10), read(10, 10)])).toEqual([
      { state: 'missing' },
      { state: 'missing' },
    ]);
    const failing = batchedReader(() => Promise.reject(new Error('offline')), 1000, 10);
    await expect(Promise.all([failing(0, 10), failing(10, 10)])).rejects.toThrow('offline');
  });
});

describe('a 300-page scan opened by ranges', () => {
  // pdf-lib writes every page as a kid of the root and each page's dictionary next to its
  // picture, all through the file: the shape that made pdf.js read it whole before page 1.
  let scan: Uint8Array;
  beforeAll(async () => {
    scan = await longPdf({ pages: 300, word: 'ornitorrinco', wordPages: [250], pictureSide: 100 });
  });

  it('draws page 1 from a few round trips and a small part of the file, and page 250 from one more', async () => {
    const calls: ByteRange[][] = [];
    // Round trips one after the other: a call made while another is on its way shares its round.
    let rounds = 0;
    let onTheirWay = 0;
    const office = officeOfRanges(scan, calls);
    const slowOffice: RangesReader = async (ranges) => {
      if (onTheirWay++ === 0) rounds++;
      await new Promise((resolve) => setTimeout(resolve, 50));
      onTheirWay--;
      return office(ranges);
    };
    const read = batchedReader(slowOffice, 1024 * 1024, 512);
    const bytesRead = () => calls.flat().reduce((sum, range) => sum + range.length, 0);
    const { document, close } = await openRangedDocument(read, 1024 * 1024);
    try {
      expect(document.numPages).toBe(300);
      await (await document.getPage(1)).getOperatorList();
      // Before: every byte of the file, in 256 KiB chunks of one call each (115 calls for bench/review's 30 MB).
      // The first bytes, the end, every page's dictionary at once, page 1's contents, then its
      // picture: no round more, although dictionaries cross chunk boundaries (each read goes on past it).
      expect(rounds).toBeLessThanOrEqual(5);
      expect(bytesRead()).toBeLessThan(scan.length / 4);
      const before = { calls: calls.length, bytes: bytesRead() };
      const page = await document.getPage(250);
      await page.getOperatorList();
      expect(calls.length - before.calls).toBeLessThanOrEqual(2);
      expect(bytesRead() - before.bytes).toBeLessThan(scan.length / 100);
      const text = await page.getTextContent();
      expect(text.items.map((item) => ('str' in item ? item.str : '')).join(' ')).toContain('ornitorrinco');
    } finally {
      await close();
    }
  });

  it('reads at least a few chunks from where pdf.js asks, so an object across a chunk boundary comes whole', async () => {
    const calls: ByteRange[][] = [];
    const { close } = await openRangedDocument(
      batchedReader(officeOfRanges(scan, calls), 1024 * 1024, 512),
      1024 * 1024,
    );
    await close();
    const short = calls
      .flat()
      .filter((range) => range.length < minReadLength && range.offset + range.length < scan.length);
    expect(minReadLength).toBeGreaterThanOrEqual(2 * rangeChunkSize);
    expect(calls.flat().length).toBeGreaterThanOrEqual(300);
    expect(short).toEqual([]);
  });
});

describe('a range’s bytes from their base64', () => {
  it('are the bytes encoded, whatever they are', () => {
    const every = Uint8Array.from({ length: 256 * 3 }, (_, index) => index % 256);
    for (const bytes of [every, every.subarray(0, 1), every.subarray(0, 2), new Uint8Array()])
      expect(decodeBase64(Buffer.from(bytes).toString('base64'))).toEqual(bytes);
  });
});
