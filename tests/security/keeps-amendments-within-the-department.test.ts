import { describe, expect, it, vi } from 'vitest';
import type { CaseRow } from '../../src/shared/api/index';
import { demoDeskHostForFile } from './support/demo-desk-host';

/**
 * An amendment request suspends a case's term and puts the applicant's documents in it: another
 * department's processor must not learn the case exists, a head reviews but does not act, and
 * only the processor who holds the case acts on it. Over the real loopback host and office.
 */
vi.setConfig({ testTimeout: 120_000, hookTimeout: 300_000 });

const { call } = demoDeskHostForFile('amendments-departments', 140);

async function signedIn(userId: string): Promise<string> {
  const deskId = `desk-${userId}-tab`;
  expect((await call('session.signIn', { userId }, deskId)).status).toBe(200);
  return deskId;
}

const notFound = { ok: false, error: { code: 'not_found' } };
const pdf = Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64');

describe('amendments stay within their department and with the case’s holder', () => {
  it('another department’s processor gets not_found; a head and a colleague who does not hold the case are refused', async () => {
    const holder = await signedIn('urb-01');
    const list = await call('cases.list', { queue: 'unassigned', limit: 5 }, holder);
    const [row] = (list.body.value as { rows: CaseRow[] }).rows;
    expect(row).toBeDefined();
    expect((await call('cases.claim', { caseId: row!.id }, holder)).status).toBe(200);
    const caseId = row!.id;

    const foreign = await signedIn('tri-01');
    const attempts: [string, Record<string, unknown>][] = [
      ['amendments.get', { caseId }],
      ['deadlines.explain', { caseId }],
      ['amendments.preview', { caseId, missing: 'x', locale: 'es' }],
      ['amendments.request', { caseId, version: row!.version + 1, missing: 'x', locale: 'es' }],
      ['amendments.extend', { caseId, version: 1, amendmentId: '1', days: 1 }],
      [
        'amendments.registerReply',
        {
          caseId,
          version: 1,
          amendmentId: '1',
          receivedAt: '2026-03-05T10:00:00+01:00',
          attachments: [{ name: 'a.pdf', contentBase64: pdf }],
        },
      ],
    ];
    for (const [name, input] of attempts) {
      const reply = await call(name, input, foreign);
      expect(reply.body, name).toEqual(notFound);
    }

    const head = await signedIn('urb-jefatura');
    const byHead = await call(
      'amendments.request',
      { caseId, version: row!.version + 1, missing: 'x', locale: 'es' },
      head,
    );
    expect(byHead.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // The head reads the explanation of the department's case.
    expect((await call('deadlines.explain', { caseId }, head)).status).toBe(200);

    const colleague = await signedIn('urb-02');
    const byColleague = await call(
      'amendments.request',
      { caseId, version: row!.version + 1, missing: 'x', locale: 'es' },
      colleague,
    );
    expect(byColleague.body).toMatchObject({
      ok: false,
      error: { code: 'forbidden', params: { reason: 'not_holder' } },
    });
  });
});
