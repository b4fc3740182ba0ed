import type { CallInput } from '../../../shared/api/index';
import { ApiError } from '../../../shared/api/errors';
import { isSignInChallenge } from '../../../shared/domain/sign-in-words';
import type { SigningSession } from '../signing-session';

/**
 * The desk's half of signing in to a shared office with the card: the logged-in key signs the
 * challenge's words over SHA-256 (PKCS#1 v1.5 for RSA, ECDSA for EC keys), and only words that are
 * a sign-in challenge naming the office the desk reaches; anything else is refused unsigned.
 */
export async function answerSignInChallenge(
  session: SigningSession,
  issued: { challenge: string; toSign: string },
  server: string | null,
): Promise<CallInput<'session.signInWithCard'>> {
  if (!isSignInChallenge(issued.toSign, issued.challenge, server))
    throw new ApiError('card_sign_in_refused', { reason: 'foreign_challenge' });
  const scheme = session.keyAlgorithm.type === 'rsa' ? 'rsa-pkcs1' : 'ecdsa';
  const signature = await session.sign(new TextEncoder().encode(issued.toSign), { hash: 'SHA-256', scheme });
  const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
  return {
    challenge: issued.challenge,
    certificate: base64(session.certificate),
    chain: session.chain.slice(0, 5).map(base64),
    signature: base64(signature),
    scheme,
  };
}
