import { sql, type Transaction } from 'kysely';
import type { Actor } from '../../../shared/api/access';
import { ApiError, type ErrorCode, type ErrorParams } from '../../../shared/api/errors';
import type { Locale } from '../../../shared/api/session';
import { translate } from '../../../shared/i18n/index';
import {
  AlreadyNumberedError,
  bookLabel,
  confirmReservation,
  releaseReservations,
  ReservationLostError,
  reserveNumbers,
  type Reservation,
} from '../book/reservations';
import { markedPdf } from '../generated-pdf';
import { renderResolution } from '../resolutions/render';
import type { AuditEntry } from '../store/audit';
import type { OfficeSchema } from '../store/schema';
import { clockOf, type SignaturesContext } from './context';
import { sha256Hex } from './document-contents';
import { actingStep, type Acting } from './eligibility';
import { completeStep, newsOf } from './progress';
import { parseCaseId } from '../cases/rows';
import { idIn, isOverdue, loadLockedRequest, loadRequests, type RequestRecord } from './records';
import { expireOverdue } from './requests';
import { resolutionDocument } from './resolution';
import { addsOneSignature } from './signed-file';
import type { CertifiedSigner } from './signer-check';
import { actingForToday } from './substitutions';

export interface PreparedResolution {
  requestId: string;
  reservationId: string;
  /** '2026/000123' */
  number: string;
  csv: string;
  /** The empty signature field this signer fills. */
  fieldName: string;
  /** Set when the signer signs for an absent head ("por sustitución" / "per substitució"): their name. */
  onBehalfOf: string | null;
  /** The document's language, which its stamp speaks too. */
  locale: Locale;
  /** The final PDF (number, CSV, QR, empty fields), exactly the bytes the card will sign over. */
  pdf: Uint8Array;
  sha256: string;
  /** The final PDF's length: a signed file's first `size` bytes are what the card signed over. */
  size: number;
}
/**
 * What a desk hands back with a signed file, and all the office reads of it: the prepared bytes are
 * taken from the signed file itself (an incremental update keeps them as its prefix) and checked
 * against what the office rendered or stored, so a desk across the network is trusted with nothing.
 */
export type SignedTicket = Pick<
  PreparedResolution,
  'requestId' | 'reservationId' | 'fieldName' | 'sha256' | 'size'
>;
/** A reservation a desk gives back, named with the request it was made for. */
export type ReservationTicket = Pick<PreparedResolution, 'requestId' | 'reservationId'>;
export type PrepareOutcome =
  PreparedResolution | { requestId: string; error: ErrorCode; params?: ErrorParams };
export interface SigningOffice {
  /** Reserves a number per request (first signature) and renders the final PDF; refuses per item. */
  prepare(actor: Actor, requestIds: readonly string[]): Promise<PrepareOutcome[]>;
  /** Checks the signed file (its prefix is what the office rendered or stored, plus one more signature
   *  that verifies, made with the certificate of the signer, whose NIF is theirs) and commits number,
   *  file (as a case document) and book entry in one transaction; the case moves to `resolved` when
   *  the last step is done. Throws ApiError with a code. */
  confirm(
    actor: Actor,
    ticket: SignedTicket,
    signedPdf: Uint8Array,
  ): Promise<{ number: string; documentId: string }>;
  /** Gives the numbers back (cancelled, failed before signing): only those reserved for the actor's department's requests. */
  release(actor: Actor, tickets: readonly ReservationTicket[]): Promise<void>;
}

/** What the book's `reserved_for` names: the signature request the number is stamped on. */
export const bookSubject = (requestId: number): string => `signature-request:${requestId}`;

/** How long a first signature's number is held for the card: a slow card and a long batch fit in it. */
export const defaultHoldMs = 15 * 60_000;

export interface SigningOfficeOptions {
  holdMs?: number;
}

type Eligible = { record: RequestRecord; acting: Acting };
/** A confirmed signature's number and document; for a first one, what the request now points at. */
type Numbered = {
  number: string;
  documentId: number;
  request?: { document_id: number; book_year: number; book_number: number };
};
type Refusal = { error: ErrorCode; params?: ErrorParams };

/** The body of the city hall in the document's ENI identifier: the case's own (ES_<DIR3>_…). */
const bodyOf = (caseEniId: string): string => caseEniId.split('_')[1] ?? '';

/**
 * The office side of signing a resolution, over the book (numbers reserved, then confirmed with the
 * signed file) and the renderer. The number is reserved and stamped at the FIRST signature; from
 * then on the numbered, signed file is the document, and each later signer signs it incrementally.
 */
export function signingOffice(context: SignaturesContext, options: SigningOfficeOptions = {}): SigningOffice {
  const holdMs = options.holdMs ?? defaultHoldMs;
  const { db, contents } = context;

  async function evaluate(
    actor: Actor,
    ids: readonly string[],
    today: string,
  ): Promise<(Eligible | Refusal)[]> {
    const seen = new Set<string>();
    const parsed = ids.map((raw) => {
      if (seen.has(raw)) return 'duplicate' as const;
      seen.add(raw);
      return parseCaseId(raw);
    });
    const records = new Map(
      (
        await loadRequests(
          db,
          parsed.filter((id): id is number => typeof id === 'number'),
        )
      ).map((record) => [record.id, record]),
    );
    await expireOverdue(
      context,
      [...records.values()].filter((record) => isOverdue(record, today)),
    );
    const actingFor = await actingForToday(db, actor.id, today);
    return parsed.map((id): Eligible | Refusal => {
      if (id === 'duplicate') return { error: 'invalid_input', params: { field: 'requestIds' } };
      const record = id === null ? undefined : records.get(id);
      if (!record || record.departmentId !== actor.departmentId) return { error: 'not_found' };
      const acting = actingStep(record, actor, actingFor, today, 'sign');
      return typeof acting === 'string' ? { error: acting } : { record, acting };
    });
  }

  async function confirmedReservationOf(
    record: RequestRecord,
  ): Promise<{ reservationId: string; csv: string }> {
    const row = await db
      .selectFrom('resolution_numbers')
      .select(['reservation_id', 'csv'])
      .where('year', '=', record.bookYear!)
      .where('number', '=', record.bookNumber!)
      .executeTakeFirstOrThrow();
    return { reservationId: row.reservation_id ?? '', csv: row.csv ?? '' };
  }

  /** A numbered request: its current signed file, which the next signer signs incrementally. */
  async function prepareNumbered({ record, acting }: Eligible): Promise<PrepareOutcome> {
    const document = await db
      .selectFrom('documents')
      .select('sha256')
      .where('id', '=', record.documentId!)
      .executeTakeFirstOrThrow();
    const pdf = await contents.read(db, document.sha256);
    if (pdf === null) return { requestId: String(record.id), error: 'signature_document_changed' };
    const { reservationId, csv } = await confirmedReservationOf(record);
    return prepared(
      record,
      acting,
      { reservationId, number: numberLabel(record), csv },
      pdf,
      document.sha256,
    );
  }

  const numberLabel = (record: RequestRecord) =>
    bookLabel({ year: record.bookYear!, number: record.bookNumber! });

  const prepared = (
    record: RequestRecord,
    acting: Acting,
    book: { reservationId: string; number: string; csv: string },
    pdf: Uint8Array,
    sha256: string,
  ): PreparedResolution => ({
    requestId: String(record.id),
    ...book,
    fieldName: acting.step.fieldName!,
    onBehalfOf: acting.actingFor ? acting.step.signerName : null,
    locale: record.locale,
    pdf,
    sha256,
    size: pdf.byteLength,
  });

  /** First signatures: one number each, stamped into the final PDF the office vouches for. */
  async function prepareFirst(items: readonly Eligible[], at: Date): Promise<PrepareOutcome[]> {
    if (items.length === 0) return [];
    const reservations = await reserveNumbers(db, {
      for: items.map(({ record }) => bookSubject(record.id)),
      now: at,
      holdMs,
    });
    try {
      const outcomes: PreparedResolution[] = [];
      for (const [index, { record, acting }] of items.entries()) {
        const reservation = reservations[index]!;
        const number = bookLabel(reservation);
        const pdf = await markedPdf(
          context.markPdf,
          renderResolution(
            resolutionDocument(record.locale, record.resolution, { number, csv: reservation.csv }, at),
          ),
        );
        outcomes.push(
          prepared(
            record,
            acting,
            { reservationId: reservation.reservationId, number, csv: reservation.csv },
            pdf,
            sha256Hex(pdf),
          ),
        );
      }
      await db
        .insertInto('signature_renderings')
        .values(
          outcomes.map((outcome) => ({
            reservation_id: outcome.reservationId,
            request_id: Number(outcome.requestId),
            sha256: outcome.sha256,
            created_at: at,
          })),
        )
        .execute();
      return outcomes;
    } catch (error) {
      await releaseReservations(
        db,
        reservations.map((reservation: Reservation) => reservation.reservationId),
      );
      throw error;
    }
  }

  async function prepare(actor: Actor, requestIds: readonly string[]): Promise<PrepareOutcome[]> {
    const { at, today } = clockOf(context);
    const evaluated = await evaluate(actor, requestIds, today);
    const eligible = evaluated.filter((item): item is Eligible => 'record' in item);
    const first = await prepareFirst(
      eligible.filter(({ record }) => record.documentId === null),
      at,
    );
    const byRequest = new Map(first.map((outcome) => [outcome.requestId, outcome]));
    const outcomes: PrepareOutcome[] = [];
    for (const [index, item] of evaluated.entries()) {
      const requestId = requestIds[index]!;
      if (!('record' in item)) outcomes.push({ requestId, ...item });
      else if (item.record.documentId === null) outcomes.push(byRequest.get(String(item.record.id))!);
      else outcomes.push(await prepareNumbered(item));
    }
    return outcomes;
  }

  /**
   * Inside the confirmation: the number and the case document of a first signature, and what the
   * request must now point at (written with its step).
   */
  async function numberTheDocument(
    trx: Transaction<OfficeSchema>,
    record: RequestRecord,
    actor: Actor,
    prepared: SignedTicket,
    signed: { sha256: string; size: number; signer: CertifiedSigner },
    at: Date,
  ): Promise<Numbered> {
    // The request's renderings go with its number: rolled back with everything else when refused.
    const renderings = await trx
      .deleteFrom('signature_renderings')
      .where('request_id', '=', record.id)
      .returning(['reservation_id', 'sha256'])
      .execute();
    const rendering = renderings.find((row) => row.reservation_id === prepared.reservationId);
    if (!rendering || rendering.sha256 !== prepared.sha256)
      throw new ApiError('signature_invalid_signed_file');
    let confirmed;
    try {
      confirmed = await confirmReservation(trx, prepared.reservationId, {
        now: at,
        caseId: record.caseId,
        signerId: actor.id,
        signedSha256: signed.sha256,
        signer: signed.signer,
      });
    } catch (error) {
      if (error instanceof ReservationLostError) throw new ApiError('signature_number_lost');
      if (error instanceof AlreadyNumberedError) throw new ApiError('signature_stale');
      throw error;
    }
    const number = bookLabel(confirmed);
    const document = await trx
      .insertInto('documents')
      .values({
        case_id: record.caseId,
        // After the case's last document, found in the same statement.
        position: sql<number>`(select coalesce(max(position), 0) + 1 from documents where case_id = ${record.caseId})`,
        title: translate(record.locale, 'resolutions.document.numbered', { number }),
        eni_id: `ES_${bodyOf(record.caseEniId)}_${confirmed.year}_RES${confirmed.year}${String(confirmed.number).padStart(6, '0')}`,
        document_type: 'TD01',
        origin: 1,
        elaboration_state: 'EE01',
        format: 'PDF',
        captured_at: at,
        sha256: signed.sha256,
        size: signed.size,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return {
      number,
      documentId: document.id,
      request: { document_id: document.id, book_year: confirmed.year, book_number: confirmed.number },
    };
  }

  /** Inside the confirmation: a later signature replaces the document's file with the signed one. */
  async function signTheDocument(
    trx: Transaction<OfficeSchema>,
    record: RequestRecord,
    prepared: SignedTicket,
    signed: { sha256: string; size: number },
  ): Promise<Numbered> {
    const moved = await trx
      .updateTable('documents')
      .set({ sha256: signed.sha256, size: signed.size })
      .where('id', '=', record.documentId!)
      .where('sha256', '=', prepared.sha256)
      .returning('id')
      .executeTakeFirst();
    // Another signer's signature went in after this one was prepared: this one signs a stale file.
    if (!moved) throw new ApiError('signature_stale');
    return { number: numberLabel(record), documentId: record.documentId! };
  }

  /** The new signature verifies, up to a root this office accepts: who made it, as their certificate says. */
  async function certifiedSigner(ticket: SignedTicket, signedPdf: Uint8Array): Promise<CertifiedSigner> {
    const signedOver = signedPdf.subarray(0, ticket.size);
    const intact =
      ticket.size < signedPdf.byteLength &&
      sha256Hex(signedOver) === ticket.sha256 &&
      (await addsOneSignature(signedOver, signedPdf, ticket.fieldName));
    if (!intact) throw new ApiError('signature_invalid_signed_file');
    const checked = context.signers
      ? await context.signers.check(signedPdf, ticket.fieldName)
      : ({ verified: false, problem: 'invalid' } as const);
    if (!checked.verified)
      throw new ApiError(
        checked.problem === 'invalid' ? 'signature_not_verified' : 'signature_certificate_untrusted',
      );
    return checked.signer;
  }

  async function confirm(actor: Actor, prepared: SignedTicket, signedPdf: Uint8Array) {
    const { at, today } = clockOf(context);
    const id = idIn(prepared.requestId);
    try {
      const signed = {
        sha256: sha256Hex(signedPdf),
        size: signedPdf.byteLength,
        signer: await certifiedSigner(prepared, signedPdf),
      };
      contents.writeFile(signedPdf);
      const outcome = await db.transaction().execute(async (trx) => {
        const record = await loadLockedRequest(trx, id);
        if (!record || record.departmentId !== actor.departmentId) throw new ApiError('not_found');
        const acting = actingStep(record, actor, await actingForToday(trx, actor.id, today), today, 'sign');
        if (typeof acting === 'string') throw new ApiError(acting);
        if (acting.step.fieldName !== prepared.fieldName) throw new ApiError('signature_invalid_signed_file');
        await refuseAnotherPersonsCertificate(trx, actor, signed.signer);
        const numbered =
          record.documentId === null
            ? await numberTheDocument(trx, record, actor, prepared, signed, at)
            : await signTheDocument(trx, record, prepared, signed);
        await contents.record(trx, signed.sha256, signedPdf);
        await completeStep(trx, record, acting, actor.id, at, {
          ...(numbered.request ? { request: numbered.request } : {}),
          audit: [signedEntry(record, acting, actor.id, numbered.number, signed, at)],
        });
        return { ...numbered, news: await newsOf(trx, record, 'signed', actor.id, today) };
      });
      context.announce([outcome.news]);
      return { number: outcome.number, documentId: String(outcome.documentId) };
    } catch (error) {
      // A refused signature never keeps its number: the next document takes it. Only the reservation
      // made for this request goes back: a ticket naming another request's is refused, not obeyed.
      if (error instanceof ApiError)
        await releaseReservations(db, [prepared.reservationId], { reservedFor: [bookSubject(id)] });
      throw error;
    }
  }

  async function release(actor: Actor, tickets: readonly ReservationTicket[]): Promise<void> {
    const ours = new Set(
      (
        await loadRequests(
          db,
          tickets.map((ticket) => idIn(ticket.requestId)),
        )
      )
        .filter((record) => record.departmentId === actor.departmentId)
        .map((record) => String(record.id)),
    );
    const mine = tickets.filter((ticket) => ours.has(ticket.requestId));
    const ids = mine.map((ticket) => ticket.reservationId);
    await releaseReservations(db, ids, {
      reservedFor: mine.map((ticket) => bookSubject(idIn(ticket.requestId))),
    });
    if (ids.length > 0)
      await db.deleteFrom('signature_renderings').where('reservation_id', 'in', ids).execute();
  }

  return { prepare, confirm, release };
}

/**
 * The certificate must be the signer's own: whoever signs (the head the step names, or their
 * substitute today, who signs "por sustitución" with their own card) is the actor, and the NIF the
 * office keeps for them is the one the certificate must carry.
 */
async function refuseAnotherPersonsCertificate(
  trx: Transaction<OfficeSchema>,
  actor: Actor,
  signer: CertifiedSigner,
): Promise<void> {
  const user = await trx.selectFrom('users').select('nif').where('id', '=', actor.id).executeTakeFirst();
  if (!user?.nif) throw new ApiError('signature_signer_without_nif');
  if (signer.nif?.toUpperCase() !== user.nif.toUpperCase()) throw new ApiError('signature_wrong_certificate');
}

function signedEntry(
  record: RequestRecord,
  { step, actingFor }: Acting,
  actorId: string,
  number: string,
  { sha256, signer }: { sha256: string; signer: CertifiedSigner },
  at: Date,
): AuditEntry {
  return {
    at,
    actorId,
    caseId: record.caseId,
    action: 'resolution.signed',
    details: {
      request: record.id,
      number,
      step: step.position,
      field: step.fieldName,
      onBehalfOf: actingFor ? step.signerId : null,
      sha256,
      certificateIssuer: signer.issuer,
      certificateSerial: signer.serial,
    },
  };
}
