import type { MessageKey } from './fill';
import { isMessageKey } from './keys';

/**
 * A calendar layer's place as a reader sees it: a community by its name in the reader's language
 * (the data names it by its file's id, `madrid`), a municipality by the name its file gives it.
 */
export function calendarPlace(
  layer: string,
  place: string | undefined,
  text: (key: MessageKey) => string,
): string {
  if (place === undefined) return '';
  const key = `calendar.region.${place}`;
  return layer === 'regional' && isMessageKey(key) ? text(key) : place;
}
