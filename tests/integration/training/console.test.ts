import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { composeDesk, type Desk } from '../../../src/main/compose';
import { EventBus } from '../../../src/main/events';
import { loadCalendar } from '../../../src/main/office/calendar/load';
import { ClassSessions } from '../../../src/main/training/console/class-sessions';
import { loadScenarios } from '../../../src/main/training/scenarios/load';
import { trainerCalls } from '../../../src/shared/api/trainer';
import { callNames } from '../../../src/shared/api/index';
import { translate } from '../../../src/shared/i18n/index';
import { openConsoleOffice } from '../../support/console-office';
import { deskConnection } from '../../support/desk-connection';
import { seededDemoCity } from '../../support/seeded-cities';
import { rejectionOf } from '../../support/rejection';
import { storeEngines } from '../../support/store-engines';

/**
 * The trainer's console over a real sandbox store, wired as compose wires a training desk: class
 * sessions, the class read from the trainees' attempts as they move, the trainer's hint reaching the
 * trainee's walkthrough, and a restart that stages the scenario again. Trainers only; every other
 * desk answers `not_found`.
 */

const calendar = loadCalendar();
const scratch = mkdtempSync(join(tmpdir(), 'despacho-console-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const claimAndReview = (await loadScenarios()).find((scenario) => scenario.id === 'claim-and-review')!;

describe.each(storeEngines(scratch, 'console'))('the trainer console on %s', (_engine, location) => {
  let clock = new Date('2026-12-07T09:00:00Z');
  const now = () => clock;
  let opened: Awaited<ReturnType<typeof openConsoleOffice>>;
  const told: { name: string; payload: unknown; userId: string | null }[] = [];
  const as = (userId: string) => deskConnection(() => opened.desk as Desk, userId);
  const formacion = as('formacion');
  const urb02 = as('urb-02');

  beforeAll(async () => {
    const events = new EventBus();
    events.subscribe((name, payload, audience) =>
      told.push({ name, payload, userId: audience.kind === 'user' ? audience.userId : null }),
    );
    opened = await openConsoleOffice({ where: await location(), calendar, events, seededAt: clock, now });
  });
  afterAll(async () => opened?.close());

  let sessionId: string;

  it('makes a class session and lists it; unknown scenarios and users are refused in words', async () => {
    const session = await formacion('trainer.sessions.create', {
      name: '  Grupo de mañana ',
      scenarioIds: ['claim-and-review'],
      traineeIds: ['urb-02', 'urb-02'],
    });
    expect(session).toMatchObject({
      name: 'Grupo de mañana',
      scenarioIds: ['claim-and-review'],
      traineeIds: ['urb-02'],
      createdBy: 'formacion',
      createdAt: clock.toISOString(),
    });
    sessionId = session.id;
    expect((await formacion('trainer.sessions.list', {})).map((listed) => listed.id)).toEqual([sessionId]);

    const noScenario = await rejectionOf(
      formacion('trainer.sessions.create', { name: 'X', scenarioIds: ['no-such'], traineeIds: ['urb-02'] }),
    );
    expect(noScenario).toMatchObject({ code: 'invalid_input', params: { reason: 'unknown_scenario' } });
    expect(translate('es', 'errors.invalid_input.unknown_scenario', noScenario.params)).toContain(
      '«no-such»',
    );
    const noUser = await rejectionOf(
      formacion('trainer.sessions.create', {
        name: 'X',
        scenarioIds: ['claim-and-review'],
        traineeIds: ['nadie'],
      }),
    );
    expect(noUser).toMatchObject({ code: 'invalid_input', params: { reason: 'unknown_trainee' } });
    expect(translate('ca-valencia', 'errors.invalid_input.unknown_trainee', noUser.params)).toContain(
      '«nadie»',
    );
    expect(await formacion('trainer.sessions.list', {})).toHaveLength(1);
    expect(await rejectionOf(formacion('trainer.class', { sessionId: '999999' }))).toMatchObject({
      code: 'not_found',
    });
  });

  it('shows where each trainee is, and tells the trainers each time it moves', async () => {
    let view = await formacion('trainer.class', { sessionId });
    expect(view.trainees).toEqual([
      expect.objectContaining({ traineeId: 'urb-02', scenario: null, step: null, hintsUsed: 0 }),
    ]);
    expect(view.trainees[0]!.name).not.toBe('urb-02');

    told.length = 0;
    const started = await urb02('training.start', { scenarioId: 'claim-and-review', mode: 'guided' });
    clock = new Date(clock.getTime() + 90_000);
    await urb02('cases.claim', { caseId: started.step!.reveal.row! });
    view = await formacion('trainer.class', { sessionId });
    expect(view.trainees[0]).toMatchObject({
      scenario: { id: 'claim-and-review', version: claimAndReview.version, title: claimAndReview.title },
      mode: 'guided',
      step: {
        index: 1,
        of: claimAndReview.steps.length,
        instructionId: claimAndReview.steps[1]!.id,
        instruction: claimAndReview.steps[1]!.instruction,
        elapsedMs: 0,
        away: false,
      },
      hintsUsed: 0,
      mistakes: { count: 0, lastFeedback: null },
      finishedAt: null,
      score: null,
    });
    // The trainers are told once the desk has looked them up: wait for it, as long as a busy machine needs.
    const toTrainers = () => told.filter((event) => event.name === 'trainer.classChanged');
    await vi.waitFor(() => expect(toTrainers().length).toBeGreaterThanOrEqual(2), { timeout: 20_000 });
    expect(toTrainers().every((event) => event.userId === 'formacion')).toBe(true);
    expect(toTrainers()[0]!.payload).toEqual({ traineeId: 'urb-02' });
  });

  it("puts every one of the trainer's hints in the trainee's step, newest first, each counted as a hint", async () => {
    await formacion('trainer.hint', { traineeId: 'urb-02', text: 'Mire la sección de notas.' });
    let progress = (await urb02('training.progress', {}))!;
    expect(progress.step).toMatchObject({
      index: 1,
      trainerHints: ['Mire la sección de notas.'],
      hint: null,
    });
    expect(progress.hintsUsed).toBe(1);
    await formacion('trainer.hint', { traineeId: 'urb-02', text: 'Abajo del todo.' });
    progress = (await urb02('training.progress', {}))!;
    expect(progress.step!.trainerHints).toEqual(['Abajo del todo.', 'Mire la sección de notas.']);
    expect(progress.hintsUsed).toBe(2);
    const view = await formacion('trainer.class', { sessionId });
    expect(view.trainees[0]!.hintsUsed).toBe(2);
    expect(told.filter((event) => event.name === 'training.progressed').at(-1)).toMatchObject({
      payload: { kind: 'hint' },
      userId: 'urb-02',
    });
  });

  it("starts the trainee's scenario again from its start, staged afresh and in the same mode", async () => {
    await formacion('trainer.reset', { traineeId: 'urb-02' });
    const progress = (await urb02('training.progress', {}))!;
    expect(progress).toMatchObject({ scenarioId: 'claim-and-review', mode: 'guided', hintsUsed: 0 });
    expect(progress.step).toMatchObject({ index: 0, trainerHints: [] });
    const { case: caso } = await urb02('cases.get', { caseId: progress.step!.reveal.row! });
    expect(caso.assigneeId).toBeNull();
    const view = await formacion('trainer.class', { sessionId });
    expect(view.trainees[0]!.step).toMatchObject({ index: 0, instructionId: claimAndReview.steps[0]!.id });
  });

  it("counts the time on the trainee's step as they do: not while they are signed out", async () => {
    clock = new Date(clock.getTime() + 30_000);
    await urb02('session.signOut', {});
    clock = new Date(clock.getTime() + 3_600_000);
    let view = await formacion('trainer.class', { sessionId });
    expect(view.trainees[0]!.step).toMatchObject({ elapsedMs: 30_000, away: true });
    const back = as('urb-02');
    clock = new Date(clock.getTime() + 5_000);
    expect((await back('training.progress', {}))!.step).toMatchObject({ elapsedMs: 30_000 });
    clock = new Date(clock.getTime() + 10_000);
    view = await formacion('trainer.class', { sessionId });
    expect(view.trainees[0]!.step).toMatchObject({ elapsedMs: 40_000, away: false });
    expect(told.filter((event) => event.name === 'training.progressed').slice(-2)).toEqual([
      expect.objectContaining({ payload: { kind: 'away', step: 0 }, userId: 'urb-02' }),
      expect.objectContaining({ payload: { kind: 'back', step: 0 }, userId: 'urb-02' }),
    ]);
  });

  it('offers every active user who is not a trainer as a trainee, with their department', async () => {
    const candidates = await formacion('trainer.trainees', {});
    const active = await opened.store.db
      .selectFrom('users')
      .select(['id', 'roles'])
      .where('active', '=', true)
      .execute();
    const expected = active.filter((user) => !user.roles.includes('trainer')).map((user) => user.id);
    expect(candidates.map((candidate) => candidate.id).sort()).toEqual(expected.sort());
    expect(candidates.some((candidate) => candidate.id === 'formacion')).toBe(false);
    // Beyond the scenarios' own trainees: a processor no scenario is done as, with their department.
    expect(candidates.find((candidate) => candidate.id === 'urb-03')).toMatchObject({
      departmentId: expect.any(String),
      departmentName: expect.stringMatching(/\S/),
    });

    await opened.store.db.updateTable('users').set({ active: false }).where('id', '=', 'urb-03').execute();
    try {
      expect((await formacion('trainer.trainees', {})).some((candidate) => candidate.id === 'urb-03')).toBe(
        false,
      );
      const inactive = await rejectionOf(
        formacion('trainer.sessions.create', {
          name: 'X',
          scenarioIds: ['claim-and-review'],
          traineeIds: ['urb-03'],
        }),
      );
      expect(inactive).toMatchObject({ code: 'invalid_input', params: { reason: 'unknown_trainee' } });
    } finally {
      await opened.store.db.updateTable('users').set({ active: true }).where('id', '=', 'urb-03').execute();
    }
    const trainerAsTrainee = await rejectionOf(
      formacion('trainer.sessions.create', {
        name: 'X',
        scenarioIds: ['claim-and-review'],
        traineeIds: ['formacion'],
      }),
    );
    expect(trainerAsTrainee).toMatchObject({ code: 'invalid_input', params: { reason: 'unknown_trainee' } });
    const withAdmin = await formacion('trainer.sessions.create', {
      name: 'Con otras personas',
      scenarioIds: ['claim-and-review'],
      traineeIds: ['urb-jefatura', 'admin'],
    });
    expect(withAdmin.traineeIds).toEqual(['urb-jefatura', 'admin']);
  });

  it("names a trainee's class for a scenario by the newest class session that has both, with its trainer", async () => {
    const sessions = new ClassSessions(opened.store.db);
    const later = await formacion('trainer.sessions.create', {
      name: 'Grupo de tarde',
      scenarioIds: ['request-amendment'],
      traineeIds: ['urb-02'],
      participants: { 'urb-02': 'Begoña Peñalver Ruiz' },
    });
    expect(later.participants).toEqual({ 'urb-02': 'Begoña Peñalver Ruiz' });
    expect(await sessions.classOf('urb-02', 'claim-and-review')).toEqual({
      sessionId,
      trainerId: 'formacion',
      personName: null,
    });
    expect(await sessions.classOf('urb-02', 'request-amendment')).toEqual({
      sessionId: later.id,
      trainerId: 'formacion',
      personName: 'Begoña Peñalver Ruiz',
    });
    // Practised outside every session the trainee is in: no class, rather than the newest one's.
    expect(await sessions.classOf('urb-02', 'sign-one')).toBeNull();
    expect(await sessions.classOf('urb-03', 'claim-and-review')).toBeNull();
  });

  it('refuses a hint or a restart when the trainee has no scenario under way', async () => {
    expect(await rejectionOf(formacion('trainer.reset', { traineeId: 'urb-03' }))).toMatchObject({
      code: 'invalid_transition',
    });
    expect(await rejectionOf(formacion('trainer.hint', { traineeId: 'urb-03', text: 'Hola' }))).toMatchObject(
      { code: 'invalid_transition' },
    );
  });

  it('is for trainers only: a processor or a head is forbidden', async () => {
    for (const userId of ['urb-02', 'urb-jefatura']) {
      const user = as(userId);
      expect(await rejectionOf(user('trainer.sessions.list', {}))).toMatchObject({ code: 'forbidden' });
      expect(await rejectionOf(user('trainer.trainees', {}))).toMatchObject({ code: 'forbidden' });
      expect(await rejectionOf(user('trainer.class', { sessionId }))).toMatchObject({ code: 'forbidden' });
      expect(await rejectionOf(user('trainer.hint', { traineeId: 'urb-02', text: 'Hola' }))).toMatchObject({
        code: 'forbidden',
      });
      expect(await rejectionOf(user('trainer.reset', { traineeId: 'urb-02' }))).toMatchObject({
        code: 'forbidden',
      });
    }
  });
});

describe('a desk that is not a training desk', () => {
  let desk: Desk;
  beforeAll(async () => {
    await seededDemoCity(join(scratch, 'office'), 20);
    desk = await composeDesk({ mode: 'embedded', dataDir: join(scratch, 'office'), demoCases: 20 });
  });
  afterAll(async () => desk?.close());

  it('answers every trainer call with not_found, even to a trainer', async () => {
    expect(Object.keys(trainerCalls).every((name) => (callNames as string[]).includes(name))).toBe(true);
    const formacion = deskConnection(() => desk, 'formacion');
    expect(await rejectionOf(formacion('trainer.sessions.list', {}))).toMatchObject({ code: 'not_found' });
    expect(await rejectionOf(formacion('trainer.trainees', {}))).toMatchObject({ code: 'not_found' });
    expect(
      await rejectionOf(
        formacion('trainer.sessions.create', {
          name: 'Grupo',
          scenarioIds: ['claim-and-review'],
          traineeIds: ['urb-02'],
        }),
      ),
    ).toMatchObject({ code: 'not_found' });
    expect(await rejectionOf(formacion('trainer.class', { sessionId: '1' }))).toMatchObject({
      code: 'not_found',
    });
    expect(await rejectionOf(formacion('trainer.hint', { traineeId: 'urb-02', text: 'Hola' }))).toMatchObject(
      { code: 'not_found' },
    );
    expect(await rejectionOf(formacion('trainer.reset', { traineeId: 'urb-02' }))).toMatchObject({
      code: 'not_found',
    });
  });
});
