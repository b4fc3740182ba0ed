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
      outcomes: (await port.prepare(actor, requestIds)).map((outcome) =>
        'error' in outcome
          ? {
              ok: false as const,
              requestId: outcome.requestId,
              refusal: outcome.params
                ? { code: outcome.error, params: outcome.params }
                : { code: outcome.error },
            }
          : {
              ok: true as const,
              requestId: outcome.requestId,
              reservationId: outcome.reservationId,
              number: outcome.number,
              csv: outcome.csv,
              fieldName: outcome.fieldName,
              onBehalfOf: outcome.onBehalfOf,
              locale: outcome.locale,
              sha256: outcome.sha256,
              size: outcome.size,
              pdfBase64: Buffer.from(outcome.pdf).toString('base64'),
            },
      ),
    }),
    'signingOffice.confirm': async ({ signedPdfBase64, ...ticket }, { actor }) =>
      port.confirm(actor, ticket, Buffer.from(signedPdfBase64, 'base64')),
    'signingOffice.release': async ({ items }, { actor }) => {
      await port.release(actor, items);
      return { ok: true };
    },
  };
}
