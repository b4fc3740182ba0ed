/** Where each page sits in the scrolled column: its top, given every page's height and the gap. */
export function pageTops(heights: readonly number[], gap: number): number[] {
  const tops: number[] = [];
  let top = gap;
  for (const height of heights) {
    tops.push(top);
    top += height + gap;
  }
  return tops;
}

/** The page (0-based) under a point of the column: the last whose top is at or above it. */
export function pageAt(tops: readonly number[], y: number): number {
  let low = 0;
  let high = tops.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (tops[middle]! <= y) low = middle;
    else high = middle - 1;
  }
  return Math.max(0, low);
}

/**
 * The pages (0-based, inclusive) worth drawing for a viewport from `top` to `bottom`: those it
 * shows and `margin` more on each side, so scrolling finds the next page drawn.
 */
export function pagesToDraw(
  tops: readonly number[],
  top: number,
  bottom: number,
  margin: number,
): { first: number; last: number } {
  if (tops.length === 0) return { first: 0, last: -1 };
  return {
    first: Math.max(0, pageAt(tops, top) - margin),
    last: Math.min(tops.length - 1, pageAt(tops, bottom) + margin),
  };
}

/**
 * The pages (0-based, inclusive) to draw now, in turns: the current page alone until it is drawn,
 * then every page in view, then `margin` more on each side. A jump to page 250 draws page 250
 * before its neighbours take pdf.js's worker and the office's ranges.
 */
export function pagesToDrawNow(
  tops: readonly number[],
  view: { top: number; bottom: number; current: number },
  margin: number,
  isDrawn: (page: number) => boolean,
): { first: number; last: number } {
  if (tops.length === 0) return { first: 0, last: -1 };
  const current = Math.min(tops.length - 1, Math.max(0, view.current));
  if (!isDrawn(current)) return { first: current, last: current };
  const inView = pagesToDraw(tops, view.top, view.bottom, 0);
  for (let page = inView.first; page <= inView.last; page++) if (!isDrawn(page)) return inView;
  return pagesToDraw(tops, view.top, view.bottom, margin);
}

export const minZoom = 0.25;
export const maxZoom = 4;
const zoomStep = 1.25;

export const clampZoom = (zoom: number): number => Math.min(maxZoom, Math.max(minZoom, zoom));
export const zoomedIn = (zoom: number): number => clampZoom(Math.round(zoom * zoomStep * 100) / 100);
export const zoomedOut = (zoom: number): number => clampZoom(Math.round((zoom / zoomStep) * 100) / 100);
