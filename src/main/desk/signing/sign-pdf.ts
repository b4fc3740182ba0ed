import { createHash, randomBytes } from 'node:crypto';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { HashAlgorithm, SignatureScheme, SigningSession } from '../signing-session';
import { buildAppearance, type AppearanceText } from './appearance';
import { parseCertificate, type CertificateInfo } from './certificate';
import { defaultScheme, nodeHashName, signatureAlgorithmIdentifier } from './cms/algorithms';
import { buildSignedAttributes, timestampAttribute } from './cms/signed-attributes';
import { detachedSignedData, signerInfo } from './cms/signed-data';
import { requestTimestamp, TsaError } from './cms/timestamp-client';
import { SigningError } from './errors';
import { copyHashing } from './hash-ranges';
import { buildSignatureUpdate, type SignatureUpdate, type VisibleAppearance } from './pdf/incremental';
import type { CheckedPdf } from './preflight';

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
  scheme?: SignatureScheme;
  tsaUrl?: string;
  reason?: string;
  visible?: VisibleSignature;
  now?: () => Date;
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

function visibleAppearance(
  visible: VisibleSignature,
  input: CheckedPdf,
  signer: CertificateInfo,
  when: Date,
): VisibleAppearance {
  if (visible.page < 1 || visible.page > input.pageCount) {
    throw new SigningError('input', 'signing.input.noSuchPage', {
      file: basename(input.path),
      page: visible.page,
      pages: input.pageCount,
    });
  }
  const rect: [number, number, number, number] = [
    visible.x,
    visible.y,
    visible.x + visible.width,
    visible.y + visible.height,
  ];
  return {
    pageIndex: visible.page - 1,
    rect,
    stream: buildAppearance(visible.width, visible.height, signer, when, visible.text ?? {}),
  };
}

/**
 * Signs one checked PDF into `outDir`: copy it while hashing (one pass, in chunks), append the
 * update, sign, optionally time-stamp, then patch /Contents in place and rename into view. Any failure
 * removes the temporary file, so no half-signed document is ever left behind.
 */
export async function signPdf(
  input: CheckedPdf,
  session: SigningSession,
  outDir: string,
  options: PdfSigningOptions = {},
): Promise<SignedPdf> {
  const hash = options.hash ?? 'SHA-256';
  const scheme = options.scheme ?? defaultScheme(session.keyAlgorithm);
  const when = options.now?.() ?? new Date();
  const signer = parseCertificate(session.certificate);
  const certificates = [session.certificate, ...session.chain];
  const contentsSize = options.contentsSize ?? contentsCapacity(certificates, options.tsaUrl !== undefined);
  const update = buildSignatureUpdate(input.document, {
    signingTime: when,
    contentsSize,
    ...(options.reason !== undefined ? { reason: options.reason } : {}),
    ...(options.visible ? { appearance: visibleAppearance(options.visible, input, signer, when) } : {}),
  });

  const output = join(outDir, basename(input.path));
  const temporary = join(outDir, `.${basename(input.path)}.${randomBytes(6).toString('hex')}.part`);
  let cmsBytes = 0;
  try {
    const handle = await open(temporary, 'wx');
    try {
      const digest = await writeAndDigest(input, update, handle, hash);
      const attributes = buildSignedAttributes(digest, signer);
      const signatureValue = await session.sign(attributes.toSign, { hash, scheme });
      const unsigned = options.tsaUrl
        ? [timestampAttribute((await timestamp(options.tsaUrl, signatureValue, hash)).token)]
        : [];
      const info = signerInfo({
        signer,
        hash,
        signedAttributes: attributes.stored,
        signatureAlgorithm: signatureAlgorithmIdentifier(session.keyAlgorithm, scheme, hash),
        signatureValue,
        unsigned,
      });
      const cms = detachedSignedData(hash, certificates, info);
      cmsBytes = cms.length;
      if (cms.length > update.contentsSize) {
        throw new SigningError('output', 'signing.output.contentsTooSmall', {
          needed: cms.length,
          reserved: update.contentsSize,
        });
      }
      const hex = Buffer.from(Buffer.from(cms).toString('hex'), 'latin1');
      await handle.write(hex, 0, hex.length, update.contentsHexOffset);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, output);
    return {
      source: input.path,
      output,
      fieldName: update.fieldName,
      cmsBytes,
      timestamped: options.tsaUrl !== undefined,
    };
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Writes source + update to `handle` and returns the digest of the byte range (everything but the /Contents gap). */
async function writeAndDigest(
  input: CheckedPdf,
  update: SignatureUpdate,
  handle: FileHandle,
  hash: HashAlgorithm,
): Promise<Buffer> {
  const digest = createHash(nodeHashName[hash]);
  const sourceSize = input.document.file.size;
  const copied = await copyHashing(input.path, handle, digest);
  if (copied !== sourceSize)
    throw new SigningError('input', 'signing.input.changed', { file: basename(input.path) });
  const [, gapStart, gapEnd] = update.byteRange;
  digest.update(update.bytes.subarray(0, gapStart - sourceSize));
  digest.update(update.bytes.subarray(gapEnd - sourceSize));
  await handle.write(update.bytes, 0, update.bytes.length, sourceSize);
  return digest.digest();
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
