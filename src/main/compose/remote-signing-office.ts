import type { PrepareOutcome, SigningOffice } from '../office/index';
import type { OfficeCaller } from './office-client';

/**
 * The signing port of an office this desk reaches over the network: the desk keeps the card and
 * the prepared documents, the office the book. Who signs is the connection's signed-in user at the
 * office (`actor` only names the batch's owner here); the office checks everything again.
 */
export function remoteSigningOffice(call: OfficeCaller): SigningOffice {
  return {
    async prepare(_actor, requestIds) {
      const { outcomes } = await call('signingOffice.prepare', { requestIds: [...requestIds] });
      return outcomes.map((outcome): PrepareOutcome =>
        outcome.ok
          ? {
              requestId: outcome.requestId,
              reservationId: outcome.reservationId,
              number: outcome.number,
              csv: outcome.csv,
              fieldName: outcome.fieldName,
              onBehalfOf: outcome.onBehalfOf,
              locale: outcome.locale,
              sha256: outcome.sha256,
              size: outcome.size,
              pdf: new Uint8Array(Buffer.from(outcome.pdfBase64, 'base64')),
            }
          : {
              requestId: outcome.requestId,
              error: outcome.refusal.code,
              ...(outcome.refusal.params ? { params: outcome.refusal.params } : {}),
            },
      );
    },
    confirm: (_actor, ticket, signedPdf) =>
      call('signingOffice.confirm', {
        requestId: ticket.requestId,
        reservationId: ticket.reservationId,
        fieldName: ticket.fieldName,
        sha256: ticket.sha256,
        size: ticket.size,
        signedPdfBase64: Buffer.from(signedPdf).toString('base64'),
      }),
    async release(_actor, tickets) {
      if (tickets.length === 0) return;
      await call('signingOffice.release', {
        items: tickets.map(({ requestId, reservationId }) => ({ requestId, reservationId })),
      });
    },
  };
}
