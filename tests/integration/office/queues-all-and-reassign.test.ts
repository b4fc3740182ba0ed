import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseRow } from '../../../src/shared/api/cases';
import { openStates, type CaseState } from '../../../src/shared/domain/cases';
import { storeEngines } from '../../support/store-engines';
import { errorCode, fixedToday, seededOffice, type Desk, type TestOffice } from '../../unit/office/support';

/**
 * The department's "all" view and search across states, claim-next from the queue being viewed,
 * the department's procedures, and reassignment, on PGlite and PostgreSQL.
 */
const scratch = mkdtempSync(join(tmpdir(), 'despacho-queues-all-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const closedStates: CaseState[] = ['resolved', 'notified', 'archived', 'withdrawn', 'expired'];

describe.each(storeEngines(scratch, 'queues_all'))(
  'queues and reassignment on %s',
  (_engine, newLocation) => {
    let office: TestOffice;
    let processor: Desk;
    let head: Desk;
    const desks: Record<string, Desk> = {};
    const as = async (userId: string) => (desks[userId] ??= await office.desk(userId).signIn(userId));

    beforeAll(async () => {
      office = await seededOffice(600, { location: await newLocation() });
      processor = await as('urb-02');
      head = await as('urb-jefatura');
    });
    afterAll(() => office.store.close());

    const all = (desk: Desk, filter = {}) => desk.call('cases.list', { queue: 'all', filter, limit: 500 });
    const auditOf = (caseId: string, action: string) =>
      office.store.db
        .selectFrom('audit_trail')
        .select(['actor_id', 'details'])
        .where('case_id', '=', Number(caseId))
        .where('action', '=', action)
        .orderBy('seq')
        .execute();

    /** An open case of Urbanismo held by `userId`, fresh from the list. */
    const heldBy = async (userId: string): Promise<CaseRow> => {
      const rows = (await all(processor)).rows;
      const row = rows.find(
        (candidate) => candidate.assigneeId === userId && openStates.includes(candidate.state),
      );
      if (!row) throw new Error(`no open case held by ${userId}`);
      return row;
    };

    it('shows every case of the department in "all", closed ones with the day they closed', async () => {
      const everything = await all(processor);
      const inDepartment = await office.store.db
        .selectFrom('cases')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('department_id', '=', 'urbanismo')
        .executeTakeFirstOrThrow();
      expect(everything.total).toBe(inDepartment.n);
      expect((await processor.call('cases.queueCounts', {})).all).toBe(inDepartment.n);
      const closed = everything.rows.filter((row) => closedStates.includes(row.state));
      expect(closed.length).toBeGreaterThan(0);
      for (const row of closed) expect(row.closedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      for (const row of everything.rows.filter((candidate) => !closedStates.includes(candidate.state)))
        expect(row.closedAt).toBeUndefined();
    });

    it('finds closed cases by state in "all" (and only there), and by text across states', async () => {
      for (const state of closedStates) {
        const found = await all(processor, { state });
        expect(found.rows.every((row) => row.state === state)).toBe(true);
        expect((await processor.call('cases.list', { queue: 'unassigned', filter: { state } })).total).toBe(
          0,
        );
      }
      const resolved = (await all(processor, { state: 'resolved' })).rows;
      expect(resolved.length).toBeGreaterThan(0);
      const sample = resolved[0]!;
      for (const text of [sample.number, sample.applicantNif, sample.applicantName.toUpperCase()])
        expect((await all(processor, { text })).rows.map((row) => row.id)).toContain(sample.id);
    });

    it('finds "Ángela" typed decomposed (A + U+0301) as well as composed', async () => {
      const composed = await all(processor, { text: 'Ángela' });
      expect(composed.total).toBeGreaterThan(0);
      const folded = (name: string) =>
        name
          .normalize('NFD')
          .replace(/\p{Diacritic}/gu, '')
          .toLowerCase();
      expect(composed.rows.every((row) => folded(row.applicantName).includes('angela'))).toBe(true);
      const decomposed = await all(processor, { text: 'A\u0301ngela' });
      expect(decomposed.rows.map((row) => row.id)).toEqual(composed.rows.map((row) => row.id));
    });

    it('keeps a case awaiting amendment out of "overdue" and "due soon": its term is suspended', async () => {
      const counts = await processor.call('cases.queueCounts', {});
      const overdue = await processor.call('cases.list', { queue: 'overdue', limit: 500 });
      const dueSoon = await processor.call('cases.list', { queue: 'due_soon', limit: 500 });
      expect(overdue.total).toBe(counts.overdue);
      for (const row of [...overdue.rows, ...dueSoon.rows]) expect(row.state).not.toBe('awaiting_amendment');
      const suspendedPastDue = await office.store.db
        .selectFrom('cases')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('department_id', '=', 'urbanismo')
        .where('state', '=', 'awaiting_amendment')
        .where('due_date', '<', fixedToday)
        .executeTakeFirstOrThrow();
      expect(suspendedPastDue.n).toBeGreaterThan(0);
    });

    it('claims next from the queue being viewed, and from none when that queue has nothing free', async () => {
      const overdueFree = (await processor.call('cases.list', { queue: 'overdue', limit: 500 })).rows.filter(
        (row) => row.assigneeId === null,
      );
      expect(overdueFree.length).toBeGreaterThan(0);
      const claimed = await processor.call('cases.claimNext', { queue: 'overdue' });
      expect(claimed?.id).toBe(overdueFree[0]!.id);
      expect(claimed!.dueDate < fixedToday).toBe(true);
      expect(await processor.call('cases.claimNext', { queue: 'mine' })).toBeNull();
      expect(
        await processor.call('cases.claimNext', { queue: 'all', filter: { state: 'resolved' } }),
      ).toBeNull();
      const fromAll = await processor.call('cases.claimNext', {
        queue: 'all',
        filter: { state: 'registered' },
      });
      expect(fromAll).toMatchObject({ state: 'registered', assigneeId: 'urb-02' });
    });

    it('offers only the department’s procedures', async () => {
      const procedures = await processor.call('cases.procedures', {});
      expect(procedures.length).toBeGreaterThan(0);
      expect(new Set(procedures.map((procedure) => procedure.departmentId))).toEqual(new Set(['urbanismo']));
      const tributos = await (await as('tri-01')).call('cases.procedures', {});
      expect(tributos.map((procedure) => procedure.code)).not.toContain(procedures[0]!.code);
      expect(new Set(tributos.map((procedure) => procedure.departmentId))).toEqual(new Set(['tributos']));
    });

    it('lists the department’s active processors as colleagues', async () => {
      const colleagues = await head.call('cases.colleagues', {});
      expect(colleagues.map((colleague) => colleague.id).sort()).toEqual([
        'urb-01',
        'urb-02',
        'urb-03',
        'urb-04',
        'urb-05',
      ]);
    });

    it('lets a processor hand a case they hold to a colleague, with the reason in the audit trail', async () => {
      const row = await heldBy('urb-02');
      office.events.length = 0;
      const handed = await processor.call('cases.reassign', {
        caseId: row.id,
        toUserId: 'urb-03',
        reason: '  Vacaciones del 1 al 15 de julio  ',
        version: row.version,
      });
      expect(handed).toMatchObject({ id: row.id, assigneeId: 'urb-03', version: row.version + 1 });
      const [entry] = await auditOf(row.id, 'case.reassigned');
      expect(entry).toMatchObject({
        actor_id: 'urb-02',
        details: { from: 'urb-02', to: 'urb-03', reason: 'Vacaciones del 1 al 15 de julio' },
      });
      expect(office.events.map((event) => event.payload)).toContainEqual({
        caseIds: [row.id],
        departmentId: 'urbanismo',
        kind: 'reassigned',
      });
      // No longer theirs: a processor cannot hand on what they do not hold.
      expect(
        await errorCode(
          processor.call('cases.reassign', {
            caseId: row.id,
            toUserId: 'urb-04',
            reason: 'x',
            version: handed.version,
          }),
        ),
      ).toBe('forbidden');
    });

    it('lets the head hand any open case, refuses a stale version with conflict and keeps the change', async () => {
      const row = await heldBy('urb-04');
      const handed = await head.call('cases.reassign', {
        caseId: row.id,
        toUserId: 'urb-05',
        reason: 'Reparto de carga',
        version: row.version,
      });
      expect(handed.assigneeId).toBe('urb-05');
      // A second desk still showing the old version.
      expect(
        await errorCode(
          head.call('cases.reassign', {
            caseId: row.id,
            toUserId: 'urb-01',
            reason: 'Otra',
            version: row.version,
          }),
        ),
      ).toBe('conflict');
      const fresh = await head.call('cases.get', { caseId: row.id });
      expect(fresh.case).toMatchObject({ assigneeId: 'urb-05', version: handed.version });
      expect(await auditOf(row.id, 'case.reassigned')).toHaveLength(1);
    });

    it('refuses a target who is not an active processor of the department, and a closed case', async () => {
      const row = await heldBy('urb-01');
      const attempt = (toUserId: string, version = row.version) =>
        errorCode(head.call('cases.reassign', { caseId: row.id, toUserId, reason: 'Reparto', version }));
      expect(await attempt('tri-01')).toBe('reassign_target_not_eligible');
      expect(await attempt('urb-jefatura')).toBe('reassign_target_not_eligible');
      expect(await attempt('nobody')).toBe('reassign_target_not_eligible');
      await office.store.db.updateTable('users').set({ active: false }).where('id', '=', 'urb-03').execute();
      try {
        expect(await attempt('urb-03')).toBe('reassign_target_not_eligible');
        expect((await head.call('cases.colleagues', {})).map((colleague) => colleague.id)).not.toContain(
          'urb-03',
        );
      } finally {
        await office.store.db.updateTable('users').set({ active: true }).where('id', '=', 'urb-03').execute();
      }
      const closed = (await all(head, { state: 'archived' })).rows[0]!;
      expect(
        await errorCode(
          head.call('cases.reassign', {
            caseId: closed.id,
            toUserId: 'urb-01',
            reason: 'x',
            version: closed.version,
          }),
        ),
      ).toBe('invalid_transition');
      expect(await auditOf(row.id, 'case.reassigned')).toHaveLength(0);
    });

    it('answers another department’s case as not_found, and refuses an empty or too long reason', async () => {
      const tributos = await as('tri-jefatura');
      const row = await heldBy('urb-01');
      const input = { caseId: row.id, toUserId: 'tri-01', reason: 'x', version: row.version };
      expect(await errorCode(tributos.call('cases.reassign', input))).toBe('not_found');
      for (const reason of ['', '   ', 'x'.repeat(501)])
        expect(await errorCode(head.call('cases.reassign', { ...input, toUserId: 'urb-02', reason }))).toBe(
          'invalid_input',
        );
    });
  },
);
