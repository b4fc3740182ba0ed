/**
 * The pages (of `pageSize` rows) to have in memory for rows `first..last` on screen plus the
 * active row, in ascending order; page 0 when nothing is on screen yet (the total is unknown).
 */
export function pagesToLoad(
  first: number | undefined,
  last: number | undefined,
  active: number,
  pageSize: number,
): number[] {
  const pages = new Set<number>([Math.floor(active / pageSize)]);
  if (first !== undefined && last !== undefined) {
    for (let page = Math.floor(first / pageSize); page <= Math.floor(last / pageSize); page++)
      pages.add(page);
  }
  return [...pages].sort((a, b) => a - b);
}

export interface LoadedPage<Row> {
  page: number;
  rows: readonly Row[] | undefined;
}

/** The row at `index` if its page is loaded. */
export function rowAt<Row>(
  pages: readonly LoadedPage<Row>[],
  index: number,
  pageSize: number,
): Row | undefined {
  const page = pages.find((candidate) => candidate.page === Math.floor(index / pageSize));
  return page?.rows?.[index % pageSize];
}
