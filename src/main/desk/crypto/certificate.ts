import { child, children, readOid, readTime, readTlv, Tag, type Tlv } from './der';

/** What the desk shows and checks about a certificate, read from its DER. */
export interface CertificateInfo {
  der: Uint8Array;
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
  isCa: boolean;
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

function readString(tlv: Tlv): string {
  if (tlv.tag === 0x1e) return Buffer.from(tlv.content).swap16().toString('utf16le');
  return Buffer.from(tlv.content).toString(tlv.tag === Tag.utf8String ? 'utf8' : 'latin1');
}

function readName(name: Tlv): DistinguishedName {
  const result: DistinguishedName = {};
  for (const rdn of children(name)) {
    for (const attribute of children(rdn)) {
      const key = nameAttributes[readOid(child(attribute, 0))];
      if (key && result[key] === undefined) result[key] = readString(child(attribute, 1));
    }
  }
  return result;
}

export function parseCertificate(der: Uint8Array): CertificateInfo {
  const certificate = readTlv(der);
  const tbs = children(child(certificate, 0));
  const offset = tbs[0]?.tag === 0xa0 ? 1 : 0;
  const [serial, , issuer, validity, subject] = tbs.slice(offset);
  if (!serial || !issuer || !validity || !subject) throw new Error('not an X.509 certificate');
  const extensionsWrapper = tbs.find((element) => element.tag === 0xa3);
  let keyUsage: Set<KeyUsage> | null = null;
  let isCa = false;
  if (extensionsWrapper) {
    for (const extension of children(child(extensionsWrapper, 0))) {
      const parts = children(extension);
      const id = readOid(parts[0]!);
      const value = readTlv(parts[parts.length - 1]!.content);
      if (id === '2.5.29.15') {
        keyUsage = new Set();
        const bits = value.content.subarray(1);
        keyUsageBits.forEach((name, index) => {
          const byte = bits[index >> 3] ?? 0;
          if (byte & (0x80 >> (index & 7))) keyUsage!.add(name);
        });
      } else if (id === '2.5.29.19') {
        const flag = children(value)[0];
        isCa = flag?.tag === Tag.boolean && flag.content[0] !== 0;
      }
    }
  }
  return {
    der,
    issuerDer: issuer.raw,
    serialDer: serial.raw,
    subjectDer: subject.raw,
    serialHex: Buffer.from(serial.content).toString('hex'),
    notBefore: readTime(child(validity, 0)),
    notAfter: readTime(child(validity, 1)),
    subject: readName(subject),
    issuer: readName(issuer),
    keyUsage,
    isCa,
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
