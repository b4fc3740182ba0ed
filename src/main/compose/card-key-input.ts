import type { CardKeyInput } from '../../shared/api/signing';
import { holderOf, parseCertificate } from '../desk/crypto/certificate';
import type { SigningSessionRequest } from '../desk/tokens/token-service';

/** The token service's request for the key a call names: its module, its card, its certificate, the PIN. */
export const sessionRequestOf = (key: CardKeyInput): SigningSessionRequest => ({
  module: key.token.module,
  token: key.token.label,
  key: { id: key.certificate.id },
  pin: key.pin,
  confirmFinalTry: key.confirmFinalTry ?? false,
});

/** Whether a certificate is this NIF's holder's own (as the office compares NIFs: letter case aside). */
export const certificateOfNif = (certificate: Uint8Array, nif: string): boolean =>
  holderOf(parseCertificate(certificate)).nif?.toUpperCase() === nif.toUpperCase();
