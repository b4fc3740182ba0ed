import type { Kysely } from 'kysely';
import { bookYear } from '../book/reservations';
import { sha256Hex, type DocumentContents } from '../signatures/document-contents';
import type { OfficeSchema } from '../store/schema';

/**
 * The office's part of the demo city's documents that arrive signed: the applications (TD14)
 * of the cases in the year's demo book came in through the electronic office, signed by their
 * applicants. The signing itself is the desk's (src/main/compose/demo-signed-arrivals.ts).
 */
export interface ArrivingApplication {
  documentId: number;
  /** The application as the demo city stored it, unsigned. */
  bytes: Uint8Array;
  applicant: { name: string; nif: string };
  /** Shortly before the registry entry, on a whole minute (a PDF's signing time has no fractions). */
  signedAt: Date;
  /**
   * The copy that reached the office was changed after it was signed (one per department: its
   * first resolved case in the book), so the case page shows a signature that does not verify.
   */
  damagedInTransit: boolean;
}

const minuteMs = 60_000;

/** The applications of the year's demo book cases, in book order; those whose bytes are missing are left out. */
export async function planArrivingApplications(
  db: Kysely<OfficeSchema>,
  contents: DocumentContents,
  now: Date,
): Promise<ArrivingApplication[]> {
  const rows = await db
    .selectFrom('signature_requests as s')
    .innerJoin('cases as c', 'c.id', 's.case_id')
    .innerJoin('applicants as a', 'a.id', 'c.applicant_id')
    .innerJoin('registry_entries as r', 'r.id', 'c.registry_entry_id')
    .innerJoin('documents as d', (join) =>
      join.onRef('d.case_id', '=', 'c.id').on('d.document_type', '=', 'TD14'),
    )
    .select(['d.id', 'd.sha256', 'c.department_id', 'a.name', 'a.nif', 'r.registered_at'])
    .where('s.state', '=', 'signed')
    .where('s.book_year', '=', bookYear(now))
    .orderBy('s.book_number')
    .execute();
  const damagedDepartments = new Set<string>();
  const planned: ArrivingApplication[] = [];
  for (const row of rows) {
    const bytes = await contents.read(db, row.sha256);
    if (bytes === null) continue;
    const damagedInTransit = !damagedDepartments.has(row.department_id);
    damagedDepartments.add(row.department_id);
    planned.push({
      documentId: row.id,
      bytes,
      applicant: { name: row.name, nif: row.nif },
      signedAt: new Date(Math.floor(row.registered_at.getTime() / minuteMs) * minuteMs - 5 * minuteMs),
      damagedInTransit,
    });
  }
  return planned;
}

/** The signed applications take the place of the unsigned ones: contents first, then the rows together. */
export async function recordArrivingApplications(
  db: Kysely<OfficeSchema>,
  contents: DocumentContents,
  arrived: readonly { documentId: number; bytes: Uint8Array }[],
): Promise<void> {
  for (const { bytes } of arrived) contents.writeFile(bytes);
  await db.transaction().execute(async (trx) => {
    for (const { documentId, bytes } of arrived) {
      const sha256 = sha256Hex(bytes);
      await contents.record(trx, sha256, bytes);
      await trx
        .updateTable('documents')
        .set({ sha256, size: bytes.byteLength })
        .where('id', '=', documentId)
        .execute();
    }
  });
}
