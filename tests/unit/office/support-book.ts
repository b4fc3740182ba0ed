import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { confirmReservation, reserveNumbers } from '../../../src/main/office/book/reservations';
import type { OfficeSchema } from '../../../src/main/office/store/schema';

export interface EntryPlan {
  caseId: number;
  signerId: string;
  at: Date;
}

/** A stand-in for a signed document's hash: distinct per entry, like real ones. */
export const fakeSha256 = (seed: string): string => createHash('sha256').update(seed).digest('hex');

/**
 * Writes book entries the way a confirmed signature does (reserve, then confirm in a transaction),
 * one at a time at its own instant, so the book's numbers follow the plans' order. Each entry's
 * document is `<prefix>-<index>`, and so is the seed of its stand-in hash.
 */
export async function recordEntries(
  db: Kysely<OfficeSchema>,
  plans: readonly EntryPlan[],
  prefix = 'entry',
): Promise<void> {
  for (const [index, plan] of plans.entries()) {
    const subject = `${prefix}-${index}`;
    const [reservation] = await reserveNumbers(db, { for: [subject], now: plan.at, holdMs: 60_000 });
    await db.transaction().execute((trx) =>
      confirmReservation(trx, reservation!.reservationId, {
        now: plan.at,
        caseId: plan.caseId,
        signerId: plan.signerId,
        signedSha256: fakeSha256(subject),
      }),
    );
  }
}
