import { describe, expect, it } from 'vitest';
import { findMatches, foldForSearch, pageTextOf, portionsOf } from '../../../src/renderer/ui/pdf-viewer/find';
import {
  pageAt,
  pagesToDraw,
  pageTops,
  zoomedIn,
  zoomedOut,
} from '../../../src/renderer/ui/pdf-viewer/layout';
import {
  looksLikePdf,
  openPdfSource,
  PdfSourceError,
  readPdfRange,
  type RangeReader,
} from '../../../src/renderer/ui/pdf-viewer/range-source';

const bytes = Uint8Array.from({ length: 2500 }, (_, index) => index % 251);
bytes.set(new TextEncoder().encode('%PDF-1.7'), 0);

/** The office's side of `documents.content`, over `bytes`, recording every call. */
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

  it('zooms by steps within its bounds', () => {
    expect(zoomedIn(1)).toBe(1.25);
    expect(zoomedOut(1.25)).toBe(1);
    expect(zoomedIn(4)).toBe(4);
    expect(zoomedOut(0.25)).toBe(0.25);
  });
});
