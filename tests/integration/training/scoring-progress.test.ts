import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOfficeStore } from '../../../src/main/compose/office-store';
import { EventBus } from '../../../src/main/events';
import { loadCalendar } from '../../../src/main/office/calendar/load';
import { officeOnStore, type Office } from '../../../src/main/office/index';
import type { Store } from '../../../src/main/office/store/open-store';
import { loadScenarios } from '../../../src/main/training/scenarios/load';
import { reportingDomainEvents } from '../../../src/main/training/session/domain-events';
import { noTrainingHere } from '../../../src/main/training/session/elsewhere';
import type { RunOutcomeCheck, StageScenario } from '../../../src/main/training/session/ports';
import { revealsOver } from '../../../src/main/training/session/reveals';
import { traineeDesk } from '../../../src/main/training/session/trainee-desk';
import type { Handlers } from '../../../src/shared/api/dispatch';
import { scenarioSchema, type Scenario } from '../../../src/shared/training/scenario';
import { deskConnection } from '../../support/desk-connection';
import { rejectionOf } from '../../support/rejection';

/**
 * The trainee's progress and score over a real sandbox store (PGlite with the demo city): a step
 * completes on its domain event plus its outcome check, a known wrong action is a mistake with the
 * scenario's feedback, hints are counted (none in assessment mode), time on a step comes from the
 * desk's clock, and the whole attempt survives closing and reopening the store.
 */

const calendar = loadCalendar();
let scratch: string;
let dataDir: string;
let store: Store;
let office: Office;
let clock = new Date('2026-12-07T09:00:00Z');
const now = () => clock;
const later = (seconds: number) => (clock = new Date(clock.getTime() + seconds * 1000));

/** Claim the scenario's case, then note the review on it; a wrong case is a known mistake. */
const claimAndNote: Scenario = scenarioSchema.parse({
  id: 'claim-and-note',
  version: 3,
  title: { es: 'Asumir y anotar', 'ca-valencia': 'Assumir i anotar' },
  description: { es: 'Dos pasos.', 'ca-valencia': 'Dos passos.' },
  role: 'processor',
  fixtures: { trainee: 'urb-02', cases: { caso: { state: 'registered', assignee: 'nobody' } } },
  steps: [
    {
      id: 'claim',
      instruction: { es: 'Asuma el expediente.', 'ca-valencia': "Assumiu l'expedient." },
      target: 'queues.row-claim',
      reveal: { route: { screen: 'queues', queue: 'unassigned' }, row: 'caso' },
      completion: { event: 'cases.claim', check: { id: 'case_claimed_by_trainee', case: 'caso' } },
      hint: { text: { es: 'Última columna.', 'ca-valencia': 'Última columna.' }, afterSeconds: 30 },
      mistakes: [
        {
          id: 'wrong-case',
          event: 'cases.claim',
          check: { id: 'case_claimed_by_trainee', case: 'caso' },
          feedback: { es: 'Ha asumido otro expediente.', 'ca-valencia': 'Heu assumit un altre expedient.' },
        },
      ],
    },
    {
      id: 'note',
      instruction: { es: 'Anote la revisión.', 'ca-valencia': 'Anoteu la revisió.' },
      target: 'case-notes.add',
      reveal: { route: { screen: 'case', case: 'caso' }, scrollTo: 'case.notes' },
      completion: { event: 'casework.notes.add', check: { id: 'note_added', case: 'caso' } },
      hint: { text: { es: 'Notas, abajo.', 'ca-valencia': 'Notes, baix.' } },
    },
  ],
  assessment: { passMark: 2 },
});

/** The stable rule of the fixtures: the trainee's department's first case in that state, by number. */
const stage: StageScenario = async (scenario, traineeId) => {
  const trainee = await store.db
    .selectFrom('users')
    .select('department_id')
    .where('id', '=', traineeId)
    .executeTakeFirstOrThrow();
  const cases: Record<string, string> = {};
  for (const [alias, selector] of Object.entries(scenario.fixtures.cases)) {
    const row = await store.db
      .selectFrom('cases')
      .select('id')
      .where('department_id', '=', trainee.department_id)
      .where('state', '=', selector.state)
      .where('assignee_id', 'is', null)
      .orderBy('number')
      .offset(selector.pick)
      .limit(1)
      .executeTakeFirstOrThrow();
    cases[alias] = String(row.id);
  }
  return cases;
};

/** The two checks these scenarios use, read from the sandbox as the office wrote it. */
const check: RunOutcomeCheck = async (outcome, { traineeId, cases }) => {
  if (outcome.id === 'case_claimed_by_trainee') {
    const row = await store.db
      .selectFrom('cases')
      .select('assignee_id')
      .where('id', '=', Number(cases[outcome.case]))
      .executeTakeFirstOrThrow();
    return row.assignee_id === traineeId ? { ok: true } : { ok: false, reason: 'not_claimed' };
  }
  if (outcome.id === 'note_added') {
    const note = await store.db
      .selectFrom('notes')
      .select('id')
      .where('case_id', '=', Number(cases[outcome.case]))
      .where('author_id', '=', traineeId)
      .executeTakeFirst();
    return note ? { ok: true } : { ok: false, reason: 'no_note' };
  }
  throw new Error(`no check ${outcome.id} in this test`);
};

const shipped = await loadScenarios();

/** The training desk's wiring, as compose does it, over the store open now. */
function trainingDesk() {
  const events = new EventBus();
  const progressed: string[] = [];
  events.subscribe((name, payload) => {
    if (name === 'training.progressed') progressed.push((payload as { kind: string }).kind);
  });
  const all = [claimAndNote, ...shipped];
  const trainee = traineeDesk({
    db: store.db,
    scenarios: { list: () => all, get: (id) => all.find((scenario) => scenario.id === id) },
    stage,
    check,
    resolveReveal: revealsOver(store.db),
    events,
    now,
  });
  const handlers = reportingDomainEvents(
    { ...office.handlers, ...noTrainingHere, ...trainee.handlers } as Handlers,
    trainee.observe,
    (error) => {
      throw error;
    },
  );
  return {
    desk: {
      handlers,
      actors: office.actors,
      events,
      left: async () => undefined,
      close: async () => undefined,
    },
    progressed,
  };
}

async function open() {
  store = await openOfficeStore({ kind: 'pglite', dataDir }, { demo: { cases: 240, calendar, now: clock } });
  office = await officeOnStore(
    store,
    { kind: 'pglite', dataDir },
    { mode: 'training', signIn: 'demoPicker', events: new EventBus(), calendar, now },
  );
  return trainingDesk();
}

let wired: ReturnType<typeof trainingDesk>;
const as = (userId: string) => deskConnection(() => wired.desk, userId);
const trainee = as('urb-02');

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'despacho-scoring-'));
  dataDir = join(scratch, 'sandbox');
  wired = await open();
});
afterAll(async () => {
  await office?.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** Another unassigned case of the trainee's department than the scenario's. */
async function anotherCase(not: string): Promise<string> {
  const rows = await trainee('cases.list', { queue: 'unassigned', limit: 50 });
  const other = rows.rows.find((row) => row.id !== not);
  if (!other) throw new Error('the demo city has one unassigned case only');
  return other.id;
}

describe('guided mode', () => {
  it('counts a wrong case as a mistake with its feedback, counts hints and time, and completes on the outcome', async () => {
    const started = await trainee('training.start', { scenarioId: 'claim-and-note', mode: 'guided' });
    const caso = started.step!.reveal.row!;
    expect(started.step).toMatchObject({
      index: 0,
      target: 'queues.row-claim',
      reveal: { route: { screen: 'queues', queue: 'unassigned' }, row: caso, scrollTo: null },
      hintAfterSeconds: 30,
      hint: null,
      elapsedMs: 0,
    });

    const wrong = await anotherCase(caso);
    await trainee('cases.claim', { caseId: wrong });
    let progress = (await trainee('training.progress', {}))!;
    expect(progress.step!.index).toBe(0);
    expect(progress.mistakes).toEqual([
      {
        step: 0,
        at: clock.toISOString(),
        feedback: { es: 'Ha asumido otro expediente.', 'ca-valencia': 'Heu assumit un altre expedient.' },
      },
    ]);
    expect(progress.outcomes).toEqual([]);

    later(45);
    progress = await trainee('training.hint', {});
    expect(progress.hintsUsed).toBe(1);
    expect(progress.step).toMatchObject({ hint: { es: 'Última columna.' }, elapsedMs: 45_000 });

    await trainee('cases.release', { caseId: wrong });
    later(15);
    await trainee('cases.claim', { caseId: caso });
    progress = (await trainee('training.progress', {}))!;
    expect(progress.step).toMatchObject({ index: 1, target: 'case-notes.add', elapsedMs: 0, hint: null });
    expect(progress.step!.reveal).toEqual({
      route: { screen: 'case', caseId: caso },
      scrollTo: 'case.notes',
      row: null,
    });
    expect(progress.outcomes).toEqual([{ step: 0, ok: true }]);
    expect(wired.progressed).toEqual(['started', 'mistake', 'hint', 'completed']);
  });

  it('resumes at the same step, with its mistakes, hints and time, after the store is closed and reopened', async () => {
    later(20);
    await office.close();
    wired = await open();
    later(10);
    const resumed = (await trainee('training.progress', {}))!;
    expect(resumed).toMatchObject({
      scenarioId: 'claim-and-note',
      scenarioVersion: 3,
      mode: 'guided',
      hintsUsed: 1,
      finishedAt: null,
      score: null,
    });
    expect(resumed.step).toMatchObject({ index: 1, elapsedMs: 30_000 });
    expect(resumed.mistakes).toHaveLength(1);

    await trainee('casework.notes.add', {
      caseId: resumed.step!.reveal.route.screen === 'case' ? resumed.step!.reveal.route.caseId : '',
      body: 'Revisado.',
    });
    const done = (await trainee('training.progress', {}))!;
    expect(done.step).toBeNull();
    expect(done.finishedAt).toBe(clock.toISOString());
    expect(done.score).toEqual({ right: 2, of: 2, passMark: 2, passed: true });
  });

  it('ignores what other users do', async () => {
    await trainee('training.start', { scenarioId: 'claim-and-note', mode: 'guided' });
    const before = (await trainee('training.progress', {}))!;
    const colleague = as('urb-03');
    await colleague('cases.claim', { caseId: await anotherCase(before.step!.reveal.row!) });
    expect(await trainee('training.progress', {})).toEqual(before);
  });
});

describe('assessment mode', () => {
  it('has no hints, and a wrong outcome is kept as wrong and fails the pass mark', async () => {
    await trainee('training.leave', {});
    expect(await trainee('training.progress', {})).toBeNull();
    const started = await trainee('training.start', { scenarioId: 'claim-and-note', mode: 'assessment' });
    expect(started.step!.hintAfterSeconds).toBe(0);
    expect(await rejectionOf(trainee('training.hint', {}))).toMatchObject({ code: 'invalid_transition' });

    const caso = started.step!.reveal.row!;
    const wrong = await anotherCase(caso);
    await trainee('cases.claim', { caseId: wrong });
    let progress = (await trainee('training.progress', {}))!;
    expect(progress.outcomes).toEqual([{ step: 0, ok: false }]);
    expect(progress.mistakes).toHaveLength(1);
    expect(progress.step!.index).toBe(1);

    await trainee('casework.notes.add', { caseId: caso, body: 'Revisado.' });
    progress = (await trainee('training.progress', {}))!;
    expect(progress.outcomes).toEqual([
      { step: 0, ok: false },
      { step: 1, ok: true },
    ]);
    expect(progress.hintsUsed).toBe(0);
    expect(progress.score).toEqual({ right: 1, of: 2, passMark: 2, passed: false });
  });
});

describe('the shipped scenarios', () => {
  it('start on the sandbox with their targets and reveals resolved', async () => {
    const list = await trainee('training.scenarios', {});
    expect(list.map((scenario) => scenario.id)).toEqual(
      expect.arrayContaining(shipped.map((scenario) => scenario.id)),
    );
    const first = shipped[0]!;
    const started = await trainee('training.start', { scenarioId: first.id, mode: 'guided' });
    expect(started).toMatchObject({
      scenarioId: first.id,
      totalSteps: first.steps.length,
      step: { index: 0, target: first.steps[0]!.target },
    });
    expect(
      await rejectionOf(trainee('training.start', { scenarioId: 'no-such-scenario', mode: 'guided' })),
    ).toMatchObject({ code: 'not_found' });
    expect(list.find((scenario) => scenario.id === 'claim-and-note')?.trainee).toBe('urb-02');
    expect(
      await rejectionOf(as('urb-03')('training.start', { scenarioId: 'claim-and-note', mode: 'guided' })),
    ).toMatchObject({ code: 'forbidden' });
  });
});
