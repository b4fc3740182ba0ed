import type { ItemPortion } from './find';

/**
 * Marks search matches inside the text layer's spans (one span per text item): each span's text is
 * rebuilt from its item's string, with <mark> around the parts matched; the current match's parts
 * get their own class. Returns the first mark of the current match, to scroll to.
 */
export function highlightSpans(
  spans: readonly HTMLElement[],
  strings: readonly string[],
  portions: readonly ItemPortion[],
  current: readonly ItemPortion[],
): HTMLElement | null {
  const byItem = new Map<number, { start: number; end: number; current: boolean }[]>();
  const add = (portion: ItemPortion, isCurrent: boolean) => {
    const list = byItem.get(portion.item) ?? [];
    list.push({ start: portion.start, end: portion.end, current: isCurrent });
    byItem.set(portion.item, list);
  };
  const currentKeys = new Set(current.map((portion) => `${portion.item}:${portion.start}`));
  for (const portion of portions) add(portion, currentKeys.has(`${portion.item}:${portion.start}`));
  let first: HTMLElement | null = null;
  spans.forEach((span, item) => {
    const text = strings[item] ?? '';
    const marks = byItem.get(item)?.sort((a, b) => a.start - b.start);
    if (!marks) {
      if (span.childElementCount > 0) span.textContent = text;
      return;
    }
    const parts: Node[] = [];
    let at = 0;
    for (const mark of marks) {
      if (mark.start > at) parts.push(document.createTextNode(text.slice(at, mark.start)));
      const element = document.createElement('mark');
      element.className = mark.current ? 'pdf-match pdf-match--current' : 'pdf-match';
      element.textContent = text.slice(mark.start, mark.end);
      if (mark.current && first === null) first = element;
      parts.push(element);
      at = Math.max(at, mark.end);
    }
    if (at < text.length) parts.push(document.createTextNode(text.slice(at)));
    span.replaceChildren(...parts);
  });
  return first;
}
