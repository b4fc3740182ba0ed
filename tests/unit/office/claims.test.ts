import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EventBus } from '../../../src/main/events';
import { officeOnStore } from '../../../src/main/office/index';
import { ActorDirectory } from '../../../src/main/office/users';
import { verifyAuditChain } from '../../../src/main/office/store/audit';
import { calendar, Desk, drainUnassigned, errorCode, seededOffice, type TestOffice } from './support';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

let office: TestOffice;
beforeAll(async () => {
  office = await seededOffice(400);
});
afterAll(() => office.store.close());

const auditActions = async (caseId: string) =>
  (
    await office.store.db
      .selectFrom('audit_trail')
      .select(['action', 'actor_id'])
      .where('case_id', '=', Number(caseId))
      .orderBy('seq')
      .execute()
  ).map((row) => `${row.action}:${row.actor_id}`);

describe('claim and release', () => {
  it('claims a free case once; a second desk gets already_claimed; release gives it back', async () => {
    const [ana, bea] = [await office.desk('ana').signIn('act-01'), await office.desk('bea').signIn('act-02')];
    const [free] = (await ana.call('cases.list', { queue: 'unassigned', limit: 1 })).rows;
    office.events.length = 0;

    const claimed = await ana.call('cases.claim', { caseId: free!.id });
    expect(claimed).toMatchObject({ id: free!.id, assigneeId: 'act-01', version: free!.version + 1 });
    expect(await errorCode(bea.call('cases.claim', { caseId: free!.id }))).toBe('already_claimed');
    expect(await ana.call('cases.claim', { caseId: free!.id })).toEqual(claimed);
    expect(await errorCode(bea.call('cases.release', { caseId: free!.id }))).toBe('forbidden');

    const released = await ana.call('cases.release', { caseId: free!.id });
    expect(released).toMatchObject({ assigneeId: null, version: free!.version + 2 });
    // Told only to those who may read the department's cases.
    const audience = { kind: 'department', departmentId: 'actividades', roles: ['processor', 'head'] };
    expect(office.events).toEqual([
      {
        name: 'cases.changed',
        payload: { caseIds: [free!.id], departmentId: 'actividades', kind: 'claimed' },
        audience,
      },
      {
        name: 'cases.changed',
        payload: { caseIds: [free!.id], departmentId: 'actividades', kind: 'released' },
        audience,
      },
    ]);
    expect((await auditActions(free!.id)).slice(-2)).toEqual(['case.claimed:act-01', 'case.released:act-01']);
    expect(await verifyAuditChain(office.store.db)).toMatchObject({ ok: true });
  });

  it('refuses cases of another department, closed cases (claimed or released) and unknown ids', async () => {
    const desk = await office.desk().signIn('pad-01');
    const [foreign] = (
      await (await office.desk().signIn('act-03')).call('cases.list', { queue: 'unassigned', limit: 1 })
    ).rows;
    expect(await errorCode(desk.call('cases.claim', { caseId: foreign!.id }))).toBe('not_found');
    const closed = await office.store.db
      .updateTable('cases')
      .set({ assignee_id: null })
      .where('id', '=', (eb) =>
        eb
          .selectFrom('cases')
          .select(eb.fn.min('id').as('id'))
          .where('department_id', '=', 'padron')
          .where('state', '=', 'archived'),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(await errorCode(desk.call('cases.claim', { caseId: String(closed.id) }))).toBe(
      'invalid_transition',
    );
    await office.store.db
      .updateTable('cases')
      .set({ assignee_id: 'pad-01' })
      .where('id', '=', closed.id)
      .execute();
    expect(await errorCode(desk.call('cases.release', { caseId: String(closed.id) }))).toBe(
      'invalid_transition',
    );
    expect(
      await office.store.db
        .selectFrom('cases')
        .select('assignee_id')
        .where('id', '=', closed.id)
        .executeTakeFirst(),
    ).toEqual({ assignee_id: 'pad-01' });
    expect(await errorCode(desk.call('cases.claim', { caseId: '99999' }))).toBe('not_found');
    expect(await errorCode(desk.call('cases.release', { caseId: '-1' }))).toBe('not_found');
  });

  it('claims next the free case of the department that falls due first, honouring the filter', async () => {
    const desk = await office.desk().signIn('tri-02');
    const [first] = (await desk.call('cases.list', { queue: 'unassigned', limit: 1 })).rows;
    const next = await desk.call('cases.claimNext', {});
    expect(next).toMatchObject({ id: first!.id, assigneeId: 'tri-02' });
    const filtered = await desk.call('cases.claimNext', { filter: { procedureCode: 'TRI-REP' } });
    expect(filtered?.procedureCode).toBe('TRI-REP');
    expect(await desk.call('cases.claimNext', { filter: { procedureCode: 'URB-OMEN' } })).toBeNull();
    expect(await auditActions(next!.id)).toContain('case.claimed:tri-02');
  });

  it('never gives one case to two desks claiming at once, and empties the queue exactly', async () => {
    const desks = await Promise.all(
      ['sso-01', 'sso-02', 'sso-03', 'sso-04'].map(async (user) => office.desk(user).signIn(user)),
    );
    const before = await desks[0]!.call('cases.queueCounts', {});
    const claimed = await drainUnassigned(desks);
    expect(claimed.length).toBe(before.unassigned);
    expect(new Set(claimed).size).toBe(claimed.length);
    expect((await desks[0]!.call('cases.queueCounts', {})).unassigned).toBe(0);
    expect(await verifyAuditChain(office.store.db)).toMatchObject({ ok: true });
  });
});

describe('sign-in methods', () => {
  const served = (mode: 'server' | 'training', signIn: 'demoPicker' | 'identityProvider') =>
    officeOnStore(
      office.store,
      { kind: 'pglite-memory' },
      { mode, signIn, events: new EventBus(), calendar: calendar() },
    );

  it('lets a demo desk pick any of its people', async () => {
    const desk = new Desk(await served('training', 'demoPicker'), 'training');
    expect((await desk.call('session.demoUsers', {})).length).toBeGreaterThan(0);
    expect((await desk.call('session.signIn', { userId: 'sec-01' })).mode).toBe('training');
  });

  it('gives no way to become someone by naming them where an identity provider signs people in', async () => {
    const desk = new Desk(await served('server', 'identityProvider'), 'server');
    expect(await errorCode(desk.call('session.demoUsers', {}))).toBe('forbidden');
    expect(await errorCode(desk.call('session.signIn', { userId: 'sec-01' }))).toBe('forbidden');
    expect(await desk.call('session.current', {})).toBeNull();
    expect(desk.ctx.session.get()).toBeNull();

    desk.signInByIdentityProvider('sec-01');
    expect(await desk.call('session.current', {})).toMatchObject({ mode: 'server', user: { id: 'sec-01' } });
    expect((await desk.call('cases.queueCounts', {})).unassigned).toBeGreaterThan(0);
  });
});

describe('signed-in users', () => {
  it('sees a deactivated user as gone once the remembered entry expires', async () => {
    let now = 0;
    const directory = new ActorDirectory(office.store.db, 5000, () => now);
    expect(await directory.resolve('mam-03')).toEqual({
      id: 'mam-03',
      name: expect.any(String),
      departmentId: 'medio-ambiente',
      roles: ['processor'],
    });
    await office.store.db.updateTable('users').set({ active: false }).where('id', '=', 'mam-03').execute();
    now = 4999;
    expect((await directory.resolve('mam-03'))?.id).toBe('mam-03');
    now = 5001;
    expect(await directory.resolve('mam-03')).toBeNull();
    expect(await directory.resolve('nobody')).toBeNull();
  });
});
