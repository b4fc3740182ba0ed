import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Desk } from '../../../src/main/compose';
import { EventBus } from '../../../src/main/events';
import { loadCalendar } from '../../../src/main/office/calendar/load';
import { appendCompletion, type Completion } from '../../../src/main/training/records/completions';
import type { ClassView } from '../../../src/shared/api/trainer';
import { openConsoleOffice } from '../../support/console-office';
import { deskConnection } from '../../support/desk-connection';
import { storeEngines } from '../../support/store-engines';

/**
 * The trainer's class says, per trainee, how many of the session's scenarios they completed in that
 * session and how many of those they passed (each scenario counted once), and how many completion
 * records they have in all (what the session's CSV lists and the certificate certifies), read in one
 * query for the whole class. A trainee finishing a scenario is told to the trainers, and the class
 * read then counts it: the console's column moves live. What a trainee did in an earlier session, or
 * before records kept their session, is not counted in today's, and the CSV still lists it.
 */

const calendar = loadCalendar();
const scratch = mkdtempSync(join(tmpdir(), 'despacho-class-completions-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A record made apart from the desk: `scenarioId` finished by `traineeId` in `sessionId` (null: none kept). */
const madeApart = (
  traineeId: string,
  scenarioId: string,
  sessionId: string | null,
  passed: boolean,
  startedAt: string,
): Completion => ({
  traineeId,
  scenarioId,
  scenarioVersion: 1,
  mode: 'assessment',
  right: passed ? 3 : 1,
  of: 3,
  passMark: 2,
  passed,
  hintsUsed: 0,
  mistakes: 0,
  startedAt,
  finishedAt: '2026-12-07T08:20:00.000Z',
  presentMs: 600_000,
  trainerId: sessionId === null ? null : 'formacion',
  sessionId,
  personName: null,
});

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

  /** The session's CSV: each record's trainee, scenario, session id and session name (its last columns). */
  const exported = async (sessionId: string) => {
    const file = await formacion('trainer.records.csv', { sessionId, locale: 'es' });
    const [header, ...rows] = Buffer.from(file.base64, 'base64')
      .toString('utf8')
      .replace(/^\ufeff/, '')
      .split('\r\n');
    expect(header).toMatch(/,Sesión,Nombre de la sesión$/);
    return rows
      .filter((row) => row !== '')
      .map((row) => {
        const cells = row.split(',');
        return [cells[0], cells[2], ...cells.slice(-2)];
      });
  };

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

  it('counts none for a trainee who has finished none of the session’s scenarios in it, whatever else they did', async () => {
    // Someone of the evening session finished a scenario: the morning session does not count it.
    await appendCompletion(
      opened.store.db,
      madeApart('tri-02', 'claim-and-review', evening, true, '2026-12-07T08:00:00.000Z'),
    );
    // urb-03 finished, in the morning session, a scenario it does not do, and the morning's own
    // scenario before records kept their session: neither counts, both are theirs to certify.
    await appendCompletion(
      opened.store.db,
      madeApart('urb-03', 'draft-and-send', morning, true, '2026-12-07T08:01:00.000Z'),
    );
    await appendCompletion(
      opened.store.db,
      madeApart('urb-03', 'claim-and-review', null, true, '2026-12-07T08:02:00.000Z'),
    );
    expect(await completionsIn(morning)).toEqual({
      'urb-02': { completed: 0, passed: 0, of: 1, recorded: 0 },
      'urb-03': { completed: 0, passed: 0, of: 1, recorded: 2 },
    });
    expect(await completionsIn(evening)).toEqual({
      'tri-02': { completed: 1, passed: 1, of: 1, recorded: 1 },
    });
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
            of: 1,
            recorded: 1,
          });
        },
        { timeout: 20_000 },
      );
    } finally {
      stop();
    }
  });

  it('counts a scenario finished again once, passed if passed once; failed every time, completed but not passed', async () => {
    // A record is one attempt, known by its start: this one starts later than the first.
    clock = new Date(clock.getTime() + 60_000);
    const started = await urb02('training.start', { scenarioId: 'claim-and-review', mode: 'assessment' });
    const scenarioCase = started.step!.reveal.row!;
    // Every step done on another case than the scenario's: each outcome wrong, and the pass mark missed.
    const { rows } = await urb02('cases.list', { queue: 'unassigned', limit: 50 });
    const other = rows.find((row) => row.id !== scenarioCase)!;
    await claimAndReview(other.id);
    expect((await urb02('training.progress', {}))!.score).toMatchObject({ right: 0, of: 3, passed: false });
    await appendCompletion(
      opened.store.db,
      madeApart('urb-03', 'claim-and-review', morning, false, '2026-12-07T08:03:00.000Z'),
    );
    expect(await completionsIn(morning)).toEqual({
      'urb-02': { completed: 1, passed: 1, of: 1, recorded: 2 },
      'urb-03': { completed: 1, passed: 0, of: 1, recorded: 3 },
    });
    expect(await completionsIn(evening)).toEqual({
      'tri-02': { completed: 1, passed: 1, of: 1, recorded: 1 },
    });
  });

  it('does not count in today’s session what the trainee did in an earlier one, which its CSV still lists', async () => {
    clock = new Date(clock.getTime() + 60_000);
    const today = (
      await formacion('trainer.sessions.create', {
        name: 'Hoy',
        scenarioIds: ['claim-and-review', 'draft-and-send'],
        traineeIds: ['urb-02'],
      })
    ).id;
    expect(await completionsIn(today)).toEqual({ 'urb-02': { completed: 0, passed: 0, of: 2, recorded: 2 } });
    expect(await exported(today)).toEqual([
      ['urb-02', 'claim-and-review', morning, 'Mañana'],
      ['urb-02', 'claim-and-review', morning, 'Mañana'],
    ]);

    // Finished again today: counted in today's session (the trainee's newest), not again in the morning's.
    const started = await urb02('training.start', { scenarioId: 'claim-and-review', mode: 'guided' });
    await claimAndReview(started.step!.reveal.row!);
    expect((await urb02('training.progress', {}))!.score).toMatchObject({ passed: true });
    expect(await completionsIn(today)).toEqual({ 'urb-02': { completed: 1, passed: 1, of: 2, recorded: 3 } });
    expect((await completionsIn(morning))['urb-02']).toEqual({ completed: 1, passed: 1, of: 1, recorded: 3 });
    expect((await exported(today)).at(-1)).toEqual(['urb-02', 'claim-and-review', today, 'Hoy']);
  });
});
