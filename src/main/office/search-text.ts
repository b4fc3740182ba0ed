/** Lower case without accents: what both the stored search column and the typed filter become. */
export const foldSearchText = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

/** The words of a typed filter, each escaped for LIKE (every word must match somewhere). */
export const likePatterns = (text: string | undefined): string[] =>
  foldSearchText(text ?? '')
    .split(' ')
    .filter(Boolean)
    .map((word) => `%${word.replace(/[\\%_]/g, (char) => `\\${char}`)}%`);
