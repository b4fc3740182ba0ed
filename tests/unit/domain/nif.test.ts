import { describe, expect, it } from 'vitest';
import { nifLetter, personalNifKind } from '../../../src/shared/domain/nif';

describe('personal identity numbers', () => {
  it('computes the check letter of the number modulo 23 (12345678 → Z, 0 → T, 22 → E)', () => {
    expect(nifLetter(12345678)).toBe('Z');
    expect(nifLetter(0)).toBe('T');
    expect(nifLetter(22)).toBe('E');
  });

  it('recognises a DNI and a NIE with the right letter, in either case', () => {
    expect(personalNifKind('12345678Z')).toBe('nif');
    expect(personalNifKind('12345678z')).toBe('nif');
    // X1234567 stands for 01234567 → L; Y1234567 for 11234567 → X.
    expect(personalNifKind('X1234567L')).toBe('nie');
    expect(personalNifKind('Y1234567X')).toBe('nie');
  });

  it('refuses a wrong letter, a company CIF, and anything not shaped like a NIF', () => {
    for (const value of ['12345678A', 'X1234567A', 'B12345674', '1234567Z', '123456789', ' 12345678Z', ''])
      expect(personalNifKind(value), value).toBeNull();
  });
});
