import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Desk } from '../../../src/main/compose';
import { EventBus } from '../../../src/main/events';
import { loadCalendar } from '../../../src/main/office/calendar/load';
import { appendCompletion } from '../../../src/main/training/records/completions';
import type { ClassView } from '../../../src/shared/api/trainer';
import { openConsoleOffice } from '../../support/console-office';
import { deskConnection } from '../../support/desk-connection';
import { storeEngines } from '../../support/store-engines';

/**
 * The trainer's class says, per trainee, how many scenarios they completed and how many of those
 * they passed, from the completion records (what the session's CSV lists and the certificate
 * certifies), read in one query for the whole class. A trainee finishing a scenario is told to the
 * trainers, and the class read then counts it: the console's column moves live.
 */

const calendar = loadCalendar();
const scratch = mkdtempSync(join(tmpdir(), 'despacho-class-completions-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.each(storeEngines(scratch, 'class_completions'))('the class on %s', (_engine, location) => {
  let clock = new Date('2026-12-07T09:00:00Z');
  const now = () => clock;
  let opened: Awaited<ReturnType<typeof openConsoleOffice>>;
  const events = new EventBus();
  const as = (userId: string) => deskConnection(() => opened.desk as Desk, userId);
  const formacion = as('formacion');
  const urb02 = as('urb-02');
  let morning: string;
  let evening: string;

  beforeAll(async () => {
    opened = await openConsoleOffice({ where: await location(), calendar, events, seededAt: clock, now });
    morning = (
      await formacion('trainer.sessions.create', {
        name: 'Mañana',
        scenarioIds: ['claim-and-review'],
        traineeIds: ['urb-02', 'urb-03'],
      })
    ).id;
    evening = (
      await formacion('trainer.sessions.create', {
        name: 'Tarde',
        scenarioIds: ['claim-and-review'],
        traineeIds: ['tri-02'],
      })
    ).id;
  });
  afterAll(async () => opened?.close());

  const completionsIn = async (sessionId: string) =>
    Object.fromEntries(
      (await formacion('trainer.class', { sessionId })).trainees.map((row) => [
        row.traineeId,
        row.completions,
      ]),
    );

  /** Does "claim and review" on `caseId` for each of its three steps: the right case passes every step. */
  async function claimAndReview(caseId: string): Promise<void> {
    await urb02('cases.claim', { caseId });
    await urb02('casework.notes.add', { caseId, body: 'Solicitud revisada.' });
    const { version } = (await urb02('cases.get', { caseId })).case;
    const draft = await urb02('casework.reportDraft', { caseId, templateId: 'technical', locale: 'es' });
    await urb02('casework.addReport', {
      caseId,
      version,
      source: { kind: 'template', templateId: 'technical', locale: 'es', body: draft.body },
    });
  }

  it('counts none for a trainee who has finished nothing, whatever other sessions hold', async () => {
    // Someone of the evening session finished a scenario: the morning session does not count it.
    await appendCompletion(opened.store.db, {
      traineeId: 'tri-02',
      scenarioId: 'claim-and-review',
      scenarioVersion: 1,
      mode: 'guided',
      right: 3,
      of: 3,
      passMark: 2,
      passed: true,
      hintsUsed: 0,
      mistakes: 0,
      startedAt: '2026-12-07T08:00:00.000Z',
      finishedAt: '2026-12-07T08:20:00.000Z',
      presentMs: 1_200_000,
      trainerId: 'formacion',
    });
    expect(await completionsIn(morning)).toEqual({
      'urb-02': { completed: 0, passed: 0 },
      'urb-03': { completed: 0, passed: 0 },
    });
    expect(await completionsIn(evening)).toEqual({ 'tri-02': { completed: 1, passed: 1 } });
  });

  it('counts a finished scenario as soon as the trainers are told the trainee moved', async () => {
    const views: Promise<ClassView>[] = [];
    const stop = events.subscribe((name) => {
      // What the console does on the event: read the class again.
      if (name === 'trainer.classChanged') views.push(formacion('trainer.class', { sessionId: morning }));
    });
    try {
      const started = await urb02('training.start', { scenarioId: 'claim-and-review', mode: 'guided' });
      await claimAndReview(started.step!.reveal.row!);
      expect((await urb02('training.progress', {}))!.score).toMatchObject({ right: 3, of: 3, passed: true });
      await vi.waitFor(
        async () => {
          const read = await Promise.all(views);
          expect(read.at(-1)!.trainees.find((row) => row.traineeId === 'urb-02')!.completions).toEqual({
            completed: 1,
            passed: 1,
          });
        },
        { timeout: 20_000 },
      );
    } finally {
      stop();
    }
  });

  it('counts a failed assessment as completed but not passed', async () => {
    // A record is one attempt, known by its start: this one starts later than the first.
    clock = new Date(clock.getTime() + 60_000);
    const started = await urb02('training.start', { scenarioId: 'claim-and-review', mode: 'assessment' });
    const scenarioCase = started.step!.reveal.row!;
    // Every step done on another case than the scenario's: each outcome wrong, and the pass mark missed.
    const { rows } = await urb02('cases.list', { queue: 'unassigned', limit: 50 });
    const other = rows.find((row) => row.id !== scenarioCase)!;
    await claimAndReview(other.id);
    expect((await urb02('training.progress', {}))!.score).toMatchObject({ right: 0, of: 3, passed: false });
    expect(await completionsIn(morning)).toEqual({
      'urb-02': { completed: 2, passed: 1 },
      'urb-03': { completed: 0, passed: 0 },
    });
    expect(await completionsIn(evening)).toEqual({ 'tri-02': { completed: 1, passed: 1 } });
  });
});
