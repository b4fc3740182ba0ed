import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useCallback, useMemo, useRef, useState } from 'react';
import { findMatches, pageTextOf, portionsOf, type ItemPortion, type Match, type PageText } from './find';

interface PageIndex {
  text: PageText;
  itemLengths: number[];
}

/** Every page's text, read once per document on the first search. */
async function indexPages(pdf: PDFDocumentProxy): Promise<PageIndex[]> {
  const pages: PageIndex[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const content = await (await pdf.getPage(number)).getTextContent();
    const items = content.items.filter((item) => 'str' in item);
    pages.push({ text: pageTextOf(items), itemLengths: items.map((item) => item.str.length) });
  }
  return pages;
}

export interface Search {
  query: string;
  matches: readonly Match[];
  /** Index into `matches` of the one shown, or -1. */
  current: number;
  searching: boolean;
  /** Searches `query` (again, if it changed) and moves to the next or previous match. */
  find(query: string, direction: 1 | -1, fromPage: number): Promise<Match | null>;
  /** The parts of the page's text layer items to mark, and those of the current match. */
  portionsOnPage(page: number): { all: readonly ItemPortion[]; current: readonly ItemPortion[] };
}

export function useSearch(pdf: PDFDocumentProxy | null): Search {
  const index = useRef<{ pdf: PDFDocumentProxy; pages: Promise<PageIndex[]> } | null>(null);
  const [pages, setPages] = useState<PageIndex[] | null>(null);
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<readonly Match[]>([]);
  const [current, setCurrent] = useState(-1);
  const [searching, setSearching] = useState(false);

  const find = useCallback(
    async (wanted: string, direction: 1 | -1, fromPage: number): Promise<Match | null> => {
      if (!pdf) return null;
      if (index.current?.pdf !== pdf) index.current = { pdf, pages: indexPages(pdf) };
      setSearching(true);
      const indexed = await index.current.pages.finally(() => setSearching(false));
      setPages(indexed);
      if (wanted !== query) {
        const found = findMatches(
          indexed.map((page) => page.text),
          wanted,
        );
        const first = found.findIndex((match) => match.page + 1 >= fromPage);
        const start = found.length === 0 ? -1 : first === -1 ? 0 : first;
        setQuery(wanted);
        setMatches(found);
        setCurrent(start);
        return found[start] ?? null;
      }
      if (matches.length === 0) return null;
      const next = (current + direction + matches.length) % matches.length;
      setCurrent(next);
      return matches[next] ?? null;
    },
    [pdf, query, matches, current],
  );

  const byPage = useMemo(() => {
    const grouped = new Map<number, { all: ItemPortion[]; current: ItemPortion[] }>();
    if (!pages) return grouped;
    matches.forEach((match, position) => {
      const page = pages[match.page];
      if (!page) return;
      const portions = portionsOf(page.text, page.itemLengths, match);
      const entry = grouped.get(match.page) ?? { all: [], current: [] };
      entry.all.push(...portions);
      if (position === current) entry.current.push(...portions);
      grouped.set(match.page, entry);
    });
    return grouped;
  }, [pages, matches, current]);

  const portionsOnPage = useCallback((page: number) => byPage.get(page) ?? noPortions, [byPage]);

  return { query, matches, current, searching, find, portionsOnPage };
}

const noPortions = { all: [], current: [] } as const;
