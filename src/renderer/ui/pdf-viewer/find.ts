/**
 * Text search over a document's pages as pdf.js extracts them: case and accents ignored
 * ("resolucion" finds "Resolución"), every character kept in place so a match's offsets are the
 * page text's offsets, and from there the text layer's spans.
 */
export function foldForSearch(text: string): string {
  let folded = '';
  for (const char of text) {
    const plain = char.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('es');
    const lower = char.toLocaleLowerCase('es');
    folded += plain.length === char.length ? plain : lower.length === char.length ? lower : char;
  }
  return folded;
}

/** A page's text: its items joined (a space where an item ends a line), and where each item starts. */
export interface PageText {
  text: string;
  starts: number[];
}

export function pageTextOf(items: readonly { str: string; hasEOL: boolean }[]): PageText {
  const starts: number[] = [];
  let text = '';
  for (const item of items) {
    starts.push(text.length);
    text += item.str;
    if (item.hasEOL) text += ' ';
  }
  return { text, starts };
}

export interface Match {
  /** 0-based. */
  page: number;
  start: number;
  end: number;
}

/** Every match of `query` in the pages' texts, in reading order; blanks in the query match any run of them. */
export function findMatches(pages: readonly PageText[], query: string): Match[] {
  const words = foldForSearch(query).trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const pattern = new RegExp(
    words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'),
    'gu',
  );
  const matches: Match[] = [];
  pages.forEach((page, index) => {
    for (const found of foldForSearch(page.text).matchAll(pattern))
      matches.push({ page: index, start: found.index, end: found.index + found[0].length });
  });
  return matches;
}

/** The part of one item (its text layer span) a match covers, in the item's own offsets. */
export interface ItemPortion {
  item: number;
  start: number;
  end: number;
}

export function portionsOf(page: PageText, itemLengths: readonly number[], match: Match): ItemPortion[] {
  const portions: ItemPortion[] = [];
  page.starts.forEach((itemStart, item) => {
    const itemEnd = itemStart + (itemLengths[item] ?? 0);
    const start = Math.max(match.start, itemStart);
    const end = Math.min(match.end, itemEnd);
    if (start < end) portions.push({ item, start: start - itemStart, end: end - itemStart });
  });
  return portions;
}
