import { describe, expect, it, vi } from 'vitest';
import type { CaseRow } from '../../src/shared/api/index';
import { demoDeskHostForFile } from './support/demo-desk-host';

/**
 * Reassignment hands a case to someone else: a head of another department could take a case out
 * of its department, hand it to one of their own people or learn that it exists; a processor could
 * hand away a colleague's case. Over the real loopback host and a real embedded office.
 */
vi.setConfig({ testTimeout: 120_000, hookTimeout: 300_000 });

const served = demoDeskHostForFile('reassign', 140);
const { call } = served;

async function signedIn(userId: string): Promise<string> {
  const deskId = `desk-${userId}-reassign`;
  expect((await call('session.signIn', { userId }, deskId)).status).toBe(200);
  return deskId;
}

async function allCases(deskId: string): Promise<CaseRow[]> {
  const reply = await call('cases.list', { queue: 'all', limit: 500 }, deskId);
  expect(reply.status).toBe(200);
  return (reply.body.value as { rows: CaseRow[] }).rows;
}

const open = (row: CaseRow) =>
  !['resolved', 'notified', 'archived', 'withdrawn', 'expired'].includes(row.state);

describe('reassignment stays within the department', () => {
  it('another department’s head gets not_found, and the case keeps its holder', async () => {
    const urbanismoHead = await signedIn('urb-jefatura');
    const tributosHead = await signedIn('tri-jefatura');
    const row = (await allCases(urbanismoHead)).find((candidate) => candidate.assigneeId && open(candidate))!;
    for (const toUserId of ['tri-01', 'urb-02']) {
      const reply = await call(
        'cases.reassign',
        { caseId: row.id, toUserId, reason: 'Reparto', version: row.version },
        tributosHead,
      );
      expect(reply.status).toBe(404);
      expect(reply.body).toEqual({ ok: false, error: { code: 'not_found' } });
    }
    const after = (await allCases(urbanismoHead)).find((candidate) => candidate.id === row.id)!;
    expect([after.assigneeId, after.version]).toEqual([row.assigneeId, row.version]);
  });

  it('a head cannot hand a case of their department to someone of another department', async () => {
    const head = await signedIn('urb-jefatura');
    const row = (await allCases(head)).find((candidate) => open(candidate))!;
    const reply = await call(
      'cases.reassign',
      { caseId: row.id, toUserId: 'tri-01', reason: 'Reparto', version: row.version },
      head,
    );
    expect(reply.body).toEqual({ ok: false, error: { code: 'reassign_target_not_eligible' } });
  });

  it('a processor cannot hand away a case a colleague holds', async () => {
    const processor = await signedIn('urb-01');
    const row = (await allCases(processor)).find(
      (candidate) => candidate.assigneeId && candidate.assigneeId !== 'urb-01' && open(candidate),
    )!;
    const reply = await call(
      'cases.reassign',
      { caseId: row.id, toUserId: 'urb-01', reason: 'Me lo quedo', version: row.version },
      processor,
    );
    expect(reply.body).toEqual({ ok: false, error: { code: 'forbidden' } });
  });
});
