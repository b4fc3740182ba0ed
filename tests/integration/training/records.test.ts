import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimTrainingSandbox } from '../../../src/main/compose/training-sandbox';
import { openOfficeStore } from '../../../src/main/compose/office-store';
import { EventBus } from '../../../src/main/events';
import { loadCalendar } from '../../../src/main/office/calendar/load';
import { demoStaff } from '../../../src/main/office/demo/city';
import type { Store, StoreLocation } from '../../../src/main/office/store/open-store';
import { ClassSessions } from '../../../src/main/training/console/class-sessions';
import {
  appendCompletion,
  completionRecords,
  type TraineeClass,
} from '../../../src/main/training/records/completions';
import { completionRecordsCsv } from '../../../src/main/training/records/records-csv';
import type { DomainEvent } from '../../../src/main/training/session/ports';
import { traineeDesk } from '../../../src/main/training/session/trainee-desk';
import type { ActorContext } from '../../../src/shared/api/dispatch';
import { scenarioSchema, type Scenario } from '../../../src/shared/training/scenario';
import { runDespacho } from '../../support/despacho-command';
import { pdfsig, qpdfCheck } from '../../support/pdfs/validators';
import { storeEngines } from '../../support/store-engines';
import { cardArgs } from '../../support/card-args';
import { despachoEnvOnToken, loadTestToken, type TestToken } from '../../support/softhsm';

/**
 * Completion records: finishing a scenario appends one (kept when the scenario is started again),
 * exported as CSV and as the trainee's certificate signed with the trainer's card (a real SoftHSM2
 * token), only from a training sandbox.
 */

const calendar = loadCalendar();
const scratch = mkdtempSync(join(tmpdir(), 'despacho-records-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Two steps, each done by its event; releasing a case on the way is a known mistake. */
const step = (id: string, event: string) => ({
  id,
  instruction: { es: id, 'ca-valencia': id },
  target: 'queues.row-claim',
  reveal: { route: { screen: 'queues', queue: 'unassigned' } },
  completion: { event, check: { id: 'note_added', case: 'caso' } },
  hint: { text: { es: 'Pista.', 'ca-valencia': 'Pista.' } },
  mistakes: [
    {
      id: 'released',
      event: 'cases.release',
      check: { id: 'note_added', case: 'caso' },
      when: 'passes',
      feedback: { es: 'Mal.', 'ca-valencia': 'Malament.' },
    },
  ],
});
const twoSteps: Scenario = scenarioSchema.parse({
  id: 'two-steps',
  version: 2,
  title: { es: 'Dos pasos', 'ca-valencia': 'Dos passos' },
  description: { es: 'Dos pasos.', 'ca-valencia': 'Dos passos.' },
  role: 'processor',
  fixtures: { trainee: 'urb-02', cases: { caso: { state: 'registered', assignee: 'nobody' } } },
  steps: [step('claim', 'cases.claim'), step('note', 'casework.notes.add')],
  assessment: { passMark: 2 },
});

const clock = { now: new Date('2026-12-07T09:00:00Z') };
/** The person a later class puts on urb-02's seat. */
const begona = 'Begoña Peñalver Ruiz';
const later = (seconds: number) => (clock.now = new Date(clock.now.getTime() + seconds * 1000));

/** A class session of Pau's with urb-02 in it, in `store`, and the class it is for urb-02's scenario. */
async function classIn(
  store: Store,
  name: string,
  participants: Record<string, string> = {},
): Promise<TraineeClass> {
  const sessions = new ClassSessions(store.db);
  await sessions.create({
    name,
    scenarioIds: [twoSteps.id],
    traineeIds: ['urb-02'],
    participants,
    createdBy: 'formacion',
    createdAt: clock.now,
  });
  return (await sessions.classOf('urb-02', twoSteps.id))!;
}

/** The trainee desk over `store`, its outcome checks all passing, the trainee's class as `inClass` says. */
function deskOn(store: Store, inClass: { now: TraineeClass | null }) {
  const desk = traineeDesk({
    db: store.db,
    scenarios: { list: () => [twoSteps], get: (id) => (id === twoSteps.id ? twoSteps : undefined) },
    stage: async () => ({}),
    check: async () => ({ ok: true }),
    resolveReveal: async () => ({
      route: { screen: 'queues', queue: 'unassigned' },
      scrollTo: null,
      row: null,
    }),
    events: new EventBus(),
    now: () => clock.now,
    classOf: async () => inClass.now,
  });
  const context: ActorContext = {
    connectionId: 'records-test',
    session: { get: () => 'urb-02', set: () => undefined },
    actor: { id: 'urb-02', name: 'Trainee', departmentId: 'urb', roles: ['processor'] },
  };
  const event = (name: string): DomainEvent => ({ name, traineeId: 'urb-02', input: {} });
  return {
    start: (mode: 'guided' | 'assessment') =>
      desk.handlers['training.start']({ scenarioId: twoSteps.id, mode }, context),
    hint: () => desk.handlers['training.hint']({}, context),
    leave: () => desk.handlers['training.leave']({}, context),
    /** A mistake and a hint on the first step, then both steps done. */
    play: async () => {
      await desk.observe(event('cases.release'));
      await desk.handlers['training.hint']({}, context).catch(() => undefined);
      later(60);
      await desk.observe(event('cases.claim'));
      later(60);
      await desk.observe(event('casework.notes.add'));
    },
  };
}

const openDemo = (location: StoreLocation) =>
  openOfficeStore(location, { demo: { cases: 20, calendar, now: clock.now } });

describe.each(storeEngines(scratch, 'records'))('completion records on %s', (_engine, location) => {
  let store: Store;
  beforeAll(async () => {
    store = await openDemo(await location());
  });
  afterAll(async () => {
    await store?.close();
  });

  it('records a finished scenario with its score, hints, mistakes, class and trainer; starting again keeps it', async () => {
    const morning = await classIn(store, 'Mañana');
    expect(morning).toMatchObject({ trainerId: 'formacion', personName: null });
    const inClass: { now: TraineeClass | null } = { now: morning };
    const desk = deskOn(store, inClass);
    const started = clock.now.toISOString();
    await desk.start('guided');
    expect(await completionRecords(store.db)).toEqual([]);
    await desk.play();
    const first = clock.now.toISOString();
    expect(await completionRecords(store.db)).toEqual([
      expect.objectContaining({
        traineeId: 'urb-02',
        scenarioId: 'two-steps',
        scenarioVersion: 2,
        mode: 'guided',
        right: 2,
        of: 2,
        passMark: 2,
        passed: true,
        hintsUsed: 1,
        mistakes: 1,
        startedAt: started,
        finishedAt: first,
        // Two minutes on the steps, the trainee there all along.
        presentMs: 120_000,
        trainerId: 'formacion',
        sessionId: morning.sessionId,
        sessionName: 'Mañana',
      }),
    ]);
    // Recording the same attempt again (a retry after the sandbox failed to close it) keeps one record.
    const [kept] = await completionRecords(store.db);
    await appendCompletion(store.db, kept!);
    expect(await completionRecords(store.db)).toHaveLength(1);

    later(60);
    inClass.now = null;
    await desk.start('assessment');
    await desk.leave();
    await desk.start('assessment');
    await desk.play();
    const records = await completionRecords(store.db);
    expect(
      records.map((record) => [
        record.mode,
        record.hintsUsed,
        record.finishedAt,
        record.trainerId,
        record.sessionId,
      ]),
    ).toEqual([
      ['guided', 1, first, 'formacion', morning.sessionId],
      ['assessment', 0, clock.now.toISOString(), null, null],
    ]);
    expect(await completionRecords(store.db, { trainerId: 'formacion' })).toHaveLength(1);
    expect(await completionRecords(store.db, { traineeId: 'urb-03' })).toEqual([]);
  });

  it('exports the records as CSV, every value escaped and no formula left live', async () => {
    await store.db.updateTable('users').set({ name: '=Pérez, "Ana"' }).where('id', '=', 'urb-02').execute();
    const records = await completionRecords(store.db, { trainerId: 'formacion' });
    const text = new TextDecoder().decode(completionRecordsCsv(records, 'es'));
    const [header, row, end] = text.replace(/^\ufeff/, '').split('\r\n');
    expect(header).toBe(
      'Usuario,Persona en formación,Escenario,Versión,Modalidad,Pasos correctos,Pasos,Mínimo para superar,' +
        'Superado,Pistas,Errores,Empezado,Terminado,Tiempo dedicado (s),Usuario formador,Formador,' +
        'Sesión,Nombre de la sesión',
    );
    const record = records[0]!;
    expect(row).toBe(
      `urb-02,"'=Pérez, ""Ana""",two-steps,2,con guía,2,2,2,sí,1,1,${record.startedAt},${record.finishedAt},120,formacion,${record.trainerName},${record.sessionId},Mañana`,
    );
    expect(end).toBe('');
  });

  it('names the person the session put on the seat: the record keeps their name, not the seat’s', async () => {
    const afternoon = await classIn(store, 'Tarde', { 'urb-02': begona });
    expect(afternoon.personName).toBe(begona);
    const desk = deskOn(store, { now: afternoon });
    later(60);
    await desk.start('assessment');
    await desk.play();
    const hers = await completionRecords(store.db, { personName: begona });
    expect(
      hers.map((record) => [record.traineeId, record.traineeName, record.personName, record.sessionName]),
    ).toEqual([['urb-02', begona, begona, 'Tarde']]);
    // The seat's records that name nobody stay under the seat's own name.
    expect(
      (await completionRecords(store.db, { traineeId: 'urb-02', personName: null })).map(
        (record) => record.traineeName,
      ),
    ).toEqual(['=Pérez, "Ana"', '=Pérez, "Ana"']);
  });
});

describe('despacho training records', () => {
  let token: TestToken;
  let sandbox: string;
  let out: string;

  beforeAll(async () => {
    token = loadTestToken();
    sandbox = join(scratch, 'sandbox');
    const store = await openDemo({ kind: 'pglite', dataDir: claimTrainingSandbox(sandbox) });
    try {
      const desk = deskOn(store, { now: await classIn(store, 'Mañana') });
      await desk.start('guided');
      await desk.play();
      await desk.start('assessment');
      await desk.play();
      // A later class puts Begoña on the seat.
      const named = deskOn(store, { now: await classIn(store, 'Tarde', { 'urb-02': begona }) });
      await named.start('assessment');
      await named.play();
    } finally {
      await store.close();
    }
    out = join(scratch, 'out');
    mkdirSync(out);
  });

  /** `despacho <args>` in `lang` (Spanish unless said), on the test token, with the PIN on stdin. */
  const despacho = (args: string[], options: { lang?: string; pin?: string } = {}) => {
    const run = runDespacho(
      args,
      { ...despachoEnvOnToken(token), DESPACHO_LANG: options.lang ?? 'es' },
      options.pin === undefined ? '' : `${options.pin}\n`,
    );
    return { code: run.status, stdout: run.stdout, stderr: run.stderr };
  };
  const records = (args: string[], options: { lang?: string; pin?: string } = {}) =>
    despacho(['training', 'records', '--data', sandbox, ...args], options);

  it('writes the CSV with a header in the user language', async () => {
    const file = join(out, 'registros.csv');
    const result = records(['--format', 'csv', '--out', file], { lang: 'ca-valencia' });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`3 registres de formació escrits en ${file}.`);
    const lines = readFileSync(file, 'utf8').split('\r\n');
    expect(lines[0]).toMatch(/^\ufeffUsuari,Persona en formació,Escenari,/);
    const seat = demoStaff().find((user) => user.id === 'urb-02')!.name;
    expect(lines.slice(1, 4).map((line) => line.split(',').slice(0, 5))).toEqual([
      ['urb-02', seat, 'two-steps', '2', 'amb guia'],
      ['urb-02', seat, 'two-steps', '2', 'avaluació'],
      ['urb-02', begona, 'two-steps', '2', 'avaluació'],
    ]);
  });

  it('signs the trainee certificate with the trainer card: pdfsig, qpdf and despacho verify accept it', async () => {
    const file = join(out, 'certificado.pdf');
    const result = records(['--format', 'pdf', '--trainee', 'urb-02', '--out', file, ...cardArgs(token)], {
      pin: token.userPin,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`Certificado de urb-02 con 2 escenarios, firmado, en ${file}.`);
    expect(pdfsig(file).valid).toEqual([true]);
    expect(qpdfCheck(file).ok).toBe(true);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Certificado de formación');
    // A scenario no longer shipped is named by its id.
    expect(text).toMatch(/two-steps \(escenario two-steps, versión 2\), con\s+guía/);
    expect(text).toMatch(
      /Resultado: 2 de 2 pasos correctos \(mínimo 2\): superado\. Pistas: 0\. Errores: 1\./,
    );
    expect(text).toMatch(/Tiempo de trabajo en el\s+escenario:\s+2\s+min\s+0\s+s\./);
    const verified = despacho(['verify', file]);
    expect(verified.code, verified.stdout).toBe(0);
    expect(verified.stdout).toContain(`Firmante: ${token.keys.rsa2048.holder.name}`);
    expect(`${result.stdout}${result.stderr}`).not.toContain(token.userPin);
  });

  it('refuses a wrong PIN in words and writes no file', async () => {
    const file = join(out, 'pin-erroneo.pdf');
    const result = records(['--format', 'pdf', '--trainee', 'urb-02', '--out', file, ...cardArgs(token)], {
      pin: '000000',
    });
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/PIN/);
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(out).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  // Right after the wrong PIN: the shared test card's next login is a correct one, as every suite leaves it.
  it('certifies the person a class named on the seat with --person: her records alone, under her name', async () => {
    const file = join(out, 'certificado-begona.pdf');
    const result = records(
      ['--format', 'pdf', '--trainee', 'urb-02', '--person', begona, '--out', file, ...cardArgs(token)],
      { pin: token.userPin },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`Certificado de urb-02 con 1 escenario, firmado, en ${file}.`);
    expect(pdfsig(file).valid).toEqual([true]);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain(begona);
    expect(text).toMatch(/evaluación/);
    expect(text).not.toMatch(/con\s+guía/);
  });

  it('refuses a folder that is not a training sandbox, and a certificate with nothing to certify', async () => {
    const office = join(scratch, 'office');
    mkdirSync(office);
    const file = join(out, 'nada.csv');
    const notSandbox = despacho(['training', 'records', '--data', office, '--format', 'csv', '--out', file]);
    expect(notSandbox.code).toBe(1);
    expect(notSandbox.stderr).toContain(`La carpeta ${office} no es un entorno de formación`);
    const nothing = records(['--format', 'pdf', '--trainee', 'urb-03', '--out', file, ...cardArgs(token)], {
      pin: token.userPin,
    });
    expect(nothing.code).toBe(3);
    expect(nothing.stderr).toContain('urb-03 no tiene ningún escenario completado');
    const noTrainee = records(['--format', 'pdf', '--out', file, ...cardArgs(token)]);
    expect(noTrainee.code).toBe(2);
    expect(noTrainee.stderr).toContain('indíquela con --trainee');
    expect(existsSync(file)).toBe(false);
  });

  it('says its usage: asked for, and when a card is given for a CSV file', () => {
    const help = despacho(['training', 'records', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain(
      'Uso: despacho training records --data CARPETA --format csv|pdf --out FICHERO',
    );
    const file = join(out, 'con-tarjeta.csv');
    const misused = records(['--format', 'csv', '--out', file, '--module', token.modulePath]);
    expect(misused.code).toBe(2);
    expect(misused.stderr).toContain('La opción --module solo sirve para firmar el certificado en PDF.');
    expect(existsSync(file)).toBe(false);
  });
});
