import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { demoNif } from '../../../src/main/office/demo/city';
import {
  issueCertificate,
  nif,
  oids,
  type CertificateSpec,
  type KeyUsageName,
  type NameAttribute,
  type PublicEmployee,
} from './certificates';

/**
 * The test CA chain and the signers of one test run, all generated fresh:
 * "AC RAIZ PRUEBAS DESPACHO" → "AC SECTOR PUBLICO PRUEBAS" → public-employee certificates of the
 * (fictional) staff of AYUNTAMIENTO DE ELCHE (pruebas). Nothing here is a real person or NIF owner.
 */

export type TestKeyName =
  | 'rsa2048'
  | 'rsa3072'
  | 'ecP256'
  | 'ecP384'
  | 'rsaAlwaysAuth'
  | 'rsaNoNonRepudiation'
  | 'rsaExpired'
  | 'rsaAmbiguous'
  | 'certWithoutKey';

export type TestKeyAlgorithm = { type: 'rsa'; bits: 2048 | 3072 } | { type: 'ec'; curve: 'P-256' | 'P-384' };

export interface TestSignerSpec {
  name: TestKeyName;
  /** CKA_ID, hex. */
  id: string;
  /** CKA_LABEL of both the certificate and the private key. */
  label: string;
  algorithm: TestKeyAlgorithm;
  employee: PublicEmployee;
  nonRepudiation: boolean;
  expired: boolean;
  alwaysAuthenticate: boolean;
  /** How many private keys the token holds under this CKA_ID (0, 1, or 2 to test ambiguity). */
  privateKeys: 0 | 1 | 2;
}

export interface IssuedCa {
  name: readonly NameAttribute[];
  privateKey: KeyObject;
  publicKey: KeyObject;
  der: Uint8Array;
}

export interface IssuedSigner {
  spec: TestSignerSpec;
  privateKey: KeyObject;
  certificate: Uint8Array;
}

export interface TestPki {
  root: IssuedCa;
  intermediate: IssuedCa;
  signers: IssuedSigner[];
}

export const organization = 'AYUNTAMIENTO DE ELCHE (pruebas)';
const entityNif = 'P0399999J';

/** `number` makes a NIF of nobody's; a demo user's id gives their card the NIF the office keeps for them. */
function employee(
  givenName: string,
  firstSurname: string,
  secondSurname: string,
  number: number | { demoUser: string },
  position: string,
  unit: string,
): PublicEmployee {
  return {
    givenName,
    firstSurname,
    secondSurname,
    nif: typeof number === 'number' ? nif(number) : demoNif(number.demoUser),
    email: `${givenName.toLowerCase()}.${firstSurname.toLowerCase()}@pruebas.elche.invalid`,
    organization,
    entityNif,
    organizationalUnit: unit,
    position,
  };
}

export const signerSpecs: readonly TestSignerSpec[] = [
  {
    name: 'rsa2048',
    id: 'a1',
    label: 'Firma RSA 2048',
    algorithm: { type: 'rsa', bits: 2048 },
    employee: employee(
      'ANA',
      'GARCIA',
      'PEREZ',
      { demoUser: 'urb-jefatura' },
      'Jefa de Servicio de Urbanismo',
      'Urbanismo',
    ),
    nonRepudiation: true,
    expired: false,
    alwaysAuthenticate: false,
    privateKeys: 1,
  },
  {
    name: 'rsa3072',
    id: 'a2',
    label: 'Firma RSA 3072',
    algorithm: { type: 'rsa', bits: 3072 },
    employee: employee('JOSEP', 'MARTI', 'SOLER', 23456789, 'Secretario General', 'Secretaría'),
    nonRepudiation: true,
    expired: false,
    alwaysAuthenticate: false,
    privateKeys: 1,
  },
  {
    name: 'ecP256',
    id: 'e1',
    label: 'Firma EC P-256',
    algorithm: { type: 'ec', curve: 'P-256' },
    employee: employee(
      'LUCIA',
      'NAVARRO',
      'BOIX',
      34567890,
      'Técnica de Administración General',
      'Contratación',
    ),
    nonRepudiation: true,
    expired: false,
    alwaysAuthenticate: false,
    privateKeys: 1,
  },
  {
    name: 'ecP384',
    id: 'e2',
    label: 'Firma EC P-384',
    algorithm: { type: 'ec', curve: 'P-384' },
    employee: employee('VICENT', 'FERRER', 'LLORCA', 45678901, 'Interventor', 'Intervención'),
    nonRepudiation: true,
    expired: false,
    alwaysAuthenticate: false,
    privateKeys: 1,
  },
  {
    name: 'rsaAlwaysAuth',
    id: 'a3',
    label: 'Firma RSA PIN por firma',
    algorithm: { type: 'rsa', bits: 2048 },
    employee: employee('MARIA', 'SANCHIS', 'VIDAL', 56789012, 'Alcaldesa', 'Alcaldía'),
    nonRepudiation: true,
    expired: false,
    alwaysAuthenticate: true,
    privateKeys: 1,
  },
  {
    name: 'rsaNoNonRepudiation',
    id: 'b1',
    label: 'Autenticacion RSA',
    algorithm: { type: 'rsa', bits: 2048 },
    employee: employee('PERE', 'CASTELLO', 'ROIG', 67890123, 'Administrativo', 'Registro'),
    nonRepudiation: false,
    expired: false,
    alwaysAuthenticate: false,
    privateKeys: 1,
  },
  {
    name: 'rsaExpired',
    id: 'b2',
    label: 'Firma RSA caducada',
    algorithm: { type: 'rsa', bits: 2048 },
    employee: employee('ROSA', 'MOLINA', 'GIL', 78901234, 'Jefa de Negociado', 'Padrón'),
    nonRepudiation: true,
    expired: true,
    alwaysAuthenticate: false,
    privateKeys: 1,
  },
  {
    name: 'rsaAmbiguous',
    id: 'c1',
    label: 'Firma RSA duplicada',
    algorithm: { type: 'rsa', bits: 2048 },
    employee: employee('JORDI', 'PASCUAL', 'MAS', 89012345, 'Arquitecto Municipal', 'Urbanismo'),
    nonRepudiation: true,
    expired: false,
    alwaysAuthenticate: false,
    privateKeys: 2,
  },
  {
    name: 'certWithoutKey',
    id: 'c2',
    label: 'Certificado sin clave',
    algorithm: { type: 'rsa', bits: 2048 },
    employee: employee('CARMEN', 'ORTS', 'SEMPERE', 90123456, 'Tesorera', 'Tesorería'),
    nonRepudiation: true,
    expired: false,
    alwaysAuthenticate: false,
    privateKeys: 0,
  },
];

function generateKey(algorithm: TestKeyAlgorithm): { privateKey: KeyObject; publicKey: KeyObject } {
  return algorithm.type === 'rsa'
    ? generateKeyPairSync('rsa', { modulusLength: algorithm.bits })
    : generateKeyPairSync('ec', { namedCurve: algorithm.curve });
}

const day = 24 * 60 * 60 * 1000;

/** What a CA certificate may do differently from a well-formed one (for path-validation tests). */
export type CaOverrides = Partial<
  Pick<CertificateSpec, 'ca' | 'keyUsage' | 'pathLength' | 'notBefore' | 'notAfter'>
>;

export function issueCa(
  cn: string,
  serial: number,
  issuer: IssuedCa | null,
  now: Date,
  overrides: CaOverrides = {},
): IssuedCa {
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const name: NameAttribute[] = [
    [oids.country, 'ES'],
    [oids.organization, 'DESPACHO PRUEBAS'],
    [oids.organizationalUnit, 'CERTIFICADOS DE PRUEBA, SIN VALIDEZ'],
    [oids.commonName, cn],
  ];
  const der = issueCertificate(
    {
      subject: name,
      publicKey: keys.publicKey,
      issuer: issuer ?? 'self',
      serial,
      notBefore: new Date(now.getTime() - 3650 * day),
      notAfter: new Date(now.getTime() + 3650 * day),
      ca: true,
      keyUsage: ['keyCertSign', 'cRLSign'],
      ...overrides,
    },
    { privateKey: issuer?.privateKey ?? keys.privateKey },
  );
  return { name, der, ...keys };
}

function subjectOf(person: PublicEmployee): NameAttribute[] {
  return [
    [oids.country, 'ES'],
    [oids.organization, person.organization],
    [oids.organizationalUnit, person.organizationalUnit],
    [oids.title, person.position],
    [oids.serialNumber, `IDCES-${person.nif}`],
    [oids.surname, `${person.firstSurname} ${person.secondSurname}`],
    [oids.givenName, person.givenName],
    [oids.commonName, `${person.givenName} ${person.firstSurname} ${person.secondSurname} - ${person.nif}`],
  ];
}

export function issueSigner(
  spec: TestSignerSpec,
  intermediate: IssuedCa,
  serial: number,
  now: Date,
): IssuedSigner {
  const keys = generateKey(spec.algorithm);
  const keyUsage: KeyUsageName[] = spec.nonRepudiation
    ? ['digitalSignature', 'nonRepudiation']
    : ['digitalSignature', 'keyEncipherment'];
  const validFrom = spec.expired ? new Date(now.getTime() - 800 * day) : new Date(now.getTime() - day);
  const validTo = spec.expired ? new Date(now.getTime() - 70 * day) : new Date(now.getTime() + 730 * day);
  const certificate = issueCertificate(
    {
      subject: subjectOf(spec.employee),
      publicKey: keys.publicKey,
      issuer: intermediate,
      serial,
      notBefore: validFrom,
      notAfter: validTo,
      ca: false,
      keyUsage,
      employee: spec.employee,
    },
    { privateKey: intermediate.privateKey },
  );
  return { spec, privateKey: keys.privateKey, certificate };
}

export function createTestPki(now = new Date()): TestPki {
  const root = issueCa('AC RAIZ PRUEBAS DESPACHO', 1, null, now);
  const intermediate = issueCa('AC SECTOR PUBLICO PRUEBAS', 2, root, now);
  const signers = signerSpecs.map((spec, index) => issueSigner(spec, intermediate, 1000 + index, now));
  return { root, intermediate, signers };
}
