import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxUploadBytes } from '../../../src/shared/api/casework';
import { type Office } from '../../../src/main/office/index';
import { DocumentContents } from '../../../src/main/office/signatures/document-contents';
import { verifyAuditChain } from '../../../src/main/office/store/audit';
import { type Store } from '../../../src/main/office/store/open-store';
import type { CaseState } from '../../../src/shared/domain/cases';
import { rejectionOf } from '../../support/rejection';
import { storeEngines } from '../../support/store-engines';
import { Desk, MovableClock, seededOffice } from '../../unit/office/support';

const scratch = mkdtempSync(join(tmpdir(), 'despacho-casework-it-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Monday 15 June 2026, 10:00 in Madrid. */
const start = new Date('2026-06-15T08:00:00Z');

async function onePagePdf(): Promise<string> {
  const pdf = await PDFDocument.create();
  pdf.addPage([200, 200]).drawText('Informe', { x: 20, y: 100 });
  return Buffer.from(await pdf.save()).toString('base64');
}

/** The first bytes of a PNG image: what a wrong file pick sends. */
const pngBase64 = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).toString(
  'base64',
);

describe.each(storeEngines(scratch, 'casework'))('casework on %s', (_engine, location) => {
  let store: Store;
  let office: Office;
  let contents: DocumentContents;
  const clock = new MovableClock(start);
  const desk = (userId: string) => new Desk(office, userId).signInByIdentityProvider(userId);
  const urb = () => desk('urb-01');

  beforeAll(async () => {
    ({ store, office } = await seededOffice(240, {
      location: await location(),
      mode: 'server',
      signIn: 'identityProvider',
      seededAt: start,
      now: clock.now,
    }));
    contents = new DocumentContents(store.documentsDir);
  });
  afterAll(async () => {
    await office?.close();
  });

  const taken = new Set<number>();
  /** A case of Urbanismo in one of these states that no other test used. */
  async function urbanismoCase(
    states: CaseState[],
    assigned: 'any' | 'unassigned' = 'any',
  ): Promise<{ id: string; version: number }> {
    let query = store.db
      .selectFrom('cases')
      .select(['id', 'version'])
      .where('department_id', '=', 'urbanismo')
      .where('state', 'in', states);
    if (assigned === 'unassigned') query = query.where('assignee_id', 'is', null);
    const rows = await query.orderBy('id').execute();
    const row = rows.find((candidate) => !taken.has(candidate.id));
    if (!row) throw new Error(`no free Urbanismo case in ${states.join(', ')}`);
    taken.add(row.id);
    return { id: String(row.id), version: row.version };
  }
  const auditOf = (caseId: string, action: string) =>
    store.db
      .selectFrom('audit_trail')
      .select(['actor_id', 'details'])
      .where('case_id', '=', Number(caseId))
      .where('action', '=', action)
      .execute();
  const documentCount = async (caseId: string) =>
    (await store.db.selectFrom('documents').select('id').where('case_id', '=', Number(caseId)).execute())
      .length;

  it('internal notes: a processor and the head add them (line breaks kept), the audit says a note was added but not what it says', async () => {
    const { id } = await urbanismoCase(['in_progress']);
    const first = await urb().call('casework.notes.add', {
      caseId: id,
      body: '  Llamar al interesado.\nFalta el plano de situación.  ',
    });
    expect(first.body).toBe('Llamar al interesado.\nFalta el plano de situación.');
    await desk('urb-jefatura').call('casework.notes.add', { caseId: id, body: 'Visto. Priorizar.' });
    const notes = await desk('urb-02').call('casework.notes.list', { caseId: id });
    expect(notes.map((note) => [note.author.id, note.body])).toEqual([
      ['urb-01', 'Llamar al interesado.\nFalta el plano de situación.'],
      ['urb-jefatura', 'Visto. Priorizar.'],
    ]);
    const audit = await auditOf(id, 'casework.note_added');
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit)).not.toContain('plano');
    const detail = await urb().call('cases.get', { caseId: id });
    expect(detail.history.some((entry) => entry.action === 'casework.note_added')).toBe(true);
  });

  it('notes: an empty note, a control character or another department’s case are refused, and nothing is added', async () => {
    const { id } = await urbanismoCase(['in_progress']);
    expect((await rejectionOf(urb().call('casework.notes.add', { caseId: id, body: '   ' }))).code).toBe(
      'invalid_input',
    );
    expect((await rejectionOf(urb().call('casework.notes.add', { caseId: id, body: 'a\u0000b' }))).code).toBe(
      'invalid_input',
    );
    expect(
      (await rejectionOf(desk('act-01').call('casework.notes.add', { caseId: id, body: 'x' }))).code,
    ).toBe('not_found');
    expect((await rejectionOf(desk('act-01').call('casework.notes.list', { caseId: id }))).code).toBe(
      'not_found',
    );
    expect(await urb().call('casework.notes.list', { caseId: id })).toEqual([]);
  });

  it('a report from a template: filled from the case, filed as an informe (TD13, origin 1, EE01, PDF), the case one version newer, audited', async () => {
    const { id, version } = await urbanismoCase(['in_progress']);
    const templates = await urb().call('casework.reportTemplates', {});
    expect(templates.map((template) => template.id)).toEqual(expect.arrayContaining(['technical', 'legal']));
    const detail = await urb().call('cases.get', { caseId: id });
    const draft = await urb().call('casework.reportDraft', {
      caseId: id,
      templateId: 'technical',
      locale: 'ca-valencia',
    });
    expect(draft.title).toBe('Informe tècnic');
    expect(draft.body).toContain(detail.case.number);
    expect(draft.body).not.toContain('{{');

    const added = await urb().call('casework.addReport', {
      caseId: id,
      version,
      source: { kind: 'template', templateId: 'technical', locale: 'ca-valencia', body: draft.body },
    });
    expect(added.case.version).toBe(version + 1);
    expect(added.document).toMatchObject({
      title: 'Informe tècnic',
      documentType: 'TD13',
      origin: 1,
      elaborationState: 'EE01',
      format: 'PDF',
    });
    expect(added.document.eniId).toMatch(/^ES_[A-Z0-9]{9}_2026_[A-Za-z0-9]+_\d+$/);
    const bytes = await contents.read(store.db, added.document.sha256);
    expect(bytes).not.toBeNull();
    const pdf = await PDFDocument.load(bytes!);
    expect(pdf.getTitle()).toBe(`Informe tècnic · ${detail.case.number}`);
    expect(await auditOf(id, 'casework.report_added')).toEqual([
      {
        actor_id: 'urb-01',
        details: expect.objectContaining({
          source: 'template',
          title: 'Informe tècnic',
          sha256: added.document.sha256,
        }),
      },
    ]);
    const after = await urb().call('cases.get', { caseId: id });
    expect(after.documents.map((document) => document.id)).toContain(added.document.id);
  });

  it('a report uploaded as a PDF is filed as it came (same bytes, same hash)', async () => {
    const { id, version } = await urbanismoCase(['in_progress']);
    const pdfBase64 = await onePagePdf();
    const added = await urb().call('casework.addReport', {
      caseId: id,
      version,
      source: {
        kind: 'pdf',
        title: 'Informe de la policía local',
        file: { fileName: 'policia.pdf', pdfBase64 },
      },
    });
    expect(added.document.title).toBe('Informe de la policía local');
    const bytes = await contents.read(store.db, added.document.sha256);
    expect(Buffer.from(bytes!).toString('base64')).toBe(pdfBase64);
  });

  it('bad uploads are refused with their reason and leave the case as it was: not a PDF, a broken PDF, too large, a stale version', async () => {
    const { id, version } = await urbanismoCase(['in_progress']);
    const before = await documentCount(id);
    const upload = (pdfBase64: string, atVersion = version) =>
      urb().call('casework.addReport', {
        caseId: id,
        version: atVersion,
        source: { kind: 'pdf', title: 'Informe', file: { fileName: 'informe.pdf', pdfBase64 } },
      });
    const png = await rejectionOf(upload(pngBase64));
    expect([png.code, png.params?.reason]).toEqual(['invalid_input', 'not_pdf']);
    const truncated = await rejectionOf(upload(Buffer.from('%PDF-1.7\n1 0 obj\n<<').toString('base64')));
    expect([truncated.code, truncated.params?.reason]).toEqual(['invalid_input', 'not_pdf']);
    const huge = await rejectionOf(upload(Buffer.alloc(maxUploadBytes + 1, 0x25).toString('base64')));
    expect([huge.code, huge.params?.field]).toEqual(['invalid_input', 'source.file.pdfBase64']);
    const stale = await rejectionOf(upload(await onePagePdf(), version + 1));
    expect(stale.code).toBe('conflict');
    expect(stale.params?.version).toBe(version);
    expect(await documentCount(id)).toBe(before);
    expect(await auditOf(id, 'casework.report_added')).toEqual([]);
  });

  it('who may add a report: not a head (heads review and sign), and not another department', async () => {
    const { id, version } = await urbanismoCase(['in_progress']);
    const source = {
      kind: 'pdf' as const,
      title: 'Informe',
      file: { fileName: 'a.pdf', pdfBase64: await onePagePdf() },
    };
    expect(
      (await rejectionOf(desk('urb-jefatura').call('casework.addReport', { caseId: id, version, source })))
        .code,
    ).toBe('forbidden');
    expect(
      (await rejectionOf(desk('act-01').call('casework.addReport', { caseId: id, version, source }))).code,
    ).toBe('not_found');
  });

  it('art. 94: a registered withdrawal moves the case to in_progress, and the resolution drafted is the one that accepts it', async () => {
    const { id, version } = await urbanismoCase(['registered']);
    const result = await urb().call('casework.withdraw', {
      caseId: id,
      version,
      evidence: { kind: 'registry', registryNumber: 'RE-2026-009999', filedOn: '2026-06-12' },
    });
    expect(result.case.state).toBe('in_progress');
    expect(result.withdrawal).toMatchObject({
      kind: 'applicant',
      registryNumber: 'RE-2026-009999',
      filedOn: '2026-06-12',
    });
    const draft = await urb().call('resolutions.draft', { caseId: id, locale: 'es' });
    expect(draft.title).toBe('Resolución de desistimiento');
    expect(draft.text.facts).toContain('12 de junio de 2026');
    expect(draft.text.facts).toContain('RE-2026-009999');
    expect(draft.text.grounds).toContain('art. 94');
    expect(draft.text.decision).toContain('Aceptar el desistimiento');
    const valencian = await urb().call('resolutions.draft', { caseId: id, locale: 'ca-valencia' });
    expect(valencian.title).toBe('Resolució de desistiment');
    expect(await auditOf(id, 'casework.withdrawal_registered')).toHaveLength(1);
    expect(await urb().call('casework.withdrawal', { caseId: id })).toMatchObject({ kind: 'applicant' });
    expect(await desk('urb-jefatura').call('casework.withdrawal', { caseId: id })).toMatchObject({
      kind: 'applicant',
    });
  });

  it('art. 94: the applicant’s written withdrawal is filed as their document (TD14, origin 0)', async () => {
    const { id, version } = await urbanismoCase(['in_progress']);
    const result = await urb().call('casework.withdraw', {
      caseId: id,
      version,
      evidence: {
        kind: 'pdf',
        filedOn: '2026-06-15',
        file: { fileName: 'desisto.pdf', pdfBase64: await onePagePdf() },
      },
    });
    const detail = await urb().call('cases.get', { caseId: id });
    const filed = detail.documents.find((document) => document.id === result.withdrawal.documentId);
    expect(filed).toMatchObject({ title: 'Escrito de desistimiento', documentType: 'TD14', origin: 0 });
  });

  it('art. 94: only an open case is withdrawn, once, and never with a resolution waiting for signature or a stale version', async () => {
    const evidence = { kind: 'registry' as const, registryNumber: 'RE-1', filedOn: '2026-06-15' };
    const closed = await urbanismoCase(['resolved', 'notified', 'archived']);
    const refused = await rejectionOf(
      urb().call('casework.withdraw', { caseId: closed.id, version: closed.version, evidence }),
    );
    expect([refused.code, refused.params?.reason]).toEqual(['invalid_transition', 'case_closed']);

    const open = await urbanismoCase(['in_progress']);
    const stale = await rejectionOf(
      urb().call('casework.withdraw', { caseId: open.id, version: open.version + 5, evidence }),
    );
    expect(stale.code).toBe('conflict');
    const done = await urb().call('casework.withdraw', { caseId: open.id, version: open.version, evidence });
    const twice = await rejectionOf(
      urb().call('casework.withdraw', { caseId: open.id, version: done.case.version, evidence }),
    );
    expect([twice.code, twice.params?.reason]).toEqual(['invalid_transition', 'already_withdrawn']);
    expect(await auditOf(open.id, 'casework.withdrawal_registered')).toHaveLength(1);

    const signing = await urbanismoCase(['awaiting_signature']);
    expect(
      (
        await rejectionOf(
          urb().call('casework.withdraw', { caseId: signing.id, version: signing.version, evidence }),
        )
      ).code,
    ).toBe('signature_request_pending');
    const future = await urbanismoCase(['in_progress']);
    const tomorrow = await rejectionOf(
      urb().call('casework.withdraw', {
        caseId: future.id,
        version: future.version,
        evidence: { ...evidence, filedOn: '2026-06-16' },
      }),
    );
    expect([tomorrow.code, tomorrow.params?.field]).toEqual(['invalid_input', 'evidence.filedOn']);
    expect(
      (
        await rejectionOf(
          desk('act-01').call('casework.withdraw', { caseId: future.id, version: future.version, evidence }),
        )
      ).code,
    ).toBe('not_found');
  });

  it('art. 68.1: deemed withdrawal only after the 10 business days end unanswered: notified Mon 2026-06-01, term ends Mon 2026-06-15, refused that day and accepted on Tue 2026-06-16', async () => {
    const { id, version } = await urbanismoCase(['awaiting_amendment']);
    // An applicant of Elche: no local holiday in these two weeks (the calendar says why dates move).
    const applicant = await store.db
      .selectFrom('cases')
      .select('applicant_id')
      .where('id', '=', Number(id))
      .executeTakeFirstOrThrow();
    await store.db
      .updateTable('applicants')
      .set({ municipality: 'Elche' })
      .where('id', '=', applicant.applicant_id)
      .execute();

    const early = await rejectionOf(
      urb().call('casework.deemWithdrawn', { caseId: id, version, amendmentNotifiedOn: '2026-06-01' }),
    );
    expect([early.code, early.params?.reason, early.params?.termEndsOn]).toEqual([
      'invalid_transition',
      'amendment_term_running',
      '2026-06-15',
    ]);
    clock.at = new Date('2026-06-16T07:00:00Z');
    try {
      const result = await urb().call('casework.deemWithdrawn', {
        caseId: id,
        version,
        amendmentNotifiedOn: '2026-06-01',
      });
      expect(result.case.state).toBe('in_progress');
      expect(result.withdrawal).toMatchObject({
        kind: 'deemed',
        amendmentNotifiedOn: '2026-06-01',
        amendmentTermEndedOn: '2026-06-15',
      });
      const draft = await urb().call('resolutions.draft', { caseId: id, locale: 'es' });
      expect(draft.title).toBe('Resolución por la que se tiene por desistida la solicitud');
      expect(draft.text.facts).toContain('1 de junio de 2026');
      expect(draft.text.facts).toContain('15 de junio de 2026');
      expect(draft.text.grounds).toContain('art. 68.1');
      expect(await auditOf(id, 'casework.deemed_withdrawn')).toEqual([
        { actor_id: 'urb-01', details: { notifiedOn: '2026-06-01', termEndedOn: '2026-06-15' } },
      ]);
    } finally {
      clock.at = start;
    }
  });

  it('art. 68.1: with the office’s record of the amendment request, its own term decides: notified Mon 2026-06-15, term ends Tue 2026-06-30 (Wed 24 June, Sant Joan, is a regional holiday), refused that day and accepted on Wed 2026-07-01 with no date given', async () => {
    const { id } = await urbanismoCase(['registered', 'in_progress'], 'unassigned');
    const applicant = await store.db
      .selectFrom('cases')
      .select('applicant_id')
      .where('id', '=', Number(id))
      .executeTakeFirstOrThrow();
    await store.db
      .updateTable('applicants')
      .set({ municipality: 'Elche' })
      .where('id', '=', applicant.applicant_id)
      .execute();
    const claimed = await urb().call('cases.claim', { caseId: id });
    const requested = await urb().call('amendments.request', {
      caseId: id,
      version: claimed.version,
      missing: 'Plano de situación',
      locale: 'es',
    });
    // The site reports the applicant opened it the day it was issued: the term runs from the day after.
    await urb().call('notifications.recordAccess', {
      notificationId: requested.amendments[0]!.notification!.id,
      outcome: 'accessed',
      at: clock.now().toISOString(),
      eventId: 'site-opened',
    });
    const { version } = (await urb().call('cases.get', { caseId: id })).case;
    try {
      clock.at = new Date('2026-06-30T10:00:00Z');
      const early = await rejectionOf(urb().call('casework.deemWithdrawn', { caseId: id, version }));
      expect([early.code, early.params?.reason, early.params?.termEndsOn]).toEqual([
        'invalid_transition',
        'amendment_term_running',
        '2026-06-30',
      ]);
      clock.at = new Date('2026-07-01T07:00:00Z');
      const result = await urb().call('casework.deemWithdrawn', { caseId: id, version });
      expect(result.withdrawal).toMatchObject({
        kind: 'deemed',
        amendmentNotifiedOn: '2026-06-15',
        amendmentTermEndedOn: '2026-06-30',
      });
    } finally {
      clock.at = start;
    }
  });

  it('art. 68.1: without a record of the request, the processor must give its notification day', async () => {
    const { id, version } = await urbanismoCase(['awaiting_amendment']);
    const refused = await rejectionOf(urb().call('casework.deemWithdrawn', { caseId: id, version }));
    expect([refused.code, refused.params?.field, refused.params?.reason]).toEqual([
      'invalid_input',
      'amendmentNotifiedOn',
      'notification_date_needed',
    ]);
  });

  it('art. 68.1: only a case awaiting its amendment is deemed withdrawn', async () => {
    const { id, version } = await urbanismoCase(['in_progress', 'proposal']);
    const refused = await rejectionOf(
      urb().call('casework.deemWithdrawn', { caseId: id, version, amendmentNotifiedOn: '2026-05-01' }),
    );
    expect([refused.code, refused.params?.reason]).toEqual(['invalid_transition', 'not_awaiting_amendment']);
  });

  it('every change above is in an intact audit chain', async () => {
    expect(await verifyAuditChain(store.db)).toMatchObject({ ok: true });
  });
});
