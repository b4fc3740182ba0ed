/** Spanish identity numbers: DNI-style NIF, NIE and CIF, with their check characters. */
import { nifLetter, personalNifKind } from '../../../shared/domain/nif';

const cifLetters = 'JABCDEFGHI';

/** 8 digits and the letter of the number modulo 23. */
export function nifFor(number: number): string {
  if (!Number.isInteger(number) || number < 0 || number > 99_999_999)
    throw new RangeError('NIF number out of range');
  return `${String(number).padStart(8, '0')}${nifLetter(number)}`;
}

/** X, Y or Z (standing for 0, 1, 2), 7 digits and the NIF letter of the whole number. */
export function nieFor(prefix: 'X' | 'Y' | 'Z', number: number): string {
  if (!Number.isInteger(number) || number < 0 || number > 9_999_999)
    throw new RangeError('NIE number out of range');
  const digits = String(number).padStart(7, '0');
  return `${prefix}${digits}${nifLetter(Number(`${'XYZ'.indexOf(prefix)}${digits}`))}`;
}

/** The CIF control value of 7 digits: 0–9, shown as a digit or as a letter of JABCDEFGHI. */
function cifControl(digits: string): number {
  let sum = 0;
  for (let index = 0; index < 7; index += 1) {
    const digit = Number(digits[index]);
    if (index % 2 === 1) sum += digit;
    else {
      const doubled = digit * 2;
      sum += Math.floor(doubled / 10) + (doubled % 10);
    }
  }
  return (10 - (sum % 10)) % 10;
}

/** Entity types whose control is always a letter, and always a digit; the rest accept either. */
const letterControl = new Set(['N', 'P', 'Q', 'R', 'S', 'W']);
const digitControl = new Set(['A', 'B', 'E', 'H']);
const cifTypes = 'ABCDEFGHJNPQRSUVW';

export function cifFor(type: string, digits: string): string {
  if (type.length !== 1 || !cifTypes.includes(type) || !/^\d{7}$/.test(digits))
    throw new RangeError('CIF type or digits not valid');
  const control = cifControl(digits);
  return `${type}${digits}${letterControl.has(type) ? cifLetters[control] : String(control)}`;
}

export type TaxIdKind = 'nif' | 'nie' | 'cif';

/** Recognizes and checks a NIF, NIE or CIF; null when the form or the check character is wrong. */
export function checkTaxId(value: string): TaxIdKind | null {
  const id = value.toUpperCase();
  const personal = personalNifKind(id);
  if (personal) return personal;
  const cif = /^([ABCDEFGHJNPQRSUVW])(\d{7})([0-9A-J])$/.exec(id);
  if (!cif) return null;
  const [, type, digits, given] = cif as unknown as [string, string, string, string];
  const control = cifControl(digits);
  const asLetter = cifLetters[control]!;
  const asDigit = String(control);
  if (letterControl.has(type)) return given === asLetter ? 'cif' : null;
  if (digitControl.has(type)) return given === asDigit ? 'cif' : null;
  return given === asLetter || given === asDigit ? 'cif' : null;
}
