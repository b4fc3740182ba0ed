import { X509Certificate } from 'node:crypto';
import * as pkijs from 'pkijs';
import type { StoredCertificate, TrustStore } from './trust-store';
import { Oid } from './oids';
import { parsedOnce } from './parsed-once';

export type ChainStatus = 'valid' | 'unknown' | 'invalid' | 'training';

export interface ChainResult {
  status: ChainStatus;
  anchor: string | null;
  detail: string | null;
  /** Subjects from the signer up to the anchor (just the signer when no path was found). */
  path: string[];
}

/** The DER each parsed certificate came from, to print its names without re-encoding it. */
const derOf = new WeakMap<pkijs.Certificate, Uint8Array>();
const toPkijs = parsedOnce((der) => {
  const certificate = pkijs.Certificate.fromBER(new Uint8Array(der));
  derOf.set(certificate, new Uint8Array(der));
  return certificate;
});
const storedDer = (stored: StoredCertificate) => new Uint8Array(stored.certificate.raw);

/** As `despacho verify` prints names: `C=ES, O=…, CN=…`. */
const subjectOf = (certificate: pkijs.Certificate) =>
  new X509Certificate(
    derOf.get(certificate) ?? new Uint8Array(certificate.toSchema().toBER()),
  ).subject.replace(/\n/g, ', ');

const sameCertificate = (a: pkijs.Certificate, b: pkijs.Certificate) =>
  Buffer.from(a.tbsView).equals(Buffer.from(b.tbsView));

/** PKI.js says "no path to an anchor" with these codes (ChainValidationCode.noPath, noValidPath). */
const noPathCodes = new Set([60, 97]);
const noIssuerMessage = 'No valid certificate paths found';

function pathLengthConstraint(certificate: pkijs.Certificate): number | null {
  const extension = certificate.extensions?.find((candidate) => candidate.extnID === Oid.basicConstraints);
  const constraint = (extension?.parsedValue as pkijs.BasicConstraints | undefined)?.pathLenConstraint;
  return typeof constraint === 'number' ? constraint : null;
}

/**
 * RFC 5280 6.1.4 (l) and (m), which PKI.js 4 does not enforce: every CA certificate below a
 * pathLenConstraint counts against it, self-issued ones excepted. The anchor's own constraint
 * applies too, as OpenSSL applies it. `path` runs from the signer (first) to the anchor (last).
 */
function pathLengthViolation(path: readonly pkijs.Certificate[]): pkijs.Certificate | null {
  let allowed = Number.POSITIVE_INFINITY;
  for (let i = path.length - 1; i >= 1; i--) {
    const certificate = path[i]!;
    const isAnchor = i === path.length - 1;
    if (!isAnchor && !certificate.subject.isEqual(certificate.issuer)) {
      if (allowed <= 0) return certificate;
      allowed--;
    }
    const constraint = pathLengthConstraint(certificate);
    if (constraint !== null && constraint < allowed) allowed = constraint;
  }
  return null;
}

interface Attempt {
  status: 'valid' | 'unknown' | 'invalid';
  anchor: StoredCertificate | null;
  detail: string | null;
  path: pkijs.Certificate[];
}

async function validateAgainst(
  signer: pkijs.Certificate,
  pool: readonly pkijs.Certificate[],
  anchors: readonly StoredCertificate[],
  at: Date,
): Promise<Attempt> {
  if (anchors.length === 0) return { status: 'unknown', anchor: null, detail: null, path: [signer] };
  const trusted = anchors.map((anchor) => toPkijs(storedDer(anchor)));
  const engine = new pkijs.CertificateChainValidationEngine({
    trustedCerts: trusted,
    // The certificate to validate goes last.
    certs: [...pool, signer],
    checkDate: at,
  });
  const result = await engine.verify();
  const path = result.certificatePath ?? [signer];
  if (!result.result) {
    const noPath =
      noPathCodes.has(result.resultCode) ||
      (result.resultCode === -1 && result.resultMessage === noIssuerMessage);
    return noPath
      ? { status: 'unknown', anchor: null, detail: null, path: [signer] }
      : { status: 'invalid', anchor: null, detail: result.resultMessage, path };
  }
  const top = path[path.length - 1]!;
  const anchor = anchors[trusted.findIndex((candidate) => sameCertificate(candidate, top))] ?? null;
  const tooLong = pathLengthViolation(path);
  if (tooLong)
    return {
      status: 'invalid',
      anchor,
      detail: `path length constraint exceeded at ${subjectOf(tooLong)}`,
      path,
    };
  return { status: 'valid', anchor, detail: null, path };
}

/**
 * RFC 5280 path validation by PKI.js's CertificateChainValidationEngine, from the signer through
 * the certificates the CMS carries and the trust store's intermediates to an anchor: signatures,
 * name chaining, CA flag and keyCertSign on every issuer, validity of every certificate at `at`
 * (the time-stamp's time when there is one), policies and name constraints; plus the path length
 * constraints, checked here. A chain that ends at the training CA is a training one, never valid.
 */
export async function checkChain(
  signer: Uint8Array,
  carried: readonly Uint8Array[],
  store: TrustStore,
  at: Date,
): Promise<ChainResult> {
  const key = validationKey(signer, carried, store, at);
  let result = validated.get(key);
  if (!result) {
    result = await validateChain(signer, carried, store, at);
    // Bounded like the parsed certificates: a batch meets one signer, a reader many.
    if (validated.size >= 256) validated.clear();
    validated.set(key, result);
  }
  return { ...result, path: [...result.path] };
}

/**
 * What PKI.js's answer depends on: the certificates it is given, and for each one whether `at`
 * falls within its validity (the only use it makes of the date without CRLs). A batch verifies
 * the same signer and chain at every signature: validated once, at the first, while nothing in
 * them expires or starts in between. A trust store is never changed once loaded: it is known by
 * its identity.
 */
const validated = new Map<string, ChainResult>();

/** Each store's number (for the key) and its certificates' validity, read once. */
const storeWindows = new WeakMap<TrustStore, { id: number; windows: Validity[] }>();
let storesSeen = 0;

type Validity = readonly [notBefore: Date, notAfter: Date];
const validityOf = (der: Uint8Array): Validity => {
  const certificate = toPkijs(der);
  return [certificate.notBefore.value, certificate.notAfter.value];
};

function windowsOf(store: TrustStore): { id: number; windows: Validity[] } {
  let known = storeWindows.get(store);
  if (!known) {
    const stored = [...store.intermediates, ...store.training, ...store.anchors];
    known = { id: storesSeen++, windows: stored.map((certificate) => validityOf(storedDer(certificate))) };
    storeWindows.set(store, known);
  }
  return known;
}

function validationKey(
  signer: Uint8Array,
  carried: readonly Uint8Array[],
  store: TrustStore,
  at: Date,
): string {
  const { id, windows } = windowsOf(store);
  const validAt = [...[signer, ...carried].map(validityOf), ...windows]
    .map(([notBefore, notAfter]) => (notBefore <= at && at <= notAfter ? '1' : '0'))
    .join('');
  const certificates = [signer, ...carried].map((der) => Buffer.from(der).toString('base64')).join(',');
  return `${id}|${validAt}|${certificates}`;
}

async function validateChain(
  signer: Uint8Array,
  carried: readonly Uint8Array[],
  store: TrustStore,
  at: Date,
): Promise<ChainResult> {
  const leaf = toPkijs(signer);
  const pool = [
    ...carried.filter((der) => !Buffer.from(der).equals(Buffer.from(signer))),
    ...store.intermediates.map(storedDer),
  ].map(toPkijs);
  const report = (attempt: Attempt, status: ChainStatus): ChainResult => ({
    status,
    anchor: attempt.anchor?.label ?? null,
    detail: attempt.detail,
    path: attempt.path.map(subjectOf),
  });
  const training = await validateAgainst(leaf, pool, store.training, at);
  if (training.status === 'valid') return report(training, 'training');
  const attempt = await validateAgainst(leaf, pool, store.anchors, at);
  return report(attempt, attempt.status);
}

/**
 * The issuers of `signer` among `candidates`, nearest first, found by PKI.js's issuer search (key
 * identifiers or names, and the issuer's signature), up to the root when it is among them.
 */
export async function issuersOf(
  signer: Uint8Array,
  candidates: readonly Uint8Array[],
): Promise<Uint8Array[]> {
  const pool = candidates.map(toPkijs);
  const engine = new pkijs.CertificateChainValidationEngine({ certs: pool });
  const issuers: pkijs.Certificate[] = [];
  let current = toPkijs(signer);
  for (let depth = 0; depth < 8; depth++) {
    const [issuer] = await engine.findIssuer(current, engine);
    if (!issuer || issuer === current || issuers.includes(issuer)) break;
    issuers.push(issuer);
    if (issuer.subject.isEqual(issuer.issuer)) break;
    current = issuer;
  }
  return issuers.map((certificate) => new Uint8Array(certificate.toSchema().toBER()));
}

/**
 * The CA certificates to embed with a signature: the issuers of `signer` (from the card and the
 * trust store's intermediates) up to, not including, the root, so that a validator given only
 * the root can build the path.
 */
export async function issuerChain(
  signer: Uint8Array,
  candidates: readonly Uint8Array[],
): Promise<Uint8Array[]> {
  const issuers = await issuersOf(signer, candidates);
  const top = issuers.at(-1);
  const rootIncluded = top !== undefined && toPkijs(top).subject.isEqual(toPkijs(top).issuer);
  return rootIncluded ? issuers.slice(0, -1) : issuers;
}
