import type { SigningSession } from '../signing-session';
import type { SigningSessionRequest, TokenService } from './token-service';

/** Logs in once the signing service has checked the documents, showing it the certificate first. */
export interface CardKey {
  open(checkCertificate: (certificate: Uint8Array) => void): Promise<SigningSession>;
}

/**
 * The key on a card, logged into once the documents passed their checks. The request (and its
 * PIN) is let go of as soon as it is handed to the token worker: a second login needs a new one.
 */
export function cardKey(
  tokens: Pick<TokenService, 'openSigningSession'>,
  request: SigningSessionRequest,
): CardKey {
  let pending: SigningSessionRequest | null = request;
  return {
    open(checkCertificate) {
      const once = pending;
      pending = null;
      if (!once) return Promise.reject(new Error('the card key was already used for a login'));
      return tokens.openSigningSession(once, checkCertificate);
    },
  };
}
