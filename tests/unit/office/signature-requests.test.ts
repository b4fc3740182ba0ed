import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { StepAction, SubstitutionKind } from '../../../src/shared/api/signatures';
import { type Office } from '../../../src/main/office/index';
import { type Store } from '../../../src/main/office/store/open-store';
import { signersCa } from '../../support/signatures/signers-ca';
import {
  actorOf,
  Desk,
  errorCode,
  fixedNow,
  freeCase as freeCaseOf,
  seededOffice,
  sendDraft,
  type RecordedEvent,
} from './support';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 300_000 });

/** "Today" moves on in these tests (expiries, substitutions): the office reads this clock. */
let now = fixedNow.getTime();
const day = 24 * 3_600_000;

let store: Store;
let office: Office;
let events: RecordedEvent[];
const desk = (userId: string) => new Desk(office, userId).signInByIdentityProvider(userId);
const actor = (userId: string) => actorOf(office, userId);
const freeCase = (departmentId: string) => freeCaseOf(store, departmentId);

/** Heads sign with their own cards, of a CA the office trusts. */
const signers = signersCa();
beforeAll(async () => {
  ({ store, office, events } = await seededOffice(120, {
    now: () => new Date(now),
    signerCheck: signers.check,
  }));
});
afterAll(async () => {
  await office.close();
  signers.close();
});

/** The processor sends the case's drafted resolution in cascade. */
const sendFor = (
  processorId: string,
  caseId: string,
  steps: { signerId: string; action: StepAction }[],
  options: { expiresOn?: string } = {},
) => sendDraft(desk(processorId), caseId, steps, { ...options, mode: 'cascade' });

/** The case's audit trail as [action, state it moved to] pairs, read by one of the department's processors. */
const historyOf = async (processorId: string, caseId: string) =>
  (await desk(processorId).call('cases.get', { caseId })).history.map((entry) => [
    entry.action,
    entry.details.to ?? null,
  ]);

describe('signature requests', () => {
  it('seeds the demo city with a request for every case awaiting signature, in its heads’ trays', async () => {
    const waiting = await store.db
      .selectFrom('cases as c')
      .leftJoin('signature_requests as q', (join) =>
        join.onRef('q.case_id', '=', 'c.id').on('q.state', '=', 'pending'),
      )
      .select(['c.id', 'c.number', 'q.id as request_id'])
      .where('c.state', '=', 'awaiting_signature')
      .execute();
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting.filter((row) => row.request_id === null)).toEqual([]);
    for (const { id, number } of waiting) {
      const prefix = number.split('-')[0]!.toLowerCase();
      const tray = await desk(`${prefix}-jefatura`).call('signatures.tray', { box: 'pending', limit: 200 });
      expect(tray.rows.map((row) => row.caseNumber)).toContain(number);
      expect((await historyOf(`${prefix}-01`, String(id))).at(-1)).toEqual(['signature.sent', null]);
    }
  });

  it('drafts from the template, previews the PDF it will be, and sends it in cascade', async () => {
    const caseId = await freeCase('urbanismo');
    const processor = desk('urb-01');
    const { case: before } = await processor.call('cases.get', { caseId });
    const draft = await processor.call('resolutions.draft', { caseId, locale: 'ca-valencia' });
    expect(draft).toMatchObject({ locale: 'ca-valencia', title: 'Resolució', source: 'template' });
    expect(draft.text.facts).toContain(before.number);

    const preview = await processor.call('resolutions.preview', {
      caseId,
      locale: 'ca-valencia',
      text: draft.text,
      signerIds: ['urb-jefatura', 'urb-concejalia'],
    });
    const bytes = Buffer.from(preview.pdfBase64, 'base64');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(preview.sha256);
    const pdf = await PDFDocument.load(bytes);
    expect(
      pdf
        .getForm()
        .getFields()
        .map((field) => field.getName()),
    ).toEqual(['firma-1-urb-jefatura', 'firma-2-urb-concejalia']);
    expect(
      await errorCode(
        processor.call('resolutions.preview', {
          caseId,
          locale: 'es',
          text: draft.text,
          signerIds: ['urb-02'],
        }),
      ),
    ).toBe('signature_signer_not_eligible');

    events.length = 0;
    const request = await processor.call('signatures.send', {
      caseId,
      locale: 'ca-valencia',
      title: draft.title,
      text: { ...draft.text, decision: 'Concedir la llicència sol·licitada.' },
      mode: 'cascade',
      priority: 'urgent',
      expiresOn: '2026-06-30',
      steps: [
        { signerId: 'urb-jefatura', action: 'sign' },
        { signerId: 'urb-concejalia', action: 'sign' },
      ],
    });
    expect(request).toMatchObject({
      state: 'pending',
      priority: 'urgent',
      number: null,
      text: { decision: 'Concedir la llicència sol·licitada.' },
      steps: [
        { position: 1, signer: { id: 'urb-jefatura' }, state: 'pending' },
        { position: 2, signer: { id: 'urb-concejalia' }, state: 'waiting' },
      ],
      viewerStep: null,
    });
    expect((await processor.call('cases.get', { caseId })).case.state).toBe('awaiting_signature');
    const steps = [
      ...(before.state === 'in_progress' ? [['case.state_changed', 'proposal']] : []),
      ['case.state_changed', 'awaiting_signature'],
      ['signature.sent', null],
    ];
    expect((await historyOf('urb-01', caseId)).slice(-steps.length)).toEqual(steps);
    const audiences = events
      .filter((event) => event.name === 'signatures.changed')
      .map((event) => event.audience);
    expect(audiences).toEqual(
      expect.arrayContaining([
        { kind: 'department', departmentId: 'urbanismo', roles: ['processor'] },
        { kind: 'user', userId: 'urb-jefatura' },
        { kind: 'user', userId: 'urb-concejalia' },
      ]),
    );

    const boss = desk('urb-jefatura');
    const tray = await boss.call('signatures.tray', { box: 'pending' });
    expect(tray.rows.find((row) => row.id === request.id)).toMatchObject({
      caseNumber: before.number,
      priority: 'urgent',
      step: { position: 1, action: 'sign', onBehalfOf: null },
      expired: false,
    });
    expect((await boss.call('signatures.get', { requestId: request.id })).viewerStep).toEqual({
      position: 1,
      action: 'sign',
      onBehalfOf: null,
    });
    const councillor = desk('urb-concejalia');
    expect(
      (await councillor.call('signatures.tray', { box: 'pending' })).rows.map((row) => row.id),
    ).not.toContain(request.id);
    expect(
      await errorCode(councillor.call('signatures.reject', { requestId: request.id, reason: 'No.' })),
    ).toBe('signature_not_your_turn');
    expect(await errorCode(boss.call('signatures.approve', { requestId: request.id }))).toBe(
      'signature_step_is_signature',
    );
    expect(await boss.call('signatures.counts', {})).toMatchObject({ pending: tray.total });
    expect(await errorCode(processor.call('signatures.send', { ...sendInput(caseId) }))).toBe(
      'signature_request_pending',
    );
  });

  it('keeps each department to its own requests and each call to its roles', async () => {
    const caseId = await freeCase('tributos');
    const request = await sendFor('tri-01', caseId, [{ signerId: 'tri-jefatura', action: 'sign' }]);
    expect(await errorCode(desk('tri-jefatura').call('signatures.send', sendInput(caseId)))).toBe(
      'forbidden',
    );
    expect(await errorCode(desk('tri-01').call('signatures.approve', { requestId: request.id }))).toBe(
      'forbidden',
    );
    expect(await errorCode(desk('tri-01').call('signatures.tray', { box: 'pending' }))).toBe('forbidden');
    expect(await errorCode(desk('admin').call('signatures.get', { requestId: request.id }))).toBe(
      'forbidden',
    );
    for (const outsider of ['urb-01', 'urb-jefatura'])
      expect(await errorCode(desk(outsider).call('signatures.get', { requestId: request.id }))).toBe(
        'not_found',
      );
    expect(await errorCode(desk('urb-01').call('signatures.withdraw', { requestId: request.id }))).toBe(
      'not_found',
    );
    expect(await errorCode(desk('urb-01').call('signatures.ofCase', { caseId }))).toBe('not_found');
    expect(await errorCode(desk('urb-01').call('resolutions.draft', { caseId, locale: 'es' }))).toBe(
      'not_found',
    );
    expect(await errorCode(desk('urb-jefatura').call('signatures.approve', { requestId: request.id }))).toBe(
      'not_found',
    );
    expect(
      await errorCode(
        desk('tri-concejalia').call('signatures.reject', { requestId: request.id, reason: 'x' }),
      ),
    ).toBe('signature_not_addressed');
    expect(await errorCode(desk('tri-jefatura').call('signatures.get', { requestId: 'x; drop' }))).toBe(
      'not_found',
    );
    const signers = await desk('tri-01').call('signatures.signers', { caseId });
    expect(signers.map((signer) => signer.id).sort()).toEqual(['tri-concejalia', 'tri-jefatura']);
  });

  it('gives an approval, then a rejection returns the case to the processor with the reason', async () => {
    const caseId = await freeCase('actividades');
    const request = await sendFor('act-01', caseId, [
      { signerId: 'act-jefatura', action: 'approve' },
      { signerId: 'act-concejalia', action: 'sign' },
    ]);
    const approved = await desk('act-jefatura').call('signatures.approve', { requestId: request.id });
    expect(approved.steps.map((step) => step.state)).toEqual(['done', 'pending']);
    expect(approved.steps[0]!.actedBy).toMatchObject({ id: 'act-jefatura' });
    expect((await desk('act-jefatura').call('signatures.tray', { box: 'signed' })).rows[0]).toMatchObject({
      id: request.id,
      step: { action: 'approve' },
    });

    const councillor = desk('act-concejalia');
    expect(
      await errorCode(councillor.call('signatures.reject', { requestId: request.id, reason: ' \n ' })),
    ).toBe('invalid_input');
    const rejected = await councillor.call('signatures.reject', {
      requestId: request.id,
      reason: 'Falta el informe técnico favorable.',
    });
    expect(rejected).toMatchObject({
      state: 'rejected',
      rejectionReason: 'Falta el informe técnico favorable.',
    });
    expect((await councillor.call('signatures.tray', { box: 'rejected' })).rows[0]).toMatchObject({
      id: request.id,
      rejectionReason: 'Falta el informe técnico favorable.',
    });
    const processor = desk('act-02');
    expect((await processor.call('cases.get', { caseId })).case.state).toBe('proposal');
    const [shown] = await processor.call('signatures.ofCase', { caseId });
    expect(shown).toMatchObject({ id: request.id, state: 'rejected', closedBy: { id: 'act-concejalia' } });
    const redraft = await processor.call('resolutions.draft', { caseId, locale: 'es' });
    expect(redraft).toMatchObject({ source: 'previous', text: request.text });
    expect(await errorCode(councillor.call('signatures.approve', { requestId: request.id }))).toBe(
      'signature_rejected',
    );
    const again = await sendFor('act-02', caseId, [{ signerId: 'act-concejalia', action: 'sign' }]);
    expect(again.state).toBe('pending');
  });

  it('withdraws what nobody signed, and not what has its number', async () => {
    const first = await freeCase('padron');
    const withdrawn = await sendFor('pad-01', first, [{ signerId: 'pad-jefatura', action: 'sign' }]);
    expect((await desk('pad-02').call('signatures.withdraw', { requestId: withdrawn.id })).state).toBe(
      'withdrawn',
    );
    expect(await errorCode(desk('pad-02').call('signatures.withdraw', { requestId: withdrawn.id }))).toBe(
      'signature_withdrawn',
    );
    expect(await office.signing.prepare(await actor('pad-jefatura'), [withdrawn.id])).toEqual([
      { requestId: withdrawn.id, error: 'signature_withdrawn' },
    ]);

    const signedOnce = await sendFor('pad-01', first, [
      { signerId: 'pad-jefatura', action: 'sign' },
      { signerId: 'pad-concejalia', action: 'sign' },
    ]);
    const head = await actor('pad-jefatura');
    const [item] = await office.signing.prepare(head, [signedOnce.id]);
    if (!item || 'error' in item) throw new Error('not prepared');
    expect(item.number).toMatch(/^2026\/\d{6}$/);
    await office.signing.confirm(head, item, await signers.signAs(item.pdf, item.fieldName, head.id));
    expect(await errorCode(desk('pad-01').call('signatures.withdraw', { requestId: signedOnce.id }))).toBe(
      'signature_partly_signed',
    );
    const detail = await desk('pad-01').call('signatures.get', { requestId: signedOnce.id });
    expect(detail).toMatchObject({ number: item.number, state: 'pending', documentId: expect.any(String) });
    const documents = (await desk('pad-01').call('cases.get', { caseId: first })).documents;
    expect(documents.at(-1)).toMatchObject({
      id: detail.documentId,
      documentType: 'TD01',
      origin: 1,
      elaborationState: 'EE01',
      format: 'PDF',
      title: `Resolución n.º ${item.number}`,
    });
  });

  it('lets a head name a substitute who acts for them on their dates, until revoked', async () => {
    const boss = desk('sso-jefatura');
    const today = '2026-06-15';
    const create = (substituteId: string, kind: SubstitutionKind, startsOn: string, endsOn: string) =>
      boss.call('substitutions.create', { substituteId, kind, startsOn, endsOn });
    expect(await errorCode(create('sso-01', 'substitution', today, today))).toBe('substitution_not_eligible');
    expect(await errorCode(create('urb-jefatura', 'substitution', today, today))).toBe(
      'substitution_not_eligible',
    );
    expect(await errorCode(create('sso-concejalia', 'substitution', '2026-06-20', '2026-06-19'))).toBe(
      'substitution_dates',
    );
    const substitution = await create('sso-concejalia', 'delegation', today, '2026-06-17');
    expect(substitution).toMatchObject({
      kind: 'delegation',
      activeToday: true,
      substitute: { id: 'sso-concejalia' },
    });
    expect(await errorCode(create('sso-concejalia', 'substitution', '2026-06-17', '2026-06-30'))).toBe(
      'substitution_overlaps',
    );
    expect((await desk('sso-concejalia').call('substitutions.list', {})).received.map((s) => s.id)).toContain(
      substitution.id,
    );

    const caseId = await freeCase('servicios-sociales');
    const twice = [
      { signerId: 'sso-jefatura', action: 'approve' as const },
      { signerId: 'sso-jefatura', action: 'sign' as const },
    ];
    expect(await errorCode(sendFor('sso-01', caseId, twice))).toBe('signature_signer_not_eligible');
    const approval = await sendFor('sso-01', caseId, [
      { signerId: 'sso-jefatura', action: 'approve' },
      { signerId: 'sso-concejalia', action: 'sign' },
    ]);
    const councillor = desk('sso-concejalia');
    const [row] = (await councillor.call('signatures.tray', { box: 'pending' })).rows.filter(
      (r) => r.id === approval.id,
    );
    expect(row?.step).toMatchObject({
      action: 'approve',
      onBehalfOf: { id: 'sso-jefatura', kind: 'delegation' },
    });
    const approved = await councillor.call('signatures.approve', { requestId: approval.id });
    expect(approved.steps[0]).toMatchObject({
      actedBy: { id: 'sso-concejalia' },
      substitution: 'delegation',
    });

    const later = await sendFor('sso-01', await freeCase('servicios-sociales'), [
      { signerId: 'sso-jefatura', action: 'approve' },
      { signerId: 'sso-concejalia', action: 'sign' },
    ]);
    expect(
      (await boss.call('substitutions.revoke', { substitutionId: substitution.id })).revokedAt,
    ).not.toBeNull();
    expect(
      await errorCode(
        desk('sso-concejalia').call('substitutions.revoke', { substitutionId: substitution.id }),
      ),
    ).toBe('not_found');
    expect(
      (await councillor.call('signatures.tray', { box: 'pending' })).rows.map((r) => r.id),
    ).not.toContain(later.id);
    expect(await errorCode(councillor.call('signatures.approve', { requestId: later.id }))).toBe(
      'signature_not_your_turn',
    );
  });

  it('lets a request expire after its last day: nobody acts on it and the case goes back', async () => {
    const caseId = await freeCase('secretaria');
    const request = await sendFor(
      'sec-01',
      caseId,
      [
        { signerId: 'sec-jefatura', action: 'approve' },
        { signerId: 'sec-concejalia', action: 'sign' },
      ],
      {
        expiresOn: '2026-06-15',
      },
    );
    expect(
      await errorCode(
        sendFor('sec-01', await freeCase('secretaria'), [{ signerId: 'sec-jefatura', action: 'sign' }], {
          expiresOn: '2026-06-14',
        }),
      ),
    ).toBe('invalid_input');
    now += day;
    try {
      const boss = desk('sec-jefatura');
      expect(
        (await boss.call('signatures.tray', { box: 'pending' })).rows.find((r) => r.id === request.id)
          ?.expired,
      ).toBe(true);
      expect(await errorCode(boss.call('signatures.approve', { requestId: request.id }))).toBe(
        'signature_expired',
      );
      expect((await boss.call('signatures.get', { requestId: request.id })).state).toBe('expired');
      expect((await boss.call('signatures.tray', { box: 'pending' })).rows.map((r) => r.id)).not.toContain(
        request.id,
      );
      expect((await desk('sec-01').call('cases.get', { caseId })).case.state).toBe('proposal');
      expect((await historyOf('sec-01', caseId)).at(-1)).toEqual(['signature.expired', null]);
      expect((await sendFor('sec-01', caseId, [{ signerId: 'sec-jefatura', action: 'sign' }])).state).toBe(
        'pending',
      );
    } finally {
      now -= day;
    }
  });
});

function sendInput(caseId: string) {
  return {
    caseId,
    locale: 'es' as const,
    title: 'Resolución',
    text: { facts: 'Hechos.', grounds: 'Fundamentos.', decision: 'Decisión.', remedies: 'Recursos.' },
    mode: 'parallel' as const,
    priority: 'normal' as const,
    expiresOn: '2026-07-31',
    steps: [{ signerId: 'urb-jefatura', action: 'sign' as const }],
  };
}
