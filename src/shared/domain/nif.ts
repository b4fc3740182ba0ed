/** Spanish personal identity numbers (DNI-style NIF and NIE) and their check letter. */

const nifLetters = 'TRWAGMYFPDXBNJZSQVHLCKE';

/** The check letter of a DNI number, or of a NIE's whole number (X, Y, Z standing for 0, 1, 2). */
export const nifLetter = (number: number): string => nifLetters[number % 23]!;

/**
 * A person's identity number with the right check letter: 8 digits and a letter (a DNI's NIF), or X,
 * Y or Z, 7 digits and a letter (a NIE); null for anything else, a company's CIF included.
 */
export function personalNifKind(value: string): 'nif' | 'nie' | null {
  const id = value.toUpperCase();
  if (/^\d{8}[A-Z]$/.test(id)) return id[8] === nifLetter(Number(id.slice(0, 8))) ? 'nif' : null;
  if (/^[XYZ]\d{7}[A-Z]$/.test(id)) {
    const number = Number(`${'XYZ'.indexOf(id[0]!)}${id.slice(1, 8)}`);
    return id[8] === nifLetter(number) ? 'nie' : null;
  }
  return null;
}
