import { describe, expect, it } from 'vitest';
import type { Card, CardCertificate, TokenListing } from '../../../src/shared/api/signing';
import {
  canSign,
  choiceKey,
  choicesOf,
  pickedChoice,
} from '../../../src/renderer/features/signing/sign/cardChoice';

const certificate = (id: string, problems: CardCertificate['problems'] = []): CardCertificate => ({
  id,
  label: `Certificado ${id}`,
  holder: { name: `Titular ${id}`, nif: '12345678Z', organization: null, position: null },
  issuer: 'AC SECTOR PUBLICO PRUEBAS',
  serialHex: id,
  notBefore: '2026-01-01T00:00:00.000Z',
  notAfter: '2028-01-01T00:00:00.000Z',
  keyUsage: ['digitalSignature', 'nonRepudiation'],
  keyType: 'RSA-2048',
  problems,
});

const card = (label: string, certificates: CardCertificate[], problems: Card['problems'] = []): Card => ({
  module: '/usr/lib/softhsm/libsofthsm2.so',
  slotId: '1',
  slotDescription: 'Lector',
  label,
  manufacturer: 'SoftHSM project',
  model: 'SoftHSM v2',
  serial: '1',
  pin: problems.includes('pinLocked') ? 'locked' : 'ready',
  problems,
  certificates,
  certificatesFailure: null,
});

const listing = (...cards: Card[]): TokenListing => ({ modules: [], cards, failure: null });

describe('picking the certificate to sign with', () => {
  it('lists every certificate, those that can sign first', () => {
    const choices = choicesOf(
      listing(
        card('A', [certificate('a1', ['expired']), certificate('a2')]),
        card('B', [certificate('b1')], ['pinLocked']),
      ),
    );
    expect(choices.map((choice) => choice.certificate.id)).toEqual(['a2', 'a1', 'b1']);
    expect(choices.map(canSign)).toEqual([true, false, false]);
  });

  it('picks the only usable certificate by itself, and none when the signer must choose', () => {
    const one = choicesOf(listing(card('A', [certificate('a1'), certificate('a2', ['noNonRepudiation'])])));
    expect(pickedChoice(one, null)?.certificate.id).toBe('a1');
    const two = choicesOf(listing(card('A', [certificate('a1'), certificate('a2')])));
    expect(pickedChoice(two, null)).toBeNull();
    expect(pickedChoice(two, choiceKey(two[1]!))?.certificate.id).toBe('a2');
  });

  it('keeps the signer’s choice across a refetch, and lets it go when its card is taken out', () => {
    const before = choicesOf(listing(card('A', [certificate('a1'), certificate('a2')])));
    const wanted = choiceKey(before[1]!);
    const refetched = choicesOf(listing(card('A', [certificate('a1'), certificate('a2')])));
    expect(pickedChoice(refetched, wanted)?.certificate.id).toBe('a2');
    expect(pickedChoice(choicesOf(listing()), wanted)).toBeNull();
  });
});
