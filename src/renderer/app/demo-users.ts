import type { SeatedUser, Locale } from '../../shared/api/session';
import { localizedUser } from '../../shared/i18n/catalogue-names';

export interface DepartmentGroup {
  departmentId: string;
  departmentName: string;
  users: SeatedUser[];
}

/** Case- and accent-insensitive form for matching what people type against names. */
export const foldText = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase('es')
    .trim();

/**
 * Demo users matching every word of `search` (in name, department or position, in either
 * language, or the name of the person a class put on the seat), grouped by department in
 * alphabetical order, people alphabetical inside each group; departments and positions as the
 * `locale` names them.
 */
export function groupDemoUsers(
  users: readonly SeatedUser[],
  search: string,
  collator: Intl.Collator,
  locale: Locale = 'es',
): DepartmentGroup[] {
  const words = foldText(search).split(/\s+/).filter(Boolean);
  const matches = users.flatMap((stored) => {
    const user = { ...stored, ...localizedUser(stored, locale) };
    const haystack = foldText(
      `${user.name} ${user.departmentName} ${user.position} ${stored.departmentName} ${stored.position} ${stored.personName ?? ''}`,
    );
    return words.every((word) => haystack.includes(word)) ? [user] : [];
  });
  const groups = new Map<string, DepartmentGroup>();
  for (const user of matches) {
    let group = groups.get(user.departmentId);
    if (!group) {
      group = { departmentId: user.departmentId, departmentName: user.departmentName, users: [] };
      groups.set(user.departmentId, group);
    }
    group.users.push(user);
  }
  const sorted = [...groups.values()].sort((a, b) => collator.compare(a.departmentName, b.departmentName));
  for (const group of sorted) group.users.sort((a, b) => collator.compare(a.name, b.name));
  return sorted;
}
