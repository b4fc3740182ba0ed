import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { madridDate } from '../../../shared/domain/calendar/dates';
import type { CertifiedSigner } from '../signatures/signer-check';
import type { OfficeSchema } from '../store/schema';
import { newCsvCode } from './csv-code';

export interface BookNumber {
  year: number;
  number: number;
}

/** A number (and its CSV) held for one document until it is confirmed, released or expires. */
export interface Reservation extends BookNumber {
  reservationId: string;
  /** What the number is for: the signature request it will be stamped on. */
  reservedFor: string;
  csv: string;
  expiresAt: Date;
}

export interface ConfirmedNumber extends BookNumber {
  csv: string;
}

/** `2026/000123`, as the book and the stamped document show it. */
export const bookLabel = ({ year, number }: BookNumber): string =>
  `${year}/${String(number).padStart(6, '0')}`;

export const bookYear = (instant: Date): number => Number(madridDate(instant).slice(0, 4));

/**
 * The reservation is gone: it expired and the number went to another document (`reused`), it was
 * released, or the year changed before confirming (a resolution dated 2027 cannot take a 2026 number).
 * The signed bytes carry that number, so they must be thrown away and the item signed again.
 */
export class ReservationLostError extends Error {
  constructor(
    readonly reservationId: string,
    readonly reason: 'reused_or_released' | 'year_changed',
  ) {
    super(`reservation ${reservationId} lost: ${reason}`);
    this.name = 'ReservationLostError';
  }
}

/** Another desk already confirmed a number for the same document. */
export class AlreadyNumberedError extends Error {
  constructor(readonly reservationId: string) {
    super(`reservation ${reservationId}: its document already has its number`);
    this.name = 'AlreadyNumberedError';
  }
}

const uniqueViolation = '23505';

const reusable = (now: Date) =>
  sql<boolean>`(state = 'free' or (state = 'reserved' and expires_at <= ${now}))`;

const insertBatch = 2000;

const held = (reservedFor: string, expiresAt: Date) => ({
  state: 'reserved' as const,
  reservation_id: randomUUID(),
  reserved_for: reservedFor,
  expires_at: expiresAt,
  csv: newCsvCode(),
});

type Held = ReturnType<typeof held>;

const reservationOf = (year: number, number: number, row: Held): Reservation => ({
  year,
  number,
  reservationId: row.reservation_id,
  reservedFor: row.reserved_for,
  csv: row.csv,
  expiresAt: row.expires_at,
});

/** The lowest numbers waiting for reuse first, then new ones from the year's sequence, in order. */
async function reserveIn(
  trx: Transaction<OfficeSchema>,
  year: number,
  reservedFor: readonly string[],
  now: Date,
  expiresAt: Date,
): Promise<Reservation[]> {
  const rows = reservedFor.map((subject) => held(subject, expiresAt));
  // SKIP LOCKED: two desks reserving at once pass each other's candidates instead of queueing on them.
  const candidates = await trx
    .selectFrom('resolution_numbers')
    .select('number')
    .where('year', '=', year)
    .where(reusable(now))
    .orderBy('number')
    .limit(rows.length)
    .forUpdate()
    .skipLocked()
    .execute();
  const reservations: Reservation[] = [];
  for (const [index, { number }] of candidates.entries()) {
    await trx
      .updateTable('resolution_numbers')
      .set(rows[index]!)
      .where('year', '=', year)
      .where('number', '=', number)
      .execute();
    reservations.push(reservationOf(year, number, rows[index]!));
  }
  const fresh = rows.slice(candidates.length);
  if (fresh.length === 0) return reservations;
  // The year's row lock serializes the sequence: a number taken here is never handed out twice.
  const { first } = await trx
    .updateTable('resolution_book_years')
    .set({ next_number: sql`next_number + ${fresh.length}` })
    .where('year', '=', year)
    .returning(sql<number>`next_number - ${fresh.length}`.as('first'))
    .executeTakeFirstOrThrow();
  const numbered = fresh.map((row, index) => ({ year, number: first + index, ...row }));
  // Within the 65,535 parameters of one statement (a demo city reserves thousands at once).
  for (let start = 0; start < numbered.length; start += insertBatch)
    await trx
      .insertInto('resolution_numbers')
      .values(numbered.slice(start, start + insertBatch))
      .execute();
  return [...reservations, ...fresh.map((row, index) => reservationOf(year, first + index, row))];
}

/**
 * Reserves one number per document, in the order given, for `holdMs`. The lowest number waiting for
 * reuse (released, or reserved and expired) goes first, so a failed or abandoned signature leaves no
 * gap: the next document takes its number.
 */
export async function reserveNumbers(
  db: Kysely<OfficeSchema>,
  request: { for: readonly string[]; now: Date; holdMs: number },
): Promise<Reservation[]> {
  const year = bookYear(request.now);
  const expiresAt = new Date(request.now.getTime() + request.holdMs);
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('resolution_book_years')
      .values({ year })
      .onConflict((conflict) => conflict.column('year').doNothing())
      .execute();
    return request.for.length === 0 ? [] : reserveIn(trx, year, request.for, request.now, expiresAt);
  });
}

/**
 * Confirms a reservation inside the caller's transaction, so the number, the signed document and the
 * book entry (with the signer as their certificate names them) commit together or not at all. A reservation that expired but was not reused yet still
 * confirms: only a number another document took is lost.
 */
export async function confirmReservation(
  trx: Transaction<OfficeSchema>,
  reservationId: string,
  entry: { now: Date; caseId: number; signerId: string; signedSha256: string; signer: CertifiedSigner },
): Promise<ConfirmedNumber> {
  let held;
  try {
    held = await trx
      .updateTable('resolution_numbers')
      .set({
        state: 'confirmed',
        confirmed_at: entry.now,
        case_id: entry.caseId,
        signer_id: entry.signerId,
        signed_sha256: entry.signedSha256,
        signer_name: entry.signer.name,
        signer_nif: entry.signer.nif,
        signer_certificate_issuer: entry.signer.issuer,
        signer_certificate_serial: entry.signer.serial,
        signer_chain: entry.signer.chain,
      })
      .where('reservation_id', '=', reservationId)
      .where('state', '=', 'reserved')
      .returning(['year', 'number', 'csv', 'reserved_for'])
      .executeTakeFirst();
  } catch (error) {
    // resolution_numbers_one_per_subject: the index, not a prior read, decides between two desks.
    if ((error as { code?: unknown }).code === uniqueViolation) throw new AlreadyNumberedError(reservationId);
    throw error;
  }
  if (!held) throw new ReservationLostError(reservationId, 'reused_or_released');
  // Thrown inside the caller's transaction, which rolls the confirmation back with everything else.
  if (held.year !== bookYear(entry.now)) throw new ReservationLostError(reservationId, 'year_changed');
  return { year: held.year, number: held.number, csv: held.csv ?? '' };
}

/**
 * Gives numbers back at once (cancelled, failed before signing): the next reservation reuses them.
 * With `reservedFor`, only reservations made for one of those subjects go back.
 */
export async function releaseReservations(
  db: Kysely<OfficeSchema>,
  reservationIds: readonly string[],
  only: { reservedFor?: readonly string[] } = {},
): Promise<void> {
  if (reservationIds.length === 0) return;
  let release = db
    .updateTable('resolution_numbers')
    .set({ state: 'free', reservation_id: null, reserved_for: null, expires_at: null, csv: null })
    .where('reservation_id', 'in', reservationIds)
    .where('state', '=', 'reserved');
  if (only.reservedFor) release = release.where('reserved_for', 'in', only.reservedFor);
  await release.execute();
}

/**
 * Keeps reservations alive while a slow card works through a batch; returns the ids still held
 * (one that expired and was reused is not among them, and its item must be signed again).
 */
export async function extendReservations(
  db: Kysely<OfficeSchema>,
  reservationIds: readonly string[],
  until: Date,
): Promise<string[]> {
  if (reservationIds.length === 0) return [];
  const rows = await db
    .updateTable('resolution_numbers')
    .set({ expires_at: until })
    .where('reservation_id', 'in', reservationIds)
    .where('state', '=', 'reserved')
    .returning('reservation_id')
    .execute();
  return rows.map((row) => row.reservation_id ?? '');
}
