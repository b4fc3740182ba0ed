import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ApiError } from '../../shared/api/errors';
import { softwareKeySession } from '../desk/crypto/software-key-session';
import type { SigningSession } from '../desk/signing-session';
import type { DeskMode } from './desk-modes';
import { demoOfficeSeal } from './eni-export-seal';

/**
 * The office's seal (sello de órgano): what signs an amendment request or a case file's index when
 * nobody signs it with their card, opened for the instant it signs at.
 */
export type OfficeSeal = (at: Date) => Promise<SigningSession>;

/** Where the administrator of the shared server names the organ's seal: its key and its certificate, PEM files. */
export const sealFiles = { key: 'DESPACHO_SEAL_KEY', certificate: 'DESPACHO_SEAL_CERTIFICATE' } as const;

/** A server without a seal signs only with cards: asking it to seal says so. */
const noSeal: OfficeSeal = () => Promise.reject(new ApiError('seal_not_configured'));

function readSealFile<T>(path: string, read: (bytes: Buffer) => T): T {
  try {
    return read(readFileSync(path));
  } catch {
    throw new ApiError('seal_unusable', { path });
  }
}

/**
 * The shared server's seal, from the files its administrator names; none when neither is named.
 * Refused when the server starts, naming the file: one named without the other, a file that cannot
 * be read, a key that is not the certificate's. A seal used outside its certificate's validity is
 * refused then, with the dates.
 */
export function configuredSeal(env: NodeJS.ProcessEnv): OfficeSeal {
  const keyPath = env[sealFiles.key];
  const certificatePath = env[sealFiles.certificate];
  if (!keyPath && !certificatePath) return noSeal;
  if (!keyPath || !certificatePath)
    throw new ApiError('seal_unusable', { path: keyPath ?? certificatePath ?? '' });
  const key: KeyObject = readSealFile(keyPath, (bytes) => createPrivateKey(bytes));
  const certificate = readSealFile(certificatePath, (bytes) => new X509Certificate(bytes));
  if (!certificate.checkPrivateKey(key)) throw new ApiError('seal_unusable', { path: keyPath });
  let session: SigningSession;
  try {
    session = softwareKeySession(key, new Uint8Array(certificate.raw));
  } catch {
    // A key of a kind the signature builders cannot use.
    throw new ApiError('seal_unusable', { path: certificatePath });
  }
  const from = new Date(certificate.validFrom);
  const until = new Date(certificate.validTo);
  return async (at) => {
    if (at < from || at > until)
      throw new ApiError('seal_not_valid_now', {
        from: from.toISOString().slice(0, 10),
        until: until.toISOString().slice(0, 10),
      });
    return session;
  };
}

/**
 * The seal each wiring signs with: the demo office's practice seal on the embedded and training
 * desks (whose documents are never valid), the organ's own on the shared server.
 */
export const officeSealFor = (mode: DeskMode, env: NodeJS.ProcessEnv): OfficeSeal =>
  mode === 'server' ? configuredSeal(env) : demoOfficeSeal;
