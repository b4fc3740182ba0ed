import type { CertificateInfo, KeyUsage } from '../crypto/certificate';
import { issuersOf } from '../crypto/chain';
import type { PdfDocument } from '../pdf/document';
import { PdfName, PdfString, type PdfDict, type PdfObject } from '../pdf/objects';
import type { MessageKey } from '../../../shared/i18n/index';
import type { HashAlgorithm } from '../signing-session';
import { SigningError } from './errors';
import type { FieldChoice } from './prepared-field';

/**
 * A prepared field's seed value dictionary (ISO 32000-1 12.7.4.5, Table 234) restricts the
 * signature made in it. An entry binds only when its bit is set in /Ff (else it is a hint);
 * /MDP and /TimeStamp bind by themselves. We honour what we can (/Reasons, /DigestMethod, a
 * time-stamp, the certificate constraints) and refuse, naming it, what we cannot.
 */
const required = {
  filter: 1,
  subFilter: 2,
  version: 4,
  reasons: 8,
  addRevInfo: 32,
  digestMethod: 64,
  lockDocument: 128,
  appearanceFilter: 256,
} as const;
const certRequired = { subject: 1, issuer: 2, oid: 4, subjectDn: 8, keyUsage: 32 } as const;

/** What this signature will be, for the checks against the field's wishes. */
interface SignatureIntent {
  hash: HashAlgorithm;
  reason: string | undefined;
  timestamped: boolean;
}

const ourSubFilter = 'ETSI.CAdES.detached';
const digestNames: Record<HashAlgorithm, string> = {
  'SHA-256': 'SHA256',
  'SHA-384': 'SHA384',
  'SHA-512': 'SHA512',
};
/** Seed value dictionary versions whose entries we read (PDF 1.5 and 1.7; PDF 2.0 adds none we skip). */
const knownVersion = 2;

function names(document: PdfDocument, value: PdfObject | undefined): string[] {
  return document
    .array(value)
    .map((item) => document.resolve(item))
    .filter((item): item is PdfName => item instanceof PdfName)
    .map((item) => item.name);
}

function texts(document: PdfDocument, value: PdfObject | undefined): string[] {
  return document
    .array(value)
    .map((item) => document.resolve(item))
    .filter((item): item is PdfString => item instanceof PdfString)
    .map((item) => item.text());
}

/** The checks that need only the document and the options: run before the card is touched. */
export function checkSeedValues(
  document: PdfDocument,
  choice: FieldChoice,
  intent: SignatureIntent,
  file: string,
): void {
  const sv = choice.seedValues;
  if (!sv) return;
  const field = choice.field.name;
  const flags = sv.number('Ff') ?? 0;
  const binds = (bit: number) => (flags & bit) !== 0;
  const refuse = (key: MessageKey, params: Record<string, string> = {}): never => {
    throw new SigningError('input', key, { file, field, ...params });
  };

  const filter = sv.name('Filter');
  if (binds(required.filter) && filter !== undefined && filter !== 'Adobe.PPKLite')
    refuse('signing.seed.filter', { accepted: filter });
  const subFilters = names(document, sv.get('SubFilter'));
  if (binds(required.subFilter) && subFilters.length > 0 && !subFilters.includes(ourSubFilter))
    refuse('signing.seed.subFilter', { accepted: subFilters.join(', ') });
  if (binds(required.version) && (sv.number('V') ?? 1) > knownVersion)
    refuse('signing.seed.unsupported', { entry: `/V ${sv.number('V')}` });
  const digests = names(document, sv.get('DigestMethod'));
  if (binds(required.digestMethod) && digests.length > 0 && !digests.includes(digestNames[intent.hash]))
    refuse('signing.seed.digest', { accepted: digests.join(', ') });
  const reasons = texts(document, sv.get('Reasons'));
  if (binds(required.reasons) && reasons.length > 0) {
    const noReason = reasons.length === 1 && reasons[0] === '';
    if (noReason && intent.reason !== undefined) refuse('signing.seed.noReason');
    if (!noReason && (intent.reason === undefined || !reasons.includes(intent.reason)))
      refuse('signing.seed.reason', { accepted: reasons.map((reason) => `«${reason}»`).join(', ') });
  }
  if (binds(required.addRevInfo) && sv.get('AddRevInfo') === true)
    refuse('signing.seed.unsupported', { entry: '/AddRevInfo' });
  if (binds(required.lockDocument) && sv.get('LockDocument') === true) refuse('signing.field.locksDocument');
  if (binds(required.appearanceFilter) && sv.has('AppearanceFilter'))
    refuse('signing.seed.unsupported', { entry: '/AppearanceFilter' });
  const mdp = document.dict(sv.get('MDP'))?.number('P');
  if (mdp !== undefined && mdp > 0) refuse('signing.seed.certification');
  const timestamp = document.dict(sv.get('TimeStamp'));
  if (timestamp && (timestamp.number('Ff') ?? 0) !== 0 && !intent.timestamped)
    refuse('signing.seed.timestamp');
}

/** The order of the nine characters of a /KeyUsage string (Table 235). */
const keyUsageOrder: readonly (KeyUsage | 'encipherOnly' | 'decipherOnly')[] = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
];

function keyUsageMatches(pattern: string, usages: ReadonlySet<string>): boolean {
  return [...pattern.slice(0, 9)].every((wanted, bit) => {
    const has = usages.has(keyUsageOrder[bit]!);
    return wanted === '1' ? has : wanted === '0' ? !has : true;
  });
}

const dnAttributes: Record<string, string> = {
  CN: '2.5.4.3',
  SERIALNUMBER: '2.5.4.5',
  C: '2.5.4.6',
  L: '2.5.4.7',
  ST: '2.5.4.8',
  O: '2.5.4.10',
  OU: '2.5.4.11',
};

function subjectMatches(document: PdfDocument, wanted: PdfDict, certificate: CertificateInfo): boolean {
  return [...wanted.entries.entries()].every(([key, value]) => {
    const text = document.resolve(value);
    const type = dnAttributes[key.toUpperCase()] ?? key;
    return (
      text instanceof PdfString &&
      certificate.subjectAttributes.some(
        (attribute) => attribute.type === type && attribute.value === text.text(),
      )
    );
  });
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

/**
 * The certificate constraints (/SV /Cert) that the signer's certificate alone answers: /Subject,
 * /SubjectDN, /KeyUsage and /OID. Run on the card's certificate before the PIN is asked.
 */
export function checkSeedCertificate(
  document: PdfDocument,
  choice: FieldChoice,
  certificate: CertificateInfo,
  file: string,
): void {
  const cert = document.dict(choice.seedValues?.get('Cert'));
  if (!cert) return;
  const flags = cert.number('Ff') ?? 0;
  const params = { file, field: choice.field.name };
  const refuse = (rule: 'subject' | 'subjectDn' | 'keyUsage' | 'oid') =>
    new SigningError('certificate', `signing.seed.certificate.${rule}`, params);
  const subjects = document.array(cert.get('Subject')).map((item) => document.resolve(item));
  if (
    flags & certRequired.subject &&
    subjects.length > 0 &&
    !subjects.some((item) => item instanceof PdfString && sameBytes(item.bytes, certificate.der))
  )
    throw refuse('subject');
  const distinguishedNames = document
    .array(cert.get('SubjectDN'))
    .map((item) => document.dict(item))
    .filter((item) => item !== null);
  if (
    flags & certRequired.subjectDn &&
    distinguishedNames.length > 0 &&
    !distinguishedNames.some((wanted) => subjectMatches(document, wanted, certificate))
  )
    throw refuse('subjectDn');
  const keyUsages = texts(document, cert.get('KeyUsage'));
  if (
    flags & certRequired.keyUsage &&
    keyUsages.length > 0 &&
    !keyUsages.some((pattern) => keyUsageMatches(pattern, certificate.keyUsage ?? new Set()))
  )
    throw refuse('keyUsage');
  const oids = texts(document, cert.get('OID'));
  if (flags & certRequired.oid && oids.length > 0 && !certificate.policies.some((oid) => oids.includes(oid)))
    throw refuse('oid');
}

/**
 * /SV /Cert /Issuer: the signer's certificate must descend from one of the listed ones. Needs
 * the chain (the card's CA certificates and the trust store's intermediates).
 */
export async function checkSeedIssuers(
  document: PdfDocument,
  choice: FieldChoice,
  signer: { certificate: CertificateInfo; certificates: readonly Uint8Array[] },
  file: string,
): Promise<void> {
  const cert = document.dict(choice.seedValues?.get('Cert'));
  if (!cert || !((cert.number('Ff') ?? 0) & certRequired.issuer)) return;
  const listed = document
    .array(cert.get('Issuer'))
    .map((item) => document.resolve(item))
    .filter((item): item is PdfString => item instanceof PdfString)
    .map((item) => item.bytes);
  if (listed.length === 0) return;
  const ancestors = await issuersOf(signer.certificate.der, [...signer.certificates.slice(1), ...listed]);
  if (!ancestors.some((ancestor) => listed.some((wanted) => sameBytes(wanted, ancestor))))
    throw new SigningError('certificate', 'signing.seed.certificate.issuer', {
      file,
      field: choice.field.name,
    });
}
