import { describe, expect, it } from 'vitest';
import { nextActiveIndex } from '../../../src/renderer/ui/list-navigation';
import { pagesToLoad, rowAt } from '../../../src/renderer/features/queues/paging';

describe('list keyboard navigation', () => {
  it.each([
    ['ArrowDown', 5, 6],
    ['ArrowUp', 5, 4],
    ['ArrowUp', 0, 0],
    ['ArrowDown', 99_999, 99_999],
    ['Home', 500, 0],
    ['End', 3, 99_999],
    ['PageDown', 0, 9],
    ['PageUp', 5, 0],
    ['PageDown', 99_995, 99_999],
  ])('%s from row %i of 100,000 (10 visible) goes to row %i', (key, from, to) => {
    expect(nextActiveIndex(key, from, 100_000, 10)).toBe(to);
  });

  it('ignores other keys and empty lists', () => {
    expect(nextActiveIndex('c', 3, 10, 5)).toBeNull();
    expect(nextActiveIndex('ArrowDown', 0, 0, 5)).toBeNull();
  });
});

describe('virtual list paging', () => {
  it('loads the pages under the visible rows and the active row, once each, in order', () => {
    expect(pagesToLoad(95, 120, 3, 100)).toEqual([0, 1]);
    expect(pagesToLoad(50_010, 50_030, 50_020, 100)).toEqual([500]);
    expect(pagesToLoad(undefined, undefined, 0, 100)).toEqual([0]);
  });

  it('finds a row only when its page is loaded', () => {
    const pages = [
      { page: 0, rows: ['a', 'b'] },
      { page: 3, rows: undefined },
    ];
    expect(rowAt(pages, 1, 2)).toBe('b');
    expect(rowAt(pages, 6, 2)).toBeUndefined();
    expect(rowAt(pages, 4, 2)).toBeUndefined();
  });
});
