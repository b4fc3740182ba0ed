import { createHash, createPrivateKey, createPublicKey, sign, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

/**
 * Builds X.509 certificates shaped like the Spanish public-employee profile (MPR "Perfiles de
 * certificados electrónicos"): the identity sits in the subject (serialNumber=IDCES-<NIF>, GN, SN,
 * CN, O, OU, title) and again in a subjectAltName directoryName under 2.16.724.1.3.5.7.1.x.
 * Issuers are RSA keys; the TBS is signed with node:crypto so no WebCrypto engine is needed.
 */

export const oids = {
  country: '2.5.4.6',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
  commonName: '2.5.4.3',
  surname: '2.5.4.4',
  givenName: '2.5.4.42',
  serialNumber: '2.5.4.5',
  title: '2.5.4.12',
  organizationIdentifier: '2.5.4.97',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  subjectKeyIdentifier: '2.5.29.14',
  authorityKeyIdentifier: '2.5.29.35',
  subjectAltName: '2.5.29.17',
  certificatePolicies: '2.5.29.32',
  clientAuth: '1.3.6.1.5.5.7.3.2',
  emailProtection: '1.3.6.1.5.5.7.3.4',
  /** "Certificado de empleado público, nivel alto": the policy and the arc of its identity fields. */
  publicEmployeeHigh: '2.16.724.1.3.5.7.1',
} as const;

/** Suffixes under 2.16.724.1.3.5.7.1 for the identity fields of a public-employee certificate. */
export const publicEmployeeFields = {
  certificateType: 1,
  entityName: 2,
  entityNif: 3,
  holderNif: 4,
  personnelNumber: 5,
  givenName: 6,
  firstSurname: 7,
  secondSurname: 8,
  email: 9,
  organizationalUnit: 10,
  position: 11,
} as const;

export type KeyUsageName =
  'digitalSignature' | 'nonRepudiation' | 'keyEncipherment' | 'keyCertSign' | 'cRLSign';
const keyUsageBit: Record<KeyUsageName, number> = {
  digitalSignature: 0,
  nonRepudiation: 1,
  keyEncipherment: 2,
  keyCertSign: 5,
  cRLSign: 6,
};

export type NameAttribute = readonly [oid: string, value: string];

export interface PublicEmployee {
  givenName: string;
  firstSurname: string;
  secondSurname: string;
  nif: string;
  email: string;
  organization: string;
  entityNif: string;
  organizationalUnit: string;
  position: string;
}

export interface CertificateSpec {
  subject: readonly NameAttribute[];
  /** The subject's public key. */
  publicKey: KeyObject;
  issuer: { name: readonly NameAttribute[]; privateKey: KeyObject; publicKey: KeyObject } | 'self';
  serial: number;
  notBefore: Date;
  notAfter: Date;
  ca: boolean;
  /** basicConstraints pathLenConstraint (CA certificates only). */
  pathLength?: number;
  keyUsage: readonly KeyUsageName[];
  employee?: PublicEmployee;
}

/** Self-signed certificates pass their own private key here. */
export interface SigningKey {
  privateKey: KeyObject;
}

const printable = new Set<string>([oids.country, oids.serialNumber]);

function attribute([oid, value]: NameAttribute): pkijs.AttributeTypeAndValue {
  const encoded = printable.has(oid)
    ? new asn1js.PrintableString({ value })
    : new asn1js.Utf8String({ value });
  return new pkijs.AttributeTypeAndValue({ type: oid, value: encoded });
}

/** One RDN per attribute, as CAs issue them (pkijs alone would put them all in one multi-valued RDN). */
function distinguishedName(attributes: readonly NameAttribute[]): pkijs.RelativeDistinguishedNames {
  const name = new asn1js.Sequence({
    value: attributes.map((entry) => new asn1js.Set({ value: [attribute(entry).toSchema()] })),
  });
  return pkijs.RelativeDistinguishedNames.fromBER(name.toBER());
}

function publicKeyInfo(key: KeyObject): pkijs.PublicKeyInfo {
  const der = key.export({ type: 'spki', format: 'der' });
  return pkijs.PublicKeyInfo.fromBER(der);
}

/** RFC 5280 method 1: SHA-1 of the subjectPublicKey BIT STRING contents. */
function keyIdentifier(key: KeyObject): ArrayBuffer {
  const info = publicKeyInfo(key);
  const bits = new Uint8Array(info.subjectPublicKey.valueBlock.valueHexView);
  return new Uint8Array(createHash('sha1').update(bits).digest()).buffer;
}

function keyUsageExtension(usages: readonly KeyUsageName[]): pkijs.Extension {
  let bits = 0;
  for (const usage of usages) bits |= 0x80 >> keyUsageBit[usage];
  const highest = Math.max(...usages.map((usage) => keyUsageBit[usage]));
  const unused = 7 - highest;
  const value = new asn1js.BitString({ valueHex: new Uint8Array([bits]).buffer, unusedBits: unused });
  return new pkijs.Extension({
    extnID: oids.keyUsage,
    critical: true,
    extnValue: value.toBER(),
  });
}

function employeeDirectoryName(employee: PublicEmployee): pkijs.GeneralName {
  const field = (suffix: number, value: string): NameAttribute => [
    `${oids.publicEmployeeHigh}.${suffix}`,
    value,
  ];
  const f = publicEmployeeFields;
  return new pkijs.GeneralName({
    type: 4,
    value: distinguishedName([
      field(f.certificateType, 'certificado electrónico de empleado público'),
      field(f.entityName, employee.organization),
      field(f.entityNif, employee.entityNif),
      field(f.holderNif, employee.nif),
      field(f.givenName, employee.givenName),
      field(f.firstSurname, employee.firstSurname),
      field(f.secondSurname, employee.secondSurname),
      field(f.email, employee.email),
      field(f.organizationalUnit, employee.organizationalUnit),
      field(f.position, employee.position),
    ]),
  });
}

function extensions(spec: CertificateSpec): pkijs.Extension[] {
  const issuerPublicKey = spec.issuer === 'self' ? spec.publicKey : spec.issuer.publicKey;
  const list = [
    new pkijs.Extension({
      extnID: oids.basicConstraints,
      critical: true,
      extnValue: new pkijs.BasicConstraints({
        cA: spec.ca,
        ...(spec.pathLength !== undefined ? { pathLenConstraint: spec.pathLength } : {}),
      })
        .toSchema()
        .toBER(),
    }),
    keyUsageExtension(spec.keyUsage),
    new pkijs.Extension({
      extnID: oids.subjectKeyIdentifier,
      extnValue: new asn1js.OctetString({ valueHex: keyIdentifier(spec.publicKey) }).toBER(),
    }),
    new pkijs.Extension({
      extnID: oids.authorityKeyIdentifier,
      extnValue: new pkijs.AuthorityKeyIdentifier({
        keyIdentifier: new asn1js.OctetString({ valueHex: keyIdentifier(issuerPublicKey) }),
      })
        .toSchema()
        .toBER(),
    }),
  ];
  if (spec.employee) {
    list.push(
      new pkijs.Extension({
        extnID: oids.extKeyUsage,
        extnValue: new pkijs.ExtKeyUsage({ keyPurposes: [oids.clientAuth, oids.emailProtection] })
          .toSchema()
          .toBER(),
      }),
      new pkijs.Extension({
        extnID: oids.certificatePolicies,
        extnValue: new pkijs.CertificatePolicies({
          certificatePolicies: [new pkijs.PolicyInformation({ policyIdentifier: oids.publicEmployeeHigh })],
        })
          .toSchema()
          .toBER(),
      }),
      new pkijs.Extension({
        extnID: oids.subjectAltName,
        extnValue: new pkijs.GeneralNames({
          names: [
            new pkijs.GeneralName({ type: 1, value: spec.employee.email }),
            employeeDirectoryName(spec.employee),
          ],
        })
          .toSchema()
          .toBER(),
      }),
    );
  }
  return list;
}

/** Issues one certificate; returns its DER. */
export function issueCertificate(spec: CertificateSpec, signer: SigningKey): Uint8Array {
  const algorithm = new pkijs.AlgorithmIdentifier({
    algorithmId: oids.sha256WithRsa,
    algorithmParams: new asn1js.Null(),
  });
  const certificate = new pkijs.Certificate({
    version: 2,
    serialNumber: new asn1js.Integer({ value: spec.serial }),
    signature: algorithm,
    issuer: distinguishedName(spec.issuer === 'self' ? spec.subject : spec.issuer.name),
    subject: distinguishedName(spec.subject),
    notBefore: new pkijs.Time({ type: 0, value: spec.notBefore }),
    notAfter: new pkijs.Time({ type: 0, value: spec.notAfter }),
    subjectPublicKeyInfo: publicKeyInfo(spec.publicKey),
    extensions: extensions(spec),
  });
  const tbs = Buffer.from(certificate.encodeTBS().toBER());
  const signature = sign('sha256', tbs, signer.privateKey);
  certificate.signatureAlgorithm = algorithm;
  certificate.signatureValue = new asn1js.BitString({ valueHex: new Uint8Array(signature).buffer });
  return new Uint8Array(certificate.toSchema(true).toBER());
}

/** Key objects from PKCS#8 DER, for callers that stored keys as files. */
export function keyPairFromPkcs8(der: Uint8Array): { privateKey: KeyObject; publicKey: KeyObject } {
  const privateKey = createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'pkcs8' });
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

const nifLetters = 'TRWAGMYFPDXBNJZSQVHLCKE';

/** A DNI-shaped NIF whose check letter is right: `nif(12345678)` → `12345678Z`. */
export function nif(number: number): string {
  return `${String(number).padStart(8, '0')}${nifLetters[number % 23]}`;
}

export const toPem = (der: Uint8Array, label: string): string =>
  `-----BEGIN ${label}-----\n${Buffer.from(der)
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .replace(/\n?$/, '\n')}-----END ${label}-----\n`;
