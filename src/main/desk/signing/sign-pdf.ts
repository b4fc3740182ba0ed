import { randomBytes } from 'node:crypto';
import { basename, join } from 'node:path';
import type { HashAlgorithm, SignatureScheme, SigningSession } from '../signing-session';
import type { AppearanceText } from './appearance';
import type { CertificateInfo } from '../crypto/certificate';
import { buildSignedAttributes, timestampAttribute } from '../crypto/cms/signed-attributes';
import { detachedSignedData, signerInfo } from '../crypto/cms/signed-data';
import { requestTimestamp, TsaError } from '../crypto/cms/timestamp-client';
import { SigningError } from './errors';
import { buildSignatureUpdate, type SignatureUpdateRequest } from '../pdf/incremental';
import { refuseBrokenSignatures, type EarlierSignatureCheck } from './earlier-signatures';
import { chooseField, type FieldChoice } from './prepared-field';
import { checkSeedCertificate, checkSeedIssuers, checkSeedValues } from './seed-values';
import { prepareOutput } from './signed-output';
import type { CheckedPdf } from './preflight';
import { signerOf, type Signer } from './signer';

export interface VisibleSignature {
  /** 1-based page number. */
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
  text?: Partial<AppearanceText>;
}

export interface PdfSigningOptions {
  hash?: HashAlgorithm;
  /** How an RSA key signs (PKCS#1 v1.5 unless RSA-PSS is asked for); an EC key always signs with ECDSA. */
  rsaScheme?: Extract<SignatureScheme, 'rsa-pkcs1' | 'rsa-pss'>;
  tsaUrl?: string;
  reason?: string;
  visible?: VisibleSignature;
  /**
   * The empty signature field to fill, by its full name. Without it, the document's only empty
   * signature field is filled, or a new field added when it has none.
   */
  field?: string;
  /**
   * The verifier's word on the signatures a document already carries (the composition passes
   * desk/verify's): required to sign a document that has any.
   */
  earlierSignatures?: EarlierSignatureCheck;
  now?: () => Date;
  /** CA certificates that may complete the signer's chain (default: the trust store's intermediates). */
  intermediates?: readonly Uint8Array[];
  /** Overrides the computed /Contents capacity (bytes of CMS). */
  contentsSize?: number;
}

export interface SignedPdf {
  source: string;
  output: string;
  fieldName: string;
  cmsBytes: number;
  timestamped: boolean;
}

const tsaReserve = 12 * 1024;

/** Room for the CMS: certificates, the signature value, attributes and (for B-T) a time-stamp token. */
export function contentsCapacity(certificates: readonly Uint8Array[], withTimestamp: boolean): number {
  const certificateBytes = certificates.reduce((sum, cert) => sum + cert.length, 0);
  const estimate = certificateBytes + 1024 + 2048 + (withTimestamp ? tsaReserve : 0);
  return Math.max(8192, Math.ceil(estimate / 1024) * 1024);
}

/**
 * The field the signature goes in and whether its seed values allow this signature; a page
 * for `visible` that does not exist. Cheap, and checked before the card is touched.
 */
export function planSignature(input: CheckedPdf, options: PdfSigningOptions): FieldChoice | null {
  const file = basename(input.path);
  const choice = chooseField(input.document, file, options.field);
  if (choice) {
    checkSeedValues(
      input.document,
      choice,
      { hash: options.hash ?? 'SHA-256', reason: options.reason, timestamped: options.tsaUrl !== undefined },
      file,
    );
  } else if (options.visible && (options.visible.page < 1 || options.visible.page > input.pageCount)) {
    throw new SigningError('input', 'signing.input.noSuchPage', {
      file,
      page: options.visible.page,
      pages: input.pageCount,
    });
  }
  return choice;
}

/** What the field's seed values ask of the signer's certificate (with its chain, for /Issuer). */
async function checkSignerForField(input: CheckedPdf, choice: FieldChoice | null, signer: Signer) {
  if (!choice) return;
  const file = basename(input.path);
  checkSeedCertificate(input.document, choice, signer.certificate, file);
  await checkSeedIssuers(input.document, choice, signer, file);
}

/**
 * The stamp's code (its QR code, its words in either language) is loaded only when a signature
 * shows one: an invisible signature, as `despacho sign` makes by default, never pays for it.
 */
const stampBuilder = async () => (await import('./appearance')).buildAppearance;

/**
 * Where the signature goes and what it shows. A prepared field keeps its widget: the stamp is
 * drawn in its rectangle (none when the field is invisible), whatever `visible` placed.
 */
async function placement(
  choice: FieldChoice | null,
  options: PdfSigningOptions,
  signer: CertificateInfo,
  when: Date,
): Promise<Pick<SignatureUpdateRequest, 'prepared' | 'placement' | 'appearance' | 'lock'>> {
  const text = options.visible?.text ?? {};
  if (choice) {
    const [x1, y1, x2, y2] = choice.rect;
    const visible = x2 - x1 > 0 && y2 - y1 > 0;
    return {
      prepared: choice.field,
      ...(visible ? { appearance: (await stampBuilder())(x2 - x1, y2 - y1, signer, when, text) } : {}),
      ...(choice.lock ? { lock: choice.lock } : {}),
    };
  }
  const { visible } = options;
  if (!visible) return {};
  return {
    placement: {
      pageIndex: visible.page - 1,
      rect: [visible.x, visible.y, visible.x + visible.width, visible.y + visible.height],
    },
    appearance: (await stampBuilder())(visible.width, visible.height, signer, when, text),
  };
}

/**
 * Signs one checked PDF into `outDir`: hash the source and the update (in chunks for large files),
 * sign, optionally time-stamp, write /Contents and rename the finished file into view. Any
 * failure removes the temporary file, so no half-signed document is ever left behind.
 */
export async function signPdf(
  input: CheckedPdf,
  session: SigningSession,
  outDir: string,
  options: PdfSigningOptions = {},
): Promise<SignedPdf> {
  return (await startPdfSignature(input, session, outDir, options)).done;
}

/**
 * Like `signPdf`, but resolves as soon as the card has signed and the bytes are written; `done`
 * settles when the file is durable and in view (or rejects, having removed it).
 */
export async function startPdfSignature(
  input: CheckedPdf,
  session: SigningSession,
  outDir: string,
  options: PdfSigningOptions = {},
): Promise<{ done: Promise<SignedPdf> }> {
  const hash = options.hash ?? 'SHA-256';
  const scheme = session.keyAlgorithm.type === 'ec' ? 'ecdsa' : (options.rsaScheme ?? 'rsa-pkcs1');
  const when = options.now?.() ?? new Date();
  const choice = planSignature(input, options);
  await refuseBrokenSignatures(input, options.earlierSignatures);
  const signerAndChain = await signerOf(session, options.intermediates);
  await checkSignerForField(input, choice, signerAndChain);
  const { certificate: signer, certificates } = signerAndChain;
  const contentsSize = options.contentsSize ?? contentsCapacity(certificates, options.tsaUrl !== undefined);
  const update = buildSignatureUpdate(input.document, {
    signingTime: when,
    contentsSize,
    ...(options.reason !== undefined ? { reason: options.reason } : {}),
    ...(await placement(choice, options, signer, when)),
  });

  const output = join(outDir, basename(input.path));
  const temporary = join(outDir, `.${basename(input.path)}.${randomBytes(6).toString('hex')}.part`);
  const pending = await prepareOutput(input, update, hash, temporary, output);
  try {
    const attributes = buildSignedAttributes(pending.digest, signer);
    const signatureValue = await session.sign(attributes.toSign, { hash, scheme });
    const unsigned = options.tsaUrl
      ? [timestampAttribute((await timestamp(options.tsaUrl, signatureValue, hash)).token)]
      : [];
    const info = signerInfo({
      signer,
      hash,
      signedAttributes: attributes.toSign,
      key: session.keyAlgorithm,
      scheme,
      signatureValue,
      unsigned,
    });
    const cms = detachedSignedData(hash, certificates, info);
    if (cms.length > update.contentsSize) {
      throw new SigningError('output', 'signing.output.contentsTooSmall', {
        needed: cms.length,
        reserved: update.contentsSize,
      });
    }
    const { durable } = await pending.complete(Buffer.from(Buffer.from(cms).toString('hex'), 'latin1'));
    const result: SignedPdf = {
      source: input.path,
      output,
      fieldName: update.fieldName,
      cmsBytes: cms.length,
      timestamped: options.tsaUrl !== undefined,
    };
    return { done: durable.then(() => result) };
  } catch (error) {
    await pending.discard();
    throw error;
  }
}

async function timestamp(url: string, signatureValue: Uint8Array, hash: HashAlgorithm) {
  try {
    return await requestTimestamp(url, signatureValue, hash);
  } catch (error) {
    if (error instanceof TsaError)
      throw new SigningError('tsa', `signing.tsa.${error.failure}`, { url }, { cause: error });
    throw error;
  }
}
