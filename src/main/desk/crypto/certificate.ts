import type * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { Oid } from './oids';
import { parsedOnce } from './parsed-once';

/** What the desk shows and checks about a certificate, read from its DER by PKI.js. */
export interface CertificateInfo {
  der: Uint8Array;
  /** PKI.js's model, for the CMS builders and the path validator. */
  parsed: pkijs.Certificate;
  /** The issuer Name and serialNumber INTEGER exactly as encoded (for issuerAndSerialNumber). */
  issuerDer: Uint8Array;
  serialDer: Uint8Array;
  subjectDer: Uint8Array;
  serialHex: string;
  notBefore: Date;
  notAfter: Date;
  subject: DistinguishedName;
  issuer: DistinguishedName;
  /** keyUsage bits by name; null when the extension is absent. */
  keyUsage: ReadonlySet<KeyUsage> | null;
  /** Every attribute of the subject name, by OID, in order. */
  subjectAttributes: ReadonlyArray<{ type: string; value: string }>;
  /** The certificate policy OIDs (certificatePolicies). */
  policies: readonly string[];
}

export type KeyUsage =
  | 'digitalSignature'
  | 'nonRepudiation'
  | 'keyEncipherment'
  | 'dataEncipherment'
  | 'keyAgreement'
  | 'keyCertSign'
  | 'cRLSign';
const keyUsageBits: readonly KeyUsage[] = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
];

export interface DistinguishedName {
  commonName?: string;
  givenName?: string;
  surname?: string;
  serialNumber?: string;
  organization?: string;
  organizationalUnit?: string;
  title?: string;
  country?: string;
}

const nameAttributes: Record<string, keyof DistinguishedName> = {
  '2.5.4.3': 'commonName',
  '2.5.4.42': 'givenName',
  '2.5.4.4': 'surname',
  '2.5.4.5': 'serialNumber',
  '2.5.4.10': 'organization',
  '2.5.4.11': 'organizationalUnit',
  '2.5.4.12': 'title',
  '2.5.4.6': 'country',
};

function attributesOf(name: pkijs.RelativeDistinguishedNames): Array<{ type: string; value: string }> {
  return name.typesAndValues.flatMap(({ type, value }) => {
    const text = (value.valueBlock as { value?: unknown }).value;
    return typeof text === 'string' ? [{ type, value: text }] : [];
  });
}

function readName(name: pkijs.RelativeDistinguishedNames): DistinguishedName {
  const result: DistinguishedName = {};
  for (const { type, value } of attributesOf(name)) {
    const key = nameAttributes[type];
    if (key && result[key] === undefined) result[key] = value;
  }
  return result;
}

function keyUsageOf(extension: pkijs.Extension | undefined): Set<KeyUsage> | null {
  if (!extension) return null;
  const bits = new Uint8Array((extension.parsedValue as asn1js.BitString).valueBlock.valueHexView);
  const usages = new Set<KeyUsage>();
  keyUsageBits.forEach((name, index) => {
    if ((bits[index >> 3] ?? 0) & (0x80 >> (index & 7))) usages.add(name);
  });
  return usages;
}

const view = (buffer: ArrayBuffer | Uint8Array) => new Uint8Array(buffer);

/** A certificate's fields, parsed once per certificate (see parsedOnce). */
export const parseCertificate = parsedOnce(readCertificate);

function readCertificate(der: Uint8Array): CertificateInfo {
  const parsed = pkijs.Certificate.fromBER(new Uint8Array(der));
  const extension = (id: string) => parsed.extensions?.find((candidate) => candidate.extnID === id);
  return {
    der,
    parsed,
    issuerDer: view(parsed.issuer.valueBeforeDecode),
    serialDer: view(parsed.serialNumber.valueBeforeDecodeView),
    subjectDer: view(parsed.subject.valueBeforeDecode),
    serialHex: Buffer.from(parsed.serialNumber.valueBlock.valueHexView).toString('hex'),
    notBefore: parsed.notBefore.value,
    notAfter: parsed.notAfter.value,
    subject: readName(parsed.subject),
    issuer: readName(parsed.issuer),
    keyUsage: keyUsageOf(extension(Oid.keyUsage)),
    subjectAttributes: attributesOf(parsed.subject),
    policies:
      (
        extension(Oid.certificatePolicies)?.parsedValue as pkijs.CertificatePolicies | undefined
      )?.certificatePolicies.map((policy) => policy.policyIdentifier) ?? [],
  };
}

/** The holder as Spanish public-employee certificates carry it. */
export interface Holder {
  name: string;
  /** From serialNumber (IDCES-12345678Z → 12345678Z), when present. */
  nif: string | null;
  organization: string | null;
  position: string | null;
}

export function holderOf(info: CertificateInfo): Holder {
  const { subject } = info;
  const given = [subject.givenName, subject.surname].filter(Boolean).join(' ');
  const serial = subject.serialNumber ?? null;
  return {
    name: given || subject.commonName || '',
    nif: serial ? serial.replace(/^(IDC|PAS|TIN)[A-Z]{2}-/, '') : null,
    organization: subject.organization ?? null,
    position: subject.title ?? subject.organizationalUnit ?? null,
  };
}
