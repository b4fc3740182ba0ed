import type { Locale, UserSummary } from '../api/session';
import { es } from './es';
import { isMessageKey, locales, translate, type MessageKey } from './index';

/** Job titles a user's record holds in Spanish, and their catalogue key. */
const fixedPositions: Record<string, MessageKey> = {
  'Técnico/a de administración general': 'catalogue.position.generalTechnician',
  'Administrativo/a tramitador/a': 'catalogue.position.processor',
  'Formadora de administración electrónica': 'catalogue.position.trainer',
  'Administración de sistemas': 'catalogue.position.sysadmin',
};

/** Titles that name their department: "Jefatura de servicio de Urbanismo". */
const departmentalPositions: [prefix: string, key: MessageKey][] = [
  ['Jefatura de servicio de ', 'catalogue.position.head'],
  ['Concejalía delegada de ', 'catalogue.position.councillor'],
];

/** "de Tributos", "de Tributs", "d’Urbanisme": Valencian elides before a vowel or a mute h. */
function ofName(name: string, locale: Locale): string {
  return locale === 'ca-valencia' && /^h?[aeiouàèéíïòóúü]/i.test(name) ? `d’${name}` : `de ${name}`;
}

/** A department's name in the user's language; one the catalogue does not know keeps its own. */
export function departmentName(departmentId: string, stored: string, locale: Locale): string {
  const key = `catalogue.department.${departmentId}`;
  return isMessageKey(key) ? translate(locale, key) : stored;
}

/** The catalogue's department whose Spanish name this is, named in `locale`; else the name as it is. */
function departmentNamed(spanishName: string, locale: Locale): string {
  const key = (Object.keys(es) as MessageKey[]).find(
    (candidate) => candidate.startsWith('catalogue.department.') && es[candidate] === spanishName,
  );
  return key ? translate(locale, key) : spanishName;
}

/** A job title in the user's language; one the catalogue does not know is shown as stored. */
export function positionName(position: string, locale: Locale): string {
  const fixed = fixedPositions[position];
  if (fixed) return translate(locale, fixed);
  for (const [prefix, key] of departmentalPositions) {
    if (!position.startsWith(prefix)) continue;
    const department = departmentNamed(position.slice(prefix.length), locale);
    return translate(locale, key, { ofDepartment: ofName(department, locale) });
  }
  return position;
}

/** The titles the office and the demo city give documents, whichever language one was filed in. */
const documentTitleKeys = (Object.keys(es) as MessageKey[]).filter((key) =>
  key.startsWith('catalogue.document.'),
);

/** Apostrophes typed straight or curly ("d'esmena", "d’esmena") name the same document. */
const sameTitle = (a: string, b: string) => a.replace(/'/g, '’') === b.replace(/'/g, '’');

/**
 * A document's title in the user's language: a title the catalogue knows, in either language, with
 * whatever follows it ("Requerimiento de subsanación · 2026/URB-000123"); anything else (an upload's
 * own title, a resolution titled by its processor) as it was filed.
 */
export function documentTitle(stored: string, locale: Locale): string {
  const [, head = stored, rest = ''] = /^(.*?)((?: · | — ).*)?$/su.exec(stored) ?? [];
  const key = documentTitleKeys.find((candidate) =>
    locales.some((language) => sameTitle(translate(language, candidate), head)),
  );
  return key ? `${translate(locale, key)}${rest}` : stored;
}

/** The person as the screen shows them: department and title in the user's language. */
export function localizedUser(user: UserSummary, locale: Locale): UserSummary {
  return {
    ...user,
    departmentName: departmentName(user.departmentId, user.departmentName, locale),
    position: positionName(user.position, locale),
  };
}
