import { randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCertificate, type CertificateInfo } from '../../../src/main/desk/crypto/certificate';
import { digestAlgorithm, signatureAlgorithm } from '../../../src/main/desk/crypto/cms/algorithms';
import {
  buildSignedAttributes,
  derSorted,
  messageDigestAttribute,
} from '../../../src/main/desk/crypto/cms/signed-attributes';
import { signerInfo } from '../../../src/main/desk/crypto/cms/signed-data';
import { Oid } from '../../../src/main/desk/crypto/oids';
import type { HashAlgorithm } from '../../../src/main/desk/signing-session';
import { createTestCa } from './support/test-ca';

/**
 * The SignerInfo is written by hand from DER parts (signed-data.ts): it must be, byte for byte,
 * the SignerInfo PKI.js writes from the same certificate, attributes and signature.
 */
let signers: Record<'rsa' | 'ec', CertificateInfo>;
beforeAll(() => {
  const ca = createTestCa();
  signers = {
    rsa: parseCertificate(ca.issue({ name: 'ANA PRUEBAS NÚÑEZ', key: 'rsa-2048' }).certDer),
    ec: parseCertificate(ca.issue({ name: 'JOSEP GARCIA I FERRER', key: 'ec-p384' }).certDer),
  };
});

/** What PKI.js writes for the same parts: the reference. */
function pkijsSignerInfo(
  signer: CertificateInfo,
  hash: HashAlgorithm,
  toSign: Uint8Array,
  algorithm: pkijs.AlgorithmIdentifier,
  signatureValue: Uint8Array,
  unsigned: pkijs.Attribute[],
): Uint8Array {
  const signed = asn1js.fromBER(toSign).result as asn1js.Set;
  const attributes = signed.valueBlock.value.map((schema) => new pkijs.Attribute({ schema }));
  const info = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({
      issuer: signer.parsed.issuer,
      serialNumber: signer.parsed.serialNumber,
    }),
    digestAlgorithm: digestAlgorithm(hash),
    signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes }),
    signatureAlgorithm: algorithm,
    signature: new asn1js.OctetString({ valueHex: signatureValue }),
    ...(unsigned.length > 0
      ? { unsignedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 1, attributes: derSorted(unsigned) }) }
      : {}),
  });
  return new Uint8Array(info.toSchema().toBER());
}

const timestampLike = () =>
  new pkijs.Attribute({
    type: '1.2.840.113549.1.9.16.2.14',
    values: [new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: randomBytes(300) })] })],
  });

describe('the SignerInfo written from DER parts', () => {
  it.each([
    ['rsa', 'rsa-pkcs1', 'SHA-256', 256, 0],
    ['rsa', 'rsa-pss', 'SHA-512', 256, 1],
    ['ec', 'ecdsa', 'SHA-384', 103, 0],
    ['ec', 'ecdsa', 'SHA-256', 72, 2],
  ] as const)(
    'is what PKI.js writes (%s, %s, %s, %i-byte signature, %i unsigned attributes)',
    (key, scheme, hash, signatureBytes, unsignedCount) => {
      const signer = signers[key];
      const { toSign } = buildSignedAttributes(randomBytes(hash === 'SHA-256' ? 32 : 64), signer);
      const keyAlgorithm =
        key === 'ec' ? ({ type: 'ec', curve: 'P-384' } as const) : ({ type: 'rsa', bits: 2048 } as const);
      const signatureValue = new Uint8Array(randomBytes(signatureBytes));
      const unsigned = Array.from({ length: unsignedCount }, timestampLike);
      const written = signerInfo({
        signer,
        hash,
        signedAttributes: toSign,
        key: keyAlgorithm,
        scheme,
        signatureValue,
        unsigned,
      });
      const reference = pkijsSignerInfo(
        signer,
        hash,
        toSign,
        signatureAlgorithm(keyAlgorithm, scheme, hash),
        signatureValue,
        unsigned,
      );
      expect(Buffer.from(written).toString('hex')).toBe(Buffer.from(reference).toString('hex'));
    },
  );
});

describe('the message-digest attribute written as DER', () => {
  it.each([32, 48, 64])('is what PKI.js writes for a %i-byte digest', (bytes) => {
    const digest = new Uint8Array(randomBytes(bytes));
    const reference = new pkijs.Attribute({
      type: Oid.messageDigest,
      values: [new asn1js.OctetString({ valueHex: digest })],
    });
    expect(Buffer.from(messageDigestAttribute(digest)).toString('hex')).toBe(
      Buffer.from(reference.toSchema().toBER()).toString('hex'),
    );
  });
});
