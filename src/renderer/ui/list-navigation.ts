/**
 * Where the active row goes for a navigation key in a list of `count` rows, `pageSize` of them
 * visible at once; null when the key is not a navigation key (or the list is empty).
 */
export function nextActiveIndex(
  key: string,
  current: number,
  count: number,
  pageSize: number,
): number | null {
  if (count <= 0) return null;
  const last = count - 1;
  const clamp = (index: number) => Math.min(last, Math.max(0, index));
  const step = Math.max(1, pageSize - 1);
  switch (key) {
    case 'ArrowDown':
      return clamp(current + 1);
    case 'ArrowUp':
      return clamp(current - 1);
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'PageDown':
      return clamp(current + step);
    case 'PageUp':
      return clamp(current - step);
    default:
      return null;
  }
}

/** True when a key press should be left to a text field instead of being read as a shortcut. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName);
}
