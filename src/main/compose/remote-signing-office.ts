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
      return outcomes.map((outcome): PrepareOutcome => {
        if (!outcome.ok) {
          const { requestId, refusal } = outcome;
          return { requestId, error: refusal.code, ...(refusal.params ? { params: refusal.params } : {}) };
        }
        const { ok: _prepared, pdfBase64, ...named } = outcome;
        return { ...named, pdf: new Uint8Array(Buffer.from(pdfBase64, 'base64')) };
      });
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
