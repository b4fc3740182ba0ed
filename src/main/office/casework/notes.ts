import type { Kysely } from 'kysely';
import type { CaseNote } from '../../../shared/api/casework';
import { ApiError } from '../../../shared/api/errors';
import { appendAudit } from '../store/audit';
import type { OfficeSchema } from '../store/schema';
import type { Actor } from '../users';

/** The case, when it is the actor's department's; another department's is `not_found`. */
async function caseInDepartment(db: Kysely<OfficeSchema>, actor: Actor, caseId: number): Promise<void> {
  const found = await db
    .selectFrom('cases')
    .select('department_id')
    .where('id', '=', caseId)
    .executeTakeFirst();
  if (!found || found.department_id !== actor.departmentId) throw new ApiError('not_found');
}

const noteQuery = (db: Kysely<OfficeSchema>) =>
  db
    .selectFrom('notes as n')
    .innerJoin('users as u', 'u.id', 'n.author_id')
    .select(['n.id', 'n.body', 'n.created_at', 'u.id as author_id', 'u.name as author_name']);

const toNote = (row: {
  id: number;
  body: string;
  created_at: Date;
  author_id: string;
  author_name: string;
}): CaseNote => ({
  id: String(row.id),
  author: { id: row.author_id, name: row.author_name },
  body: row.body,
  createdAt: row.created_at.toISOString(),
});

/** The case's internal notes, oldest first (a conversation reads top to bottom). */
export async function listNotes(db: Kysely<OfficeSchema>, actor: Actor, caseId: number): Promise<CaseNote[]> {
  await caseInDepartment(db, actor, caseId);
  const rows = await noteQuery(db)
    .where('n.case_id', '=', caseId)
    .orderBy('n.created_at')
    .orderBy('n.id')
    .execute();
  return rows.map(toNote);
}

/**
 * Adds an internal note. Notes only add (none is edited or removed), so two desks writing at once
 * lose nothing and need no version. The audit says a note was added and how long it is, never its
 * text: what a colleague wrote stays in the notes, readable only by the department.
 */
export async function addNote(
  db: Kysely<OfficeSchema>,
  actor: Actor,
  caseId: number,
  body: string,
  at: Date,
): Promise<CaseNote> {
  await caseInDepartment(db, actor, caseId);
  const id = await db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto('notes')
      .values({ case_id: caseId, author_id: actor.id, body, created_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, [
      {
        at,
        actorId: actor.id,
        caseId,
        action: 'casework.note_added',
        details: { note: created.id, characters: body.length },
      },
    ]);
    return created.id;
  });
  return toNote(await noteQuery(db).where('n.id', '=', id).executeTakeFirstOrThrow());
}
