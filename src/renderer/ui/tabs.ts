import { nextActiveIndex } from './list-navigation';

const tabKeys: Partial<Record<string, string>> = {
  ArrowRight: 'ArrowDown',
  ArrowLeft: 'ArrowUp',
  Home: 'Home',
  End: 'End',
};

/** The tab a key moves to in a tab list (WAI-ARIA tabs: arrows, Home, End); undefined for other keys. */
export function tabAfterKey<T>(key: string, tabs: readonly T[], selected: T): T | undefined {
  const mapped = tabKeys[key];
  if (!mapped) return undefined;
  const next = nextActiveIndex(mapped, tabs.indexOf(selected), tabs.length, 1);
  return next === null ? undefined : tabs[next];
}
