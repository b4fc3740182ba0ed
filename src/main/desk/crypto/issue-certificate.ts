import { createHash, createPrivateKey, randomBytes, webcrypto, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { Oid } from './oids';

/** A CA that issues here: its certificate and its EC P-256 private key (PKCS#8 DER). */
export interface IssuingCa {
  certificate: Uint8Array;
  key: Uint8Array;
}

/** The subject as Spanish public-employee certificates carry it (the NIF as `IDCES-<NIF>`). */
export interface HolderName {
  givenName: string;
  surname: string;
  nif: string;
  organization: string;
  unit: string;
  title: string;
  commonName: string;
}

export interface IssuedCertificate {
  certificate: Uint8Array;
  /** The new EC P-256 key the certificate certifies. */
  key: KeyObject;
}

const nameOid = {
  country: '2.5.4.6',
  organization: '2.5.4.10',
  unit: '2.5.4.11',
  title: '2.5.4.12',
  serialNumber: '2.5.4.5',
  givenName: '2.5.4.42',
  surname: '2.5.4.4',
  commonName: '2.5.4.3',
} as const;
const extensionOid = {
  subjectKeyIdentifier: '2.5.29.14',
  authorityKeyIdentifier: '2.5.29.35',
} as const;

function subjectOf(holder: HolderName): pkijs.RelativeDistinguishedNames {
  const text = (value: string) => new asn1js.Utf8String({ value });
  const printable = (value: string) => new asn1js.PrintableString({ value });
  const entries: [string, asn1js.Utf8String | asn1js.PrintableString][] = [
    [nameOid.country, printable('ES')],
    [nameOid.organization, text(holder.organization)],
    [nameOid.unit, text(holder.unit)],
    [nameOid.title, text(holder.title)],
    [nameOid.serialNumber, printable(`IDCES-${holder.nif}`)],
    [nameOid.givenName, text(holder.givenName)],
    [nameOid.surname, text(holder.surname)],
    [nameOid.commonName, text(holder.commonName)],
  ];
  return new pkijs.RelativeDistinguishedNames({
    typesAndValues: entries.map(([type, value]) => new pkijs.AttributeTypeAndValue({ type, value })),
  });
}

const extension = (extnID: string, critical: boolean, value: asn1js.AsnType) =>
  new pkijs.Extension({ extnID, critical, extnValue: value.toBER(false) });

/** RFC 5280 4.2.1.2, method 1: the SHA-1 of the subjectPublicKey bits. */
const keyIdentifier = (spki: pkijs.PublicKeyInfo) =>
  new asn1js.OctetString({
    valueHex: createHash('sha1').update(spki.subjectPublicKey.valueBlock.valueHexView).digest(),
  });

/**
 * A signing certificate (digitalSignature and nonRepudiation, not a CA) for a new EC P-256 key,
 * issued by `ca` with ECDSA-SHA-256. For practice cards: nothing here is meant for a real CA.
 */
export async function issueSigningCertificate(
  ca: IssuingCa,
  holder: HolderName,
  validity: { notBefore: Date; notAfter: Date },
): Promise<IssuedCertificate> {
  const issuer = pkijs.Certificate.fromBER(new Uint8Array(ca.certificate));
  const caKey = await webcrypto.subtle.importKey(
    'pkcs8',
    new Uint8Array(ca.key),
    { name: 'ECDSA', namedCurve: 'P-256' },
    false,
    ['sign'],
  );
  const pair = await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
    'verify',
  ]);
  const certificate = new pkijs.Certificate();
  certificate.version = 2;
  const serial = randomBytes(16);
  // Positive with a non-zero first byte: the INTEGER's DER is minimal (a leading zero byte broke 1 certificate in 256).
  serial[0] = (serial[0]! & 0x7f) | 0x40;
  certificate.serialNumber = new asn1js.Integer({ valueHex: serial });
  certificate.issuer = issuer.subject;
  certificate.subject = subjectOf(holder);
  certificate.notBefore.value = validity.notBefore;
  certificate.notAfter.value = validity.notAfter;
  await certificate.subjectPublicKeyInfo.importKey(pair.publicKey);
  // keyUsage bits 0 (digitalSignature) and 1 (nonRepudiation): 0b11000000, 6 unused bits.
  const keyUsage = new asn1js.BitString({ valueHex: new Uint8Array([0xc0]), unusedBits: 6 });
  certificate.extensions = [
    extension(Oid.keyUsage, true, keyUsage),
    extension(Oid.basicConstraints, true, new pkijs.BasicConstraints({ cA: false }).toSchema()),
    extension(extensionOid.subjectKeyIdentifier, false, keyIdentifier(certificate.subjectPublicKeyInfo)),
    extension(
      extensionOid.authorityKeyIdentifier,
      false,
      new pkijs.AuthorityKeyIdentifier({
        keyIdentifier: keyIdentifier(issuer.subjectPublicKeyInfo),
      }).toSchema(),
    ),
  ];
  await certificate.sign(caKey, 'SHA-256');
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', pair.privateKey);
  return {
    certificate: new Uint8Array(certificate.toSchema().toBER(false)),
    key: createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' }),
  };
}
