import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CaseRow } from '../../../src/shared/api/cases';
import { openStates, queueNames, type QueueName } from '../../../src/shared/domain/cases';
import { calendar, errorCode, fixedToday, seededOffice, type Desk, type TestOffice } from './support';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

let office: TestOffice;
let desk: Desk;
const me = 'urb-02';

beforeAll(async () => {
  office = await seededOffice(800);
  desk = await office.desk('queues').signIn(me);
});
afterAll(() => office.store.close());

const dueSoonUntil = () => calendar().addBusinessDays(fixedToday, 5, []);

async function wholeQueue(queue: QueueName, filter = {}): Promise<{ total: number; rows: CaseRow[] }> {
  return desk.call('cases.list', { queue, filter, limit: 500 });
}

const departmentOf = async (caseIds: string[]) => {
  const rows = await office.store.db
    .selectFrom('cases')
    .select(['department_id'])
    .where('id', 'in', caseIds.map(Number))
    .execute();
  return new Set(rows.map((row) => row.department_id));
};

describe('queues', () => {
  it('holds what each queue promises, relative to the signed-in user and their department', async () => {
    const open = new Set<string>(openStates);
    const mine = await wholeQueue('mine');
    expect(mine.rows.length).toBeGreaterThan(0);
    for (const row of mine.rows) expect([row.assigneeId, open.has(row.state)]).toEqual([me, true]);

    const unassigned = await wholeQueue('unassigned');
    for (const row of unassigned.rows) expect([row.assigneeId, open.has(row.state)]).toEqual([null, true]);

    const dueSoon = await wholeQueue('due_soon');
    for (const row of dueSoon.rows) {
      expect(open.has(row.state)).toBe(true);
      expect(row.dueDate >= fixedToday && row.dueDate <= dueSoonUntil()).toBe(true);
      expect(row.businessDaysLeft).toBeGreaterThanOrEqual(0);
      expect(row.businessDaysLeft).toBeLessThanOrEqual(5);
    }

    const amendment = await wholeQueue('awaiting_amendment');
    for (const row of amendment.rows) expect(row.state).toBe('awaiting_amendment');

    const overdue = await wholeQueue('overdue');
    for (const row of overdue.rows) {
      expect(open.has(row.state)).toBe(true);
      expect(row.dueDate < fixedToday).toBe(true);
      expect(row.businessDaysLeft).toBeLessThan(0);
    }

    for (const queue of [unassigned, dueSoon, amendment, overdue]) {
      expect(queue.rows.length).toBeGreaterThan(0);
      expect(await departmentOf(queue.rows.map((row) => row.id))).toEqual(new Set(['urbanismo']));
    }
  });

  it('counts exactly what the lists hold, and the department’s cases are all accounted for', async () => {
    const counts = await desk.call('cases.queueCounts', {});
    for (const queue of queueNames) expect(counts[queue]).toBe((await wholeQueue(queue)).total);
    const open = await office.store.db
      .selectFrom('cases')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('department_id', '=', 'urbanismo')
      .where('is_open', '=', true)
      .where('assignee_id', 'is', null)
      .executeTakeFirstOrThrow();
    expect(counts.unassigned).toBe(open.n);
  });

  it('sorts by due date both ways and pages without gaps or repeats', async () => {
    const all = await wholeQueue('unassigned');
    const dates = all.rows.map((row) => row.dueDate);
    expect(dates).toEqual([...dates].sort());
    const descending = await desk.call('cases.list', { queue: 'unassigned', sort: 'due_desc', limit: 500 });
    expect(descending.rows.map((row) => row.dueDate)).toEqual([...dates].sort().reverse());
    const paged: string[] = [];
    for (let offset = 0; offset < all.total; offset += 7)
      paged.push(
        ...(await desk.call('cases.list', { queue: 'unassigned', offset, limit: 7 })).rows.map(
          (row) => row.id,
        ),
      );
    expect(paged).toEqual(all.rows.map((row) => row.id));
  });

  it('filters by procedure and state', async () => {
    const byProcedure = await wholeQueue('unassigned', { procedureCode: 'URB-OMEN' });
    expect(byProcedure.total).toBeGreaterThan(0);
    expect(byProcedure.rows.every((row) => row.procedureCode === 'URB-OMEN')).toBe(true);
    const byState = await wholeQueue('unassigned', { state: 'in_progress' });
    expect(byState.total).toBeGreaterThan(0);
    expect(byState.rows.every((row) => row.state === 'in_progress')).toBe(true);
    expect((await wholeQueue('unassigned', { state: 'archived' })).total).toBe(0);
  });

  it('filters by text over case number, NIF and name, ignoring case and accents', async () => {
    const all = await wholeQueue('unassigned');
    const sample = all.rows.find((row) => /[áéíóúñ]/i.test(row.applicantName)) ?? all.rows[0]!;
    const plainName = sample.applicantName
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toUpperCase();
    for (const text of [plainName, sample.applicantNif.toLowerCase(), sample.number.toLowerCase()]) {
      const found = await wholeQueue('unassigned', { text });
      expect(found.rows.map((row) => row.id)).toContain(sample.id);
    }
    const byNif = await wholeQueue('unassigned', { text: sample.applicantNif });
    expect(byNif.rows.every((row) => row.applicantNif === sample.applicantNif)).toBe(true);
    // Every word must match; LIKE wildcards are plain characters.
    expect((await wholeQueue('unassigned', { text: `${sample.number} zzzz` })).total).toBe(0);
    expect((await wholeQueue('unassigned', { text: '%' })).total).toBe(0);
    expect((await wholeQueue('unassigned', { text: '_' })).total).toBe(0);
  });

  it('refuses an invalid filter with a typed error', async () => {
    expect(
      await errorCode(desk.call('cases.list', { queue: 'unassigned', filter: { state: 'lost' as never } })),
    ).toBe('invalid_input');
    expect(await errorCode(desk.call('cases.list', { queue: 'everything' as never }))).toBe('invalid_input');
    expect(
      await errorCode(desk.call('cases.list', { queue: 'mine', filter: { text: 'x'.repeat(101) } })),
    ).toBe('invalid_input');
    // PostgreSQL cannot store NUL in text: it is refused at the contract, never sent to the database.
    for (const text of ['García\u0000', '\u0000', 'a\u0007b'])
      expect(await errorCode(desk.call('cases.list', { queue: 'unassigned', filter: { text } }))).toBe(
        'invalid_input',
      );
    expect(await errorCode(desk.call('cases.get', { caseId: '1\u0000' }))).toBe('invalid_input');
  });

  it('lists the department’s procedures and opens a case with its documents and history', async () => {
    const procedures = await desk.call('cases.procedures', {});
    expect(procedures.map((procedure) => procedure.code)).toContain('URB-OMEN');
    expect(procedures.every((procedure) => procedure.departmentId === 'urbanismo')).toBe(true);
    const secretaria = await office.desk('secretaria').signIn('sec-01');
    expect(
      (await secretaria.call('cases.procedures', {})).find((procedure) => procedure.code === 'SEC-AIP'),
    ).toMatchObject({
      term: { unit: 'months', amount: 1 },
      silence: 'negative',
      name: { 'ca-valencia': 'Accés a informació pública' },
    });
    const [first] = (await wholeQueue('mine')).rows;
    const detail = await desk.call('cases.get', { caseId: first!.id });
    expect(detail.case).toEqual(first);
    expect(detail.eniId).toMatch(/^ES_L01031336_\d{4}_EXP_/);
    expect(detail.history[0]).toMatchObject({
      action: 'case.registered',
      details: { number: first!.number },
    });
    expect(await errorCode(desk.call('cases.get', { caseId: '999999' }))).toBe('not_found');
    expect(await errorCode(desk.call('cases.get', { caseId: 'abc' }))).toBe('not_found');
  });
});

describe('session', () => {
  it('signs in a demo user, reports the session and signs out', async () => {
    const other = office.desk();
    expect(await other.call('session.current', {})).toBeNull();
    const users = await other.call('session.demoUsers', {});
    expect(users.length).toBeGreaterThanOrEqual(35);
    expect(new Set(users.flatMap((user) => user.roles))).toEqual(
      new Set(['processor', 'head', 'trainer', 'admin']),
    );
    const info = await other.call('session.signIn', { userId: 'tri-01' });
    expect(info).toMatchObject({ mode: 'embedded', user: { id: 'tri-01', departmentName: 'Tributos' } });
    expect(await other.call('session.current', {})).toEqual(info);
    expect(await other.call('session.signOut', {})).toEqual({ ok: true });
    expect(await other.call('session.current', {})).toBeNull();
  });

  it('refuses unknown users and every case call without a signed-in user', async () => {
    const anonymous = office.desk();
    expect(await errorCode(anonymous.call('session.signIn', { userId: 'nobody' }))).toBe('unknown_user');
    expect(await errorCode(anonymous.call('session.signOut', {}))).toBe('not_signed_in');
    expect(await errorCode(anonymous.call('cases.queueCounts', {}))).toBe('not_signed_in');
    expect(await errorCode(anonymous.call('cases.list', { queue: 'mine' }))).toBe('not_signed_in');
    expect(await errorCode(anonymous.call('cases.claimNext', {}))).toBe('not_signed_in');
    expect(await errorCode(anonymous.call('cases.get', { caseId: '1' }))).toBe('not_signed_in');
  });
});
