import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { errorCode, seededOffice, type TestOffice } from './support';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

/** Who reads and works which cases, in the office itself (dispatch enforcing the contract's rules). */
let office: TestOffice;
beforeAll(async () => {
  office = await seededOffice(300);
});
afterAll(() => office.store.close());

const casesOf = async (departmentId: string) =>
  (
    await office.store.db
      .selectFrom('cases')
      .select(['id', 'assignee_id', 'version'])
      .where('department_id', '=', departmentId)
      .orderBy('id')
      .execute()
  ).map((row) => ({ ...row, id: String(row.id) }));

const auditRows = async () =>
  Number(
    (
      await office.store.db
        .selectFrom('audit_trail')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('a department’s cases', () => {
  it('are the only ones its processor reads: every other case is not_found', async () => {
    const desk = await office.desk().signIn('urb-01');
    const all = await office.store.db.selectFrom('cases').select(['id', 'department_id']).execute();
    const own = all.filter((row) => row.department_id === 'urbanismo');
    expect(own.length).toBeGreaterThan(10);
    expect(all.length - own.length).toBeGreaterThan(100);
    for (const row of all) {
      const read = desk.call('cases.get', { caseId: String(row.id) });
      if (row.department_id === 'urbanismo') expect((await read).procedure.departmentId).toBe('urbanismo');
      else expect(await errorCode(read)).toBe('not_found');
    }
  });

  it('cannot be claimed or released from another department, and such an attempt leaves no trace', async () => {
    const holder = await office.desk().signIn('act-01');
    const outsider = await office.desk().signIn('pad-01');
    const taken = await holder.call('cases.claimNext', {});
    const [free] = (await holder.call('cases.list', { queue: 'unassigned', limit: 1 })).rows;
    const before = {
      events: office.events.length,
      audit: await auditRows(),
      cases: await casesOf('actividades'),
    };

    for (const caseId of [taken!.id, free!.id]) {
      expect(await errorCode(outsider.call('cases.release', { caseId }))).toBe('not_found');
      expect(await errorCode(outsider.call('cases.claim', { caseId }))).toBe('not_found');
    }
    expect(office.events.length).toBe(before.events);
    expect(await auditRows()).toBe(before.audit);
    expect(await casesOf('actividades')).toEqual(before.cases);
  });

  it('stay with the department when their holder moves to another one', async () => {
    // Claimed behind the office's back, so that nothing remembers who sso-02 was before the move.
    const kept = await office.store.db
      .updateTable('cases')
      .set({ assignee_id: 'sso-02' })
      .where('id', '=', (eb) =>
        eb
          .selectFrom('cases')
          .select(eb.fn.min('id').as('id'))
          .where('department_id', '=', 'servicios-sociales')
          .where('is_open', '=', true)
          .where('assignee_id', 'is', null),
      )
      .returning('id')
      .executeTakeFirstOrThrow()
      .then((row) => ({ id: String(row.id) }));
    await office.store.db
      .updateTable('users')
      .set({ department_id: 'tributos' })
      .where('id', '=', 'sso-02')
      .execute();
    const moved = await office.desk().signIn('sso-02');
    expect((await moved.call('cases.list', { queue: 'mine' })).rows.map((row) => row.id)).not.toContain(
      kept.id,
    );
    expect((await moved.call('cases.queueCounts', {})).mine).toBe(0);
    expect(await errorCode(moved.call('cases.get', { caseId: kept.id }))).toBe('not_found');
    expect(await errorCode(moved.call('cases.release', { caseId: kept.id }))).toBe('not_found');
  });
});

describe('roles', () => {
  it('a head reads the department’s queues and cases but claims and releases nothing', async () => {
    const head = await office.desk().signIn('tri-jefatura');
    const [free] = (await head.call('cases.list', { queue: 'unassigned', limit: 1 })).rows;
    expect((await head.call('cases.get', { caseId: free!.id })).case.id).toBe(free!.id);
    expect((await head.call('cases.queueCounts', {})).unassigned).toBeGreaterThan(0);
    expect(await errorCode(head.call('cases.claim', { caseId: free!.id }))).toBe('forbidden');
    expect(await errorCode(head.call('cases.claimNext', {}))).toBe('forbidden');
    expect(await errorCode(head.call('cases.release', { caseId: free!.id }))).toBe('forbidden');
  });

  it('the administrator makes no case call at all', async () => {
    const admin = await office.desk().signIn('admin');
    expect(await errorCode(admin.call('cases.procedures', {}))).toBe('forbidden');
    expect(await errorCode(admin.call('cases.queueCounts', {}))).toBe('forbidden');
    expect(await errorCode(admin.call('cases.list', { queue: 'unassigned' }))).toBe('forbidden');
    expect(await errorCode(admin.call('cases.get', { caseId: '1' }))).toBe('forbidden');
    expect(await errorCode(admin.call('cases.claimNext', {}))).toBe('forbidden');
    expect(await admin.call('session.signOut', {})).toEqual({ ok: true });
  });

  it('the demo trainer, also a processor, works the cases of their department', async () => {
    const trainer = await office.desk().signIn('formacion');
    expect((await trainer.call('cases.claimNext', {}))?.assigneeId).toBe('formacion');
  });
});
