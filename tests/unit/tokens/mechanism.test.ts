import {
  constants,
  createHash,
  generateKeyPairSync,
  privateEncrypt,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HashAlgorithm, KeyAlgorithm } from '../../../src/main/desk/signing-session';
import { CKG_MGF1, CKM } from '../../../src/main/desk/tokens/constants';
import { TokenError } from '../../../src/main/desk/tokens/errors';
import { ecdsaRawToDer, signingPlan } from '../../../src/main/desk/tokens/mechanism';
import { thrownBy } from './support/outcome';

const rsa: KeyAlgorithm = { type: 'rsa', bits: 2048 };
const ecP256: KeyAlgorithm = { type: 'ec', curve: 'P-256' };
// Stands in for the DER SET OF signed attributes that CMS hands the token.
const data = new Uint8Array(Buffer.from('signed attributes of resolución 2026/000123', 'utf8'));

const nodeHash: Record<HashAlgorithm, string> = {
  'SHA-256': 'sha256',
  'SHA-384': 'sha384',
  'SHA-512': 'sha512',
};
const digestOf = (hash: HashAlgorithm, bytes: Uint8Array) =>
  new Uint8Array(createHash(nodeHash[hash]).update(bytes).digest());
const offering = (...mechanisms: number[]): ReadonlySet<number> => new Set(mechanisms);
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const fromHex = (text: string) => new Uint8Array(Buffer.from(text.replace(/\s/g, ''), 'hex'));

describe('signingPlan for RSA PKCS#1 v1.5', () => {
  let keys: { privateKey: KeyObject; publicKey: KeyObject };
  beforeAll(() => {
    keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  });

  it.each([
    ['SHA-256', CKM.SHA256_RSA_PKCS],
    ['SHA-384', CKM.SHA384_RSA_PKCS],
    ['SHA-512', CKM.SHA512_RSA_PKCS],
  ] as const)('lets a card offering the %s mechanism hash the data itself', (hash, mechanism) => {
    const plan = signingPlan(rsa, { hash, scheme: 'rsa-pkcs1' }, offering(mechanism, CKM.RSA_PKCS), data);
    expect(plan.mechanism).toEqual({ type: mechanism });
    expect(hex(plan.payload)).toBe(hex(data));
    expect(hex(plan.finish(Uint8Array.of(1, 2, 3)))).toBe('010203');
  });

  it.each(['SHA-256', 'SHA-384', 'SHA-512'] as const)(
    'wraps the %s digest in a DigestInfo that verifies when the card only offers CKM_RSA_PKCS',
    (hash) => {
      const plan = signingPlan(rsa, { hash, scheme: 'rsa-pkcs1' }, offering(CKM.RSA_PKCS), data);
      expect(plan.mechanism).toEqual({ type: CKM.RSA_PKCS });
      // What a card does with CKM_RSA_PKCS: EMSA-PKCS1-v1_5 padding of the bytes it is given, then RSA.
      const signature = privateEncrypt(
        { key: keys.privateKey, padding: constants.RSA_PKCS1_PADDING },
        plan.payload,
      );
      expect(verify(nodeHash[hash], data, keys.publicKey, plan.finish(new Uint8Array(signature)))).toBe(true);
    },
  );

  it('never hands a card a bare digest under CKM_RSA_PKCS', () => {
    const plan = signingPlan(rsa, { hash: 'SHA-256', scheme: 'rsa-pkcs1' }, offering(CKM.RSA_PKCS), data);
    expect(plan.payload.length).toBe(19 + 32);
    expect(hex(plan.payload.subarray(19))).toBe(hex(digestOf('SHA-256', data)));
  });
});

describe('signingPlan for RSA-PSS', () => {
  it('asks a card offering CKM_SHA256_RSA_PKCS_PSS for it with SHA-256, MGF1-SHA-256 and a 32-byte salt', () => {
    const plan = signingPlan(
      rsa,
      { hash: 'SHA-256', scheme: 'rsa-pss' },
      offering(CKM.SHA256_RSA_PKCS_PSS, CKM.RSA_PKCS_PSS),
      data,
    );
    expect(plan.mechanism.type).toBe(CKM.SHA256_RSA_PKCS_PSS);
    expect(plan.mechanism.pss).toEqual({ hashAlg: 0x250, mgf: 2, saltLen: 32 });
    expect(hex(plan.payload)).toBe(hex(data));
  });

  it('hashes the data itself when the card only offers CKM_RSA_PKCS_PSS', () => {
    const plan = signingPlan(rsa, { hash: 'SHA-256', scheme: 'rsa-pss' }, offering(CKM.RSA_PKCS_PSS), data);
    expect(plan.mechanism).toEqual({
      type: CKM.RSA_PKCS_PSS,
      pss: { hashAlg: CKM.SHA256, mgf: CKG_MGF1.SHA256, saltLen: 32 },
    });
    expect(hex(plan.payload)).toBe(hex(digestOf('SHA-256', data)));
  });

  it('matches hash, MGF1 and salt length for SHA-512', () => {
    const plan = signingPlan(
      rsa,
      { hash: 'SHA-512', scheme: 'rsa-pss' },
      offering(CKM.SHA512_RSA_PKCS_PSS),
      data,
    );
    expect(plan.mechanism).toEqual({
      type: CKM.SHA512_RSA_PKCS_PSS,
      pss: { hashAlg: CKM.SHA512, mgf: CKG_MGF1.SHA512, saltLen: 64 },
    });
  });

  it('does not fall back to PKCS#1 v1.5 when PSS was asked for', () => {
    const error = thrownBy(() =>
      signingPlan(
        rsa,
        { hash: 'SHA-256', scheme: 'rsa-pss' },
        offering(CKM.RSA_PKCS, CKM.SHA256_RSA_PKCS),
        data,
      ),
    );
    expect(error).toBeInstanceOf(TokenError);
    expect((error as TokenError).code).toBe('mechanism_unsupported');
  });
});

describe('signingPlan for ECDSA', () => {
  it('hands the digest to a card offering CKM_ECDSA', () => {
    const plan = signingPlan(ecP256, { hash: 'SHA-384', scheme: 'ecdsa' }, offering(CKM.ECDSA), data);
    expect(plan.mechanism).toEqual({ type: CKM.ECDSA });
    expect(hex(plan.payload)).toBe(hex(digestOf('SHA-384', data)));
  });

  it('hands the data unchanged to a card that only offers CKM_ECDSA_SHA256', () => {
    const plan = signingPlan(ecP256, { hash: 'SHA-256', scheme: 'ecdsa' }, offering(CKM.ECDSA_SHA256), data);
    expect(plan.mechanism).toEqual({ type: CKM.ECDSA_SHA256 });
    expect(hex(plan.payload)).toBe(hex(data));
  });

  it.each([
    ['P-256', 'prime256v1', 'SHA-256'],
    ['P-384', 'secp384r1', 'SHA-384'],
  ] as const)('turns a raw %s r‖s into DER that node:crypto verifies', (curve, namedCurve, hash) => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve });
    const plan = signingPlan({ type: 'ec', curve }, { hash, scheme: 'ecdsa' }, offering(CKM.ECDSA), data);
    // Several signatures, so r and s with and without the top bit set both go through.
    for (let round = 0; round < 16; round++) {
      const raw = sign(nodeHash[hash], data, { key: privateKey, dsaEncoding: 'ieee-p1363' });
      const der = plan.finish(new Uint8Array(raw));
      expect(verify(nodeHash[hash], data, { key: publicKey, dsaEncoding: 'der' }, der)).toBe(true);
    }
  });
});

describe('ecdsaRawToDer', () => {
  it('pads an integer whose top bit is set with 0x00', () => {
    expect(hex(ecdsaRawToDer(fromHex('80010203 01020304')))).toBe('300d' + '02050080010203' + '020401020304');
  });

  it('trims leading zero bytes, keeping the pad a trimmed high byte needs', () => {
    expect(hex(ecdsaRawToDer(fromHex('00001234 00ff0001')))).toBe('300a' + '02021234' + '020400ff0001');
  });

  it('encodes a zero integer as a single 0x00 byte', () => {
    expect(hex(ecdsaRawToDer(fromHex('00000000 00000001')))).toBe('3006' + '020100' + '020101');
  });

  it('uses a long-form length for a P-521 signature', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'secp521r1' });
    const raw = sign('sha512', data, { key: privateKey, dsaEncoding: 'ieee-p1363' });
    expect(raw.length).toBe(132);
    const der = ecdsaRawToDer(new Uint8Array(raw));
    expect(der[1]).toBe(0x81);
    expect(verify('sha512', data, { key: publicKey, dsaEncoding: 'der' }, der)).toBe(true);
  });
});

describe('signingPlan with nothing suitable offered', () => {
  it.each([
    ['an EC key', ecP256, 'ecdsa', [CKM.RSA_PKCS, CKM.SHA256_RSA_PKCS]],
    ['an RSA PKCS#1 key', rsa, 'rsa-pkcs1', [CKM.ECDSA, CKM.SHA384_RSA_PKCS]],
    ['an RSA-PSS key', rsa, 'rsa-pss', [CKM.SHA384_RSA_PKCS_PSS]],
  ] as const)('refuses %s with mechanism_unsupported', (_, key, scheme, mechanisms) => {
    const error = thrownBy(() =>
      signingPlan(key, { hash: 'SHA-256', scheme }, offering(...mechanisms), data),
    );
    expect(error).toBeInstanceOf(TokenError);
    expect((error as TokenError).code).toBe('mechanism_unsupported');
  });
});
