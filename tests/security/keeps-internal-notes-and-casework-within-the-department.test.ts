import { describe, expect, it, vi } from 'vitest';
import type { CaseDetail, CaseRow } from '../../src/shared/api/index';
import { demoDeskHostForFile } from './support/demo-desk-host';

/**
 * Internal notes are the department's: another department must not read them nor learn the case
 * exists, the audit trail (which travels further, e.g. in exports) never holds their text, and
 * reports and withdrawals are refused the same way. A file dressed up as a PDF is refused. Over the
 * real loopback host and office.
 */
vi.setConfig({ testTimeout: 120_000, hookTimeout: 300_000 });

const { call } = demoDeskHostForFile('casework-departments', 140);

async function signedIn(userId: string): Promise<string> {
  const deskId = `desk-${userId}-tab`;
  expect((await call('session.signIn', { userId }, deskId)).status).toBe(200);
  return deskId;
}

const notFound = { ok: false, error: { code: 'not_found' } };
const secret = 'El interesado llamó: no divulgar 555-0199';

describe('internal notes and the case’s own work stay within the department', () => {
  it('another department gets not_found for every casework call; the audit keeps no note text; a head adds no report', async () => {
    const processor = await signedIn('urb-01');
    const list = await call('cases.list', { queue: 'unassigned', limit: 5 }, processor);
    const [row] = (list.body.value as { rows: CaseRow[] }).rows;
    expect(row).toBeDefined();
    const caseId = row!.id;
    expect((await call('casework.notes.add', { caseId, body: secret }, processor)).status).toBe(200);

    const foreign = await signedIn('tri-01');
    const report = { kind: 'template', templateId: 'technical', locale: 'es', body: 'x' };
    const attempts: [string, Record<string, unknown>][] = [
      ['casework.notes.list', { caseId }],
      ['casework.notes.add', { caseId, body: 'x' }],
      ['casework.reportDraft', { caseId, templateId: 'technical', locale: 'es' }],
      ['casework.addReport', { caseId, version: row!.version, source: report }],
      ['casework.withdrawal', { caseId }],
      [
        'casework.withdraw',
        {
          caseId,
          version: row!.version,
          evidence: { kind: 'registry', registryNumber: 'R', filedOn: '2026-01-02' },
        },
      ],
      ['casework.deemWithdrawn', { caseId, version: row!.version, amendmentNotifiedOn: '2026-01-02' }],
    ];
    for (const [name, input] of attempts)
      expect((await call(name, input, foreign)).body, name).toEqual(notFound);

    const head = await signedIn('urb-jefatura');
    const byHead = await call('casework.addReport', { caseId, version: row!.version, source: report }, head);
    expect(byHead.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const notes = await call<{ body: string }[]>('casework.notes.list', { caseId }, head);
    expect(notes.body.value?.map((note) => note.body)).toEqual([secret]);

    const detail = await call<CaseDetail>('cases.get', { caseId }, head);
    const history = JSON.stringify(detail.body.value?.history);
    expect(history).toContain('casework.note_added');
    expect(history).not.toContain('555-0199');
  });

  it('an HTML page that starts with a PDF header is not filed as a PDF', async () => {
    const processor = await signedIn('urb-02');
    const list = await call('cases.list', { queue: 'unassigned', limit: 10 }, processor);
    const row = (list.body.value as { rows: CaseRow[] }).rows[3]!;
    const disguised = Buffer.from('%PDF-1.7\n<html><script>alert(1)</script></html>').toString('base64');
    const reply = await call(
      'casework.addReport',
      {
        caseId: row.id,
        version: row.version,
        source: { kind: 'pdf', title: 'Informe', file: { fileName: 'informe.pdf', pdfBase64: disguised } },
      },
      processor,
    );
    expect(reply.body).toEqual({
      ok: false,
      error: { code: 'invalid_input', params: { field: 'file', reason: 'not_pdf', max: 750_000 } },
    });
    const detail = await call<CaseDetail>('cases.get', { caseId: row.id }, processor);
    expect(detail.body.value?.case.version).toBe(row.version);
  });
});
