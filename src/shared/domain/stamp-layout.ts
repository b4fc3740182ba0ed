/** A box on a page, in PDF points from the bottom-left corner. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface StampArea {
  /** Where the signatures go: the free band below the text of the last page, or a whole page. */
  area: Box;
  /** The smallest stamp that stays legible (the stamp's font shrinks with its box). */
  minWidth: number;
  minHeight: number;
  gap: number;
}

/**
 * Lays out one stamp per signer in rows inside the area, left to right and top to bottom, all the
 * same size and separated by `gap`, so the boxes of several signers never overlap. Returns null when
 * they do not fit at their smallest legible size (the caller puts them on a page of their own).
 */
export function layoutStamps(count: number, spec: StampArea): Box[] | null {
  if (count <= 0) return [];
  const { area, minWidth, minHeight, gap } = spec;
  const perRow = Math.max(1, Math.min(count, Math.floor((area.width + gap) / (minWidth + gap))));
  const rows = Math.ceil(count / perRow);
  const width = (area.width - gap * (perRow - 1)) / perRow;
  const height = Math.min(minHeight * 1.5, (area.height - gap * (rows - 1)) / rows);
  if (width < minWidth || height < minHeight) return null;
  return Array.from({ length: count }, (_, index) => {
    const row = Math.floor(index / perRow);
    const column = index % perRow;
    return {
      x: area.x + column * (width + gap),
      y: area.y + area.height - (row + 1) * height - row * gap,
      width,
      height,
    };
  });
}
