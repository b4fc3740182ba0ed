import { sql, type Transaction } from 'kysely';
import { madridDate } from '../../../shared/domain/calendar/dates';
import { draftResolutionText, type ResolutionTemplates } from '../resolutions/template';
import { appendAudit } from '../store/audit';
import type { OfficeSchema } from '../store/schema';
import { writeRequest, sentEntry, type SendInput } from './requests';
import { defaultTitle, draftFacts, loadCaseForResolution } from './resolution';
import { departmentHeads } from './substitutions';

const dayMs = 86_400_000;

/** Who sent the request of a case nobody holds: the department's first processor. */
async function firstProcessor(trx: Transaction<OfficeSchema>, departmentId: string): Promise<string | null> {
  const row = await trx
    .selectFrom('users')
    .select('id')
    .where('department_id', '=', departmentId)
    .where(sql<boolean>`'processor' = any(roles)`)
    .orderBy('id')
    .executeTakeFirst();
  return row?.id ?? null;
}
const priorities = ['normal', 'high', 'urgent'] as const;

/**
 * The demo city's cases awaiting signature wait in their heads' trays: each gets the request that
 * put it there, drafted from its procedure's template and sent by its processor, to the head of
 * service alone, or for the head's approval and then the councillor's signature; priorities and
 * last days vary. In the seed's transaction.
 */
export async function seedPendingRequests(
  trx: Transaction<OfficeSchema>,
  templates: ResolutionTemplates,
  now: Date,
): Promise<number> {
  const cases = await trx
    .selectFrom('cases')
    .select(['id', 'department_id', 'assignee_id'])
    .where('state', '=', 'awaiting_signature')
    .orderBy('id')
    .execute();
  const entries = [];
  for (const [index, { id, department_id: departmentId, assignee_id: assigneeId }] of cases.entries()) {
    const heads = await departmentHeads(trx, departmentId).execute();
    const head = heads.find((candidate) => candidate.id.endsWith('-jefatura')) ?? heads[0];
    const councillor = heads.find((candidate) => candidate !== head);
    if (!head) continue;
    const senderId = assigneeId ?? (await firstProcessor(trx, departmentId)) ?? head.id;
    const sender = { id: senderId, name: '', departmentId, roles: ['processor' as const] };
    const found = await loadCaseForResolution(trx, sender, id);
    const input: Omit<SendInput, 'caseId'> = {
      locale: 'es',
      title: defaultTitle('es'),
      text: draftResolutionText(templates, draftFacts(found, 'es'), 'es'),
      mode: 'cascade',
      priority: priorities[index % priorities.length]!,
      expiresOn: madridDate(new Date(now.getTime() + (3 + (index % 10)) * dayMs)),
      steps:
        index % 2 === 1 && councillor
          ? [
              { signerId: head.id, action: 'approve' },
              { signerId: councillor.id, action: 'sign' },
            ]
          : [{ signerId: head.id, action: 'sign' }],
    };
    const created = await writeRequest(trx, templates, found, input, sender.id, now);
    entries.push(sentEntry(id, input, created, sender.id, now));
  }
  await appendAudit(trx, entries);
  return cases.length;
}
