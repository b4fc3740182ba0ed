import { sql, type Transaction } from 'kysely';
import { madridDate } from '../../../shared/domain/calendar/dates';
import { draftResolutionText, type ResolutionTemplates } from '../resolutions/template';
import { appendAudit } from '../store/audit';
import type { OfficeSchema } from '../store/schema';
import { sentEntry, writeRequest, type SendInput } from './requests';
import { casesForResolution, defaultTitle, draftFacts } from './resolution';

const dayMs = 86_400_000;
const priorities = ['normal', 'high', 'urgent'] as const;

/** The department's staff with a role, by department, in id order (the head of service's id ends in -jefatura). */
async function staffWith(trx: Transaction<OfficeSchema>, role: 'head' | 'processor') {
  const rows = await trx
    .selectFrom('users')
    .select(['id', 'department_id'])
    .where('active', '=', true)
    .where(sql<boolean>`${role} = any(roles)`)
    .orderBy('id')
    .execute();
  const byDepartment = new Map<string, string[]>();
  for (const row of rows)
    byDepartment.set(row.department_id, [...(byDepartment.get(row.department_id) ?? []), row.id]);
  return byDepartment;
}

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
  const [cases, heads, processors, assignees] = await Promise.all([
    casesForResolution(trx, { state: 'awaiting_signature' }),
    staffWith(trx, 'head'),
    staffWith(trx, 'processor'),
    trx.selectFrom('cases').select(['id', 'assignee_id']).where('state', '=', 'awaiting_signature').execute(),
  ]);
  const assigneeOf = new Map(assignees.map((row) => [row.id, row.assignee_id]));
  const entries = [];
  for (const [index, found] of cases.entries()) {
    const departmentHeads = heads.get(found.departmentId) ?? [];
    const head = departmentHeads.find((id) => id.endsWith('-jefatura')) ?? departmentHeads[0];
    const councillor = departmentHeads.find((id) => id !== head);
    const sender = assigneeOf.get(found.id) ?? processors.get(found.departmentId)?.[0];
    if (!head || !sender) continue;
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
              { signerId: head, action: 'approve' },
              { signerId: councillor, action: 'sign' },
            ]
          : [{ signerId: head, action: 'sign' }],
    };
    const created = await writeRequest(trx, templates, found, input, sender, now);
    entries.push(sentEntry(found.id, input, created, sender, now));
  }
  await appendAudit(trx, entries);
  return entries.length;
}
