import { describe, expect, it } from 'vitest';
import { ApplicantFactory } from '../../../src/main/office/demo/applicants';
import { checkTaxId, cifFor, nieFor, nifFor } from '../../../src/main/office/demo/ids';
import { Prng } from '../../../src/main/office/demo/prng';

describe('NIF, NIE and CIF check characters', () => {
  it.each([
    ['12345678Z', 'nif'],
    ['00000000T', 'nif'],
    ['99999999R', 'nif'],
    ['X1234567L', 'nie'],
    ['Y0000000Z', 'nie'],
    ['Z1234567R', 'nie'],
    ['Q2826000H', 'cif'], // Agencia Estatal de Administración Tributaria: letter control
    ['A82018474', 'cif'], // a public limited company: digit control
  ])('accepts %s as a valid %s', (id, kind) => {
    expect(checkTaxId(id)).toBe(kind);
  });

  it.each(['12345678A', 'X1234567A', 'Q2826000J', 'A82018475', 'A8201847D', '1234567Z', 'I1234567A', ''])(
    'rejects %s',
    (id) => {
      expect(checkTaxId(id)).toBeNull();
    },
  );

  it('builds identifiers that check', () => {
    expect(nifFor(12_345_678)).toBe('12345678Z');
    expect(nieFor('X', 1_234_567)).toBe('X1234567L');
    expect(cifFor('Q', '2826000')).toBe('Q2826000H');
    expect(cifFor('A', '8201847')).toBe('A82018474');
    expect(() => nifFor(100_000_000)).toThrow(RangeError);
    expect(() => cifFor('I', '1234567')).toThrow(RangeError);
  });

  it('gives demo applicants valid, unique identifiers from the unissued blocks', () => {
    const factory = new ApplicantFactory(new Prng(7));
    const applicants = Array.from({ length: 2000 }, () => factory.next());
    expect(new Set(applicants.map((applicant) => applicant.nif)).size).toBe(applicants.length);
    for (const applicant of applicants) {
      const kind = checkTaxId(applicant.nif);
      expect(kind).not.toBeNull();
      if (kind === 'nif') expect(applicant.nif.startsWith('99')).toBe(true);
      if (kind === 'nie') expect(applicant.nif.startsWith('Z9')).toBe(true);
      if (kind === 'cif') expect(applicant.nif.slice(1, 3)).toBe('00');
      expect(applicant.kind).toBe(kind === 'cif' ? 'legal' : 'natural');
    }
    expect(new Set(applicants.map((applicant) => checkTaxId(applicant.nif)))).toEqual(
      new Set(['nif', 'nie', 'cif']),
    );
  });

  it('is deterministic for a seed', () => {
    const names = (seed: number) => {
      const factory = new ApplicantFactory(new Prng(seed));
      return Array.from({ length: 20 }, () => factory.next().nif);
    };
    expect(names(3)).toEqual(names(3));
    expect(names(3)).not.toEqual(names(4));
  });
});
