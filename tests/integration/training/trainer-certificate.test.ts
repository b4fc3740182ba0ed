import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeDesk, type Desk } from '../../../src/main/compose';
import { openOfficeStore } from '../../../src/main/compose/office-store';
import { practicePin } from '../../../src/main/compose/practice-card-desk';
import { trainingSandboxStore } from '../../../src/main/compose/training-sandbox';
import { practiceModule } from '../../../src/main/desk/training-card/practice-card';
import { demoNif } from '../../../src/main/office/demo/city';
import { ClassSessions } from '../../../src/main/training/console/class-sessions';
import { appendCompletion, type Completion } from '../../../src/main/training/records/completions';
import { ApiError } from '../../../src/shared/api/errors';
import type { TokenListing } from '../../../src/shared/api/signing';
import type { SignedCertificate } from '../../../src/shared/api/trainer';
import { despachoRun } from '../../support/despacho-command';
import { deskConnection } from '../../support/desk-connection';
import { pdfsig } from '../../support/pdfs/validators';

/**
 * Issue 10: "completion records … export as CSV and as a PDF certificate signed with the trainer's
 * card", from the trainer's console. On a training desk the only card is the practice card, which
 * holds a certificate for each trainer: the certificate is signed with the trainer's own, and is a
 * training signature.
 */
let scratch: string;
let dataDir: string;
let desk: Desk;
/** The class session that put Begoña on urb-02's seat. */
let namedSession: string;

const begona = 'Begoña Peñalver Ruiz';

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'despacho-trainer-certificate-'));
  dataDir = join(scratch, 'training');
  // The class's store as a training desk made it, then a scenario urb-02 finished there with Pau's class.
  await (await composeDesk({ mode: 'training', dataDir, demoCases: 20 })).close();
  const store = await openOfficeStore({ kind: 'pglite', dataDir: trainingSandboxStore(dataDir)! });
  try {
    const record: Completion = {
      traineeId: 'urb-02',
      scenarioId: 'claim-and-review',
      scenarioVersion: 1,
      mode: 'assessment',
      right: 3,
      of: 3,
      passMark: 3,
      passed: true,
      hintsUsed: 0,
      mistakes: 1,
      startedAt: '2026-11-18T09:00:00.000Z',
      finishedAt: '2026-11-18T09:12:30.000Z',
      presentMs: 750_000,
      trainerId: 'formacion',
      // Made before records kept their class session (migration 0022): exported and certified all the same.
      sessionId: null,
      personName: null,
    };
    await appendCompletion(store.db, record);
    // A later class put Begoña on the same seat: what she did there is hers.
    namedSession = (
      await new ClassSessions(store.db).create({
        name: 'Clase de diciembre',
        scenarioIds: ['claim-and-review', 'request-amendment'],
        traineeIds: ['urb-02'],
        participants: { 'urb-02': begona },
        createdBy: 'formacion',
        createdAt: new Date('2026-12-01T08:00:00Z'),
      })
    ).id;
    await appendCompletion(store.db, {
      ...record,
      scenarioId: 'request-amendment',
      startedAt: '2026-12-01T09:00:00.000Z',
      finishedAt: '2026-12-01T09:10:00.000Z',
      sessionId: namedSession,
      personName: begona,
    });
  } finally {
    await store.close();
  }
  desk = await composeDesk({ mode: 'training', dataDir, demoCases: 20 });
}, 480_000);
afterAll(async () => {
  await desk?.close();
  rmSync(scratch, { recursive: true, force: true });
});

const trainer = deskConnection(() => desk, 'formacion');
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof ApiError ? error.toData() : error),
  );

/** The practice card's certificate of whoever carries `nif`. */
function certificateOf(listing: TokenListing, nif: string) {
  const card = listing.cards.find((candidate) => candidate.module === practiceModule)!;
  const certificate = card.certificates.find((candidate) => candidate.holder.nif === nif)!;
  expect(certificate, `a practice certificate for ${nif}`).toBeDefined();
  return { token: { module: card.module, label: card.label }, certificate: { id: certificate.id } };
}

function savedPdf(outcome: SignedCertificate): string {
  if ('failure' in outcome) throw new Error(`not signed: ${outcome.failure.kind}.${outcome.failure.code}`);
  const file = join(scratch, outcome.fileName);
  writeFileSync(file, Buffer.from(outcome.base64, 'base64'));
  return file;
}

describe('the trainer’s console: records and certificates', () => {
  it('downloads the records of a session’s trainees as CSV, in the language asked for', async () => {
    const session = await trainer('trainer.sessions.create', {
      name: 'Clase de noviembre',
      scenarioIds: ['claim-and-review'],
      traineeIds: ['urb-02', 'urb-03'],
    });
    const file = await trainer('trainer.records.csv', { sessionId: session.id, locale: 'ca-valencia' });
    expect(file.fileName).toBe('registres-formacio-Clase-de-noviembre.csv');
    const [header, row, end] = Buffer.from(file.base64, 'base64')
      .toString('utf8')
      .replace(/^\ufeff/, '')
      .split('\r\n');
    expect(header).toContain('Temps dedicat (s)');
    expect(row).toContain('urb-02');
    expect(row).toContain('750');
    expect(end).toBe('');
    // A session whose trainees finished nothing has a CSV of its header alone.
    const empty = await trainer('trainer.sessions.create', {
      name: 'Otra clase',
      scenarioIds: ['claim-and-review'],
      traineeIds: ['urb-04'],
    });
    const lines = Buffer.from(
      (await trainer('trainer.records.csv', { sessionId: empty.id, locale: 'es' })).base64,
      'base64',
    )
      .toString('utf8')
      .split('\r\n');
    expect(lines).toHaveLength(2);
  });

  it('signs a trainee’s certificate with the trainer’s own practice certificate; a wrong PIN, another’s certificate or nothing to certify signs nothing', async () => {
    const listing = await trainer('tokens.list', {});
    const own = certificateOf(listing, demoNif('formacion'));
    const wrongPin = await trainer('trainer.records.certificate', {
      traineeId: 'urb-02',
      locale: 'es',
      card: { ...own, pin: '9999', confirmFinalTry: false },
    });
    expect(wrongPin).toEqual({
      failure: expect.objectContaining({ kind: 'token', code: expect.stringMatching(/^pin_incorrect/) }),
    });
    const someoneElse = await trainer('trainer.records.certificate', {
      traineeId: 'urb-02',
      locale: 'es',
      card: { ...certificateOf(listing, demoNif('urb-jefatura')), pin: practicePin, confirmFinalTry: false },
    });
    expect(someoneElse).toEqual({
      failure: expect.objectContaining({ kind: 'office', code: 'signature_wrong_certificate' }),
    });
    expect(
      await refusal(
        trainer('trainer.records.certificate', {
          traineeId: 'urb-03',
          locale: 'es',
          card: { ...own, pin: practicePin, confirmFinalTry: false },
        }),
      ),
    ).toEqual({ code: 'training_no_completions' });

    const file = savedPdf(
      await trainer('trainer.records.certificate', {
        traineeId: 'urb-02',
        locale: 'es',
        card: { ...own, pin: practicePin, confirmFinalTry: false },
      }),
    );
    expect(file).toMatch(/certificado-formacion-urb-02\.pdf$/);
    expect(pdfsig(file).valid).toEqual([true]);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Certificado de formación');
    // The verifier says whose it is, and that a practice card's signature is a training one, never valid.
    const verified = await despachoRun(['verify', file]);
    expect(verified.stdout).toContain('Pau');
    expect(verified.stdout).toMatch(/formación/i);
    // The seat's records that name nobody: not Begoña's, made on the same seat in a later class.
    expect(text).toContain('Asignarse');
    expect(text).not.toContain(begona);
  });

  it('certifies the person a session named on the seat: her records alone, under her name; the session lists her', async () => {
    const own = certificateOf(await trainer('tokens.list', {}), demoNif('formacion'));
    const file = savedPdf(
      await trainer('trainer.records.certificate', {
        traineeId: 'urb-02',
        sessionId: namedSession,
        locale: 'es',
        card: { ...own, pin: practicePin, confirmFinalTry: false },
      }),
    );
    expect(file).toMatch(/certificado-formacion-Begona-Penalver-Ruiz\.pdf$/);
    expect(pdfsig(file).valid).toEqual([true]);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain(begona);
    expect(text).toContain('Requerir');
    expect(text).not.toContain('Asignarse');

    const view = await trainer('trainer.class', { sessionId: namedSession });
    expect(view.session.participants).toEqual({ 'urb-02': begona });
    expect(view.trainees.map((row) => [row.traineeId, row.personName, row.completions])).toEqual([
      // Hers alone: the seat's record that names nobody is not hers to certify.
      ['urb-02', begona, { completed: 1, passed: 1, of: 2, recorded: 1 }],
    ]);
    const csv = Buffer.from(
      (await trainer('trainer.records.csv', { sessionId: namedSession, locale: 'es' })).base64,
      'base64',
    ).toString('utf8');
    expect(csv).toContain(`urb-02,${begona},request-amendment`);
    // A person named on a seat the session does not have is refused in words, and nothing is made.
    expect(
      await refusal(
        trainer('trainer.sessions.create', {
          name: 'Clase con un error',
          scenarioIds: ['claim-and-review'],
          traineeIds: ['urb-02'],
          participants: { 'urb-03': 'Nadie' },
        }),
      ),
    ).toMatchObject({ code: 'invalid_input', params: { reason: 'unknown_trainee', id: 'urb-03' } });
    expect((await trainer('trainer.sessions.list', {})).map((session) => session.name)).not.toContain(
      'Clase con un error',
    );
  });
});
