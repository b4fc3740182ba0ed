import type { Actor } from '../../shared/api/access';
import { ApiError } from '../../shared/api/errors';
import type { CardKeyInput } from '../../shared/api/signing';
import { parseCertificate } from '../desk/crypto/certificate';
import { checkChain } from '../desk/crypto/chain';
import type { TrustStore } from '../desk/crypto/trust-store';
import { checkSigningCertificate } from '../desk/signing/preflight';
import type { SigningSession } from '../desk/signing-session';
import type { TokenService } from '../desk/tokens/token-service';
import type { Store } from '../office/store/open-store';
import { certificateOfNif, sessionRequestOf } from './card-key-input';

/** Opens a signer's own card, checked as the office checks a signed resolution's. */
export interface OwnCardOpener {
  open(actor: Actor, key: CardKeyInput, at: Date): Promise<SigningSession>;
}

/** Opens the exporting head's own card to sign an ENI index. */
export type IndexCardOpener = OwnCardOpener;

export interface OwnCardOptions {
  db: Store['db'];
  tokens: Pick<TokenService, 'openSigningSession'>;
  /** Whether a module is one the desk looks for cards in: a signer may name no other. */
  knowsModule(module: string): boolean;
  trust: TrustStore;
  /** Demo and training desks accept the practice cards of the demo office's training CA. */
  acceptsPracticeCards: boolean;
}

/**
 * The actor's own card, with a certificate fit to sign now (non-repudiation, in validity) whose
 * NIF is the actor's own (both checked before the PIN is used) and whose path reaches a root this
 * desk trusts: the same rules the office applies to a signed resolution, checked before anything
 * is signed. Whoever signs with it closes the session.
 */
export function ownCardOpener(options: OwnCardOptions): OwnCardOpener {
  return {
    async open(actor, key, at) {
      if (!options.knowsModule(key.token.module))
        throw new ApiError('invalid_input', { field: 'card.token.module' });
      const user = await options.db
        .selectFrom('users')
        .select('nif')
        .where('id', '=', actor.id)
        .executeTakeFirst();
      const nif = user?.nif;
      if (!nif) throw new ApiError('signature_signer_without_nif');
      const session = await options.tokens.openSigningSession(sessionRequestOf(key), (certificate) => {
        checkSigningCertificate(parseCertificate(certificate), at);
        if (!certificateOfNif(certificate, nif)) throw new ApiError('signature_wrong_certificate');
      });
      try {
        const chain = await checkChain(session.certificate, session.chain, options.trust, at);
        const trusted =
          chain.status === 'valid' || (chain.status === 'training' && options.acceptsPracticeCards);
        if (!trusted) throw new ApiError('signature_certificate_untrusted');
        return session;
      } catch (error) {
        await session.close();
        throw error;
      }
    },
  };
}

/** The card signs an index only for a head: their own card, as `ownCardOpener` checks it. */
export function indexCardOpener(options: OwnCardOptions): IndexCardOpener {
  const own = ownCardOpener(options);
  return {
    open(actor, key, at) {
      if (!actor.roles.includes('head')) return Promise.reject(new ApiError('forbidden'));
      return own.open(actor, key, at);
    },
  };
}
