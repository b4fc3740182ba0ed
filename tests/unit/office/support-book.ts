import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { confirmReservation, reserveNumbers } from '../../../src/main/office/book/reservations';
import type { CertifiedSigner } from '../../../src/main/office/signatures/signer-check';
import type { OfficeSchema } from '../../../src/main/office/store/schema';

export interface EntryPlan {
  caseId: number;
  signerId: string;
  at: Date;
  /** The NIF the signer's certificate carried (none by default). */
  nif?: string;
}

/** A stand-in for a signed document's hash: distinct per entry, like real ones. */
export const fakeSha256 = (seed: string): string => createHash('sha256').update(seed).digest('hex');

/**
 * Writes book entries the way a confirmed signature does (reserve, then confirm in a transaction),
 * one at a time at its own instant, so the book's numbers follow the plans' order. Each entry's
 * document is `<prefix>-<index>`, and so is the seed of its stand-in hash; its signer's certificate
 * names them as the users table does now.
 */
export async function recordEntries(
  db: Kysely<OfficeSchema>,
  plans: readonly EntryPlan[],
  prefix = 'entry',
): Promise<void> {
  for (const [index, plan] of plans.entries()) {
    const subject = `${prefix}-${index}`;
    const [reservation] = await reserveNumbers(db, { for: [subject], now: plan.at, holdMs: 60_000 });
    const user = await db
      .selectFrom('users')
      .select('name')
      .where('id', '=', plan.signerId)
      .executeTakeFirstOrThrow();
    await db.transaction().execute((trx) =>
      confirmReservation(trx, reservation!.reservationId, {
        now: plan.at,
        caseId: plan.caseId,
        signerId: plan.signerId,
        signedSha256: fakeSha256(subject),
        signer: testCertifiedSigner(user.name, plan.nif ?? null, index),
      }),
    );
  }
}

/** What a confirmation records of a test signer's certificate. */
export const testCertifiedSigner = (name: string, nif: string | null, serial: number): CertifiedSigner => ({
  name,
  nif,
  issuer: 'C=ES, O=Despacho, CN=AC PRUEBAS DESPACHO',
  serial: serial.toString(16).padStart(2, '0'),
  chain: 'trusted',
});
