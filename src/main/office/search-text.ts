/**
 * Lower case without accents: what both the stored search column and the typed filter become.
 * Canonical decomposition first makes a name typed or pasted decomposed ("A" + U+0301) and its
 * composed (NFC) form the same text (NFD of either is identical), and lets the accents go.
 */
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
