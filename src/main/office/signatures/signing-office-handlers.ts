import type { Handlers } from '../../../shared/api/dispatch';
import type { CallName } from '../../../shared/api/index';
import type { SigningOffice } from './signing-port';

export type SigningOfficeCallName = Extract<CallName, `signingOffice.${string}`>;

/**
 * The signing port as contract calls, for desks whose office is remote: the same checks as a desk
 * in the same process gets, with the actor the connection signed in with the card.
 */
export function signingOfficeHandlers(port: SigningOffice): Pick<Handlers, SigningOfficeCallName> {
  return {
    'signingOffice.prepare': async ({ requestIds }, { actor }) => ({
      outcomes: (await port.prepare(actor, requestIds)).map((outcome) => {
        if ('error' in outcome) {
          const { requestId, error: code, params } = outcome;
          return { ok: false as const, requestId, refusal: params ? { code, params } : { code } };
        }
        const { pdf, ...named } = outcome;
        return { ok: true as const, ...named, pdfBase64: Buffer.from(pdf).toString('base64') };
      }),
    }),
    'signingOffice.confirm': async ({ signedPdfBase64, ...ticket }, { actor }) =>
      port.confirm(actor, ticket, Buffer.from(signedPdfBase64, 'base64')),
    'signingOffice.release': async ({ items }, { actor }) => {
      await port.release(actor, items);
      return { ok: true };
    },
  };
}
