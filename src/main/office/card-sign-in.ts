import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { ApiError } from '../../shared/api/errors';
import type { CardSignatureScheme } from '../../shared/api/session';
import { signInWords } from '../../shared/domain/sign-in-words';
import type { OfficeSchema } from './store/schema';

/** Why a card's answer does not sign anyone in; the user is told which (errors.card_sign_in_refused.*). */
export type CardRefusal =
  | 'challenge_unknown'
  | 'bad_certificate'
  | 'bad_signature'
  | 'certificate_expired'
  | 'untrusted'
  | 'training_card'
  | 'not_for_authentication'
  | 'no_nif'
  | 'unknown_holder'
  | 'ambiguous_holder';

export interface CardAnswer {
  certificate: Uint8Array;
  /** Issuers the desk sent along (the card's own chain); the trust store's intermediates complete it. */
  chain: Uint8Array[];
  message: Uint8Array;
  signature: Uint8Array;
  scheme: CardSignatureScheme;
}

/**
 * The desk's cryptography as the office needs it to trust a card (compose gives it): whether the
 * signature is the certificate's key's over the message, and the certificate one the office's trust
 * store accepts at `at` for authentication; if so, the holder's NIF.
 */
export interface CardIdentity {
  verify(
    answer: CardAnswer,
    at: Date,
  ): Promise<{ ok: true; nif: string } | { ok: false; reason: CardRefusal }>;
}

export interface CardSignIn {
  identity: CardIdentity;
  /** The office's public address, written into every challenge so a desk signs only for the office it reaches. */
  server: string | null;
}

/** How long a challenge waits for its card: the holder finds the card, types the PIN, a slow card signs. */
export const challengeLifetimeMs = 5 * 60_000;
/** Unauthenticated callers ask for challenges: past this many waiting, the oldest is forgotten. */
const maxWaiting = 10_000;

export interface IssuedChallenge {
  challenge: string;
  toSign: string;
  expiresAt: Date;
}

/**
 * One-time challenges: the words the card signs name the purpose, the office and a random value,
 * so a signature made to sign in is never a document's and cannot be replayed.
 */
export class SignInChallenges {
  readonly #waiting = new Map<string, IssuedChallenge>();

  constructor(private readonly server: string | null) {}

  issue(now: Date): IssuedChallenge {
    this.#forgetExpired(now);
    if (this.#waiting.size >= maxWaiting) this.#waiting.delete(this.#waiting.keys().next().value!);
    const challenge = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + challengeLifetimeMs);
    const toSign = signInWords({ server: this.server, challenge, issuedAt: now });
    const issued = { challenge, toSign, expiresAt };
    this.#waiting.set(challenge, issued);
    return issued;
  }

  /** The words issued with `challenge`, once: null when unknown, used or expired. */
  take(challenge: string, now: Date): string | null {
    const issued = this.#waiting.get(challenge);
    this.#waiting.delete(challenge);
    return issued && issued.expiresAt > now ? issued.toSign : null;
  }

  #forgetExpired(now: Date): void {
    for (const [challenge, issued] of this.#waiting)
      if (issued.expiresAt <= now) this.#waiting.delete(challenge);
  }
}

/** The one active user whose NIF the certificate carries (NIFs compared in capitals). */
export async function userOfNif(db: Kysely<OfficeSchema>, nif: string): Promise<string> {
  const users = await db
    .selectFrom('users')
    .select('id')
    .where('active', '=', true)
    .where((eb) => eb.fn('upper', ['nif']), '=', nif.toUpperCase())
    .limit(2)
    .execute();
  if (users.length !== 1)
    throw new ApiError('card_sign_in_refused', {
      reason: users.length === 0 ? 'unknown_holder' : 'ambiguous_holder',
    });
  return users[0]!.id;
}
