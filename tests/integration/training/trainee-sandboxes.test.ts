import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeDesk, type Desk } from '../../../src/main/compose';
import { openOfficeStore } from '../../../src/main/compose/office-store';
import { trainingSandboxStore } from '../../../src/main/compose/training-sandbox';
import { EventBus } from '../../../src/main/events';
import { completionRecords } from '../../../src/main/training/records/completions';
import { deskConnection } from '../../support/desk-connection';

/**
 * Issue 10: "two trainees on one machine never share a sandbox". A training desk gives each trainee
 * a sandbox of their own, copied from the class's demo city as it was seeded: what one trainee does
 * is not in another's, its news reaches that trainee alone, it is kept when the desk restarts, and
 * the trainer's reset puts one trainee's sandbox back at the class's start and nobody else's. The
 * completion records stay in the class's store, through resets.
 */
let scratch: string;
let sandbox: string;
let desk: Desk;
const told: { name: string; userId: string | null }[] = [];
const events = new EventBus();
events.subscribe((name, _payload, audience) =>
  told.push({ name, userId: audience.kind === 'user' ? audience.userId : null }),
);

const openDesk = () => composeDesk({ mode: 'training', dataDir: sandbox, demoCases: 120 }, { events });

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'despacho-trainee-sandboxes-'));
  sandbox = join(scratch, 'sandbox');
  desk = await openDesk();
});
afterAll(async () => {
  await desk?.close();
  rmSync(scratch, { recursive: true, force: true });
});

const ana = deskConnection(() => desk, 'urb-02');
const ben = deskConnection(() => desk, 'urb-03');
const trainer = deskConnection(() => desk, 'formacion');
const assigneeIn = async (connection: typeof ana, caseId: string) =>
  (await connection('cases.get', { caseId })).case.assigneeId;

let claimed: string;

describe('a training desk with two trainees', () => {
  it('gives each a sandbox of their own: a case one claims is still free in the other’s, and the news reaches the one who claimed it', async () => {
    claimed = (await ana('cases.list', { queue: 'unassigned', limit: 50 })).rows[0]!.id;
    expect(await assigneeIn(ben, claimed)).toBeNull();

    told.length = 0;
    await ana('cases.claim', { caseId: claimed });
    expect(await assigneeIn(ana, claimed)).toBe('urb-02');
    expect(await assigneeIn(ben, claimed)).toBeNull();
    const news = told.filter((event) => event.name === 'cases.changed');
    expect(news.length).toBeGreaterThan(0);
    expect(new Set(told.map((event) => event.userId))).toEqual(new Set(['urb-02']));

    // In his own sandbox the same case is his to claim: nothing of Ana's is in the way.
    await ben('cases.claim', { caseId: claimed });
    expect(await assigneeIn(ben, claimed)).toBe('urb-03');
    expect(await assigneeIn(ana, claimed)).toBe('urb-02');

    const trainees = readdirSync(join(sandbox, 'trainees')).sort();
    expect(trainees).toEqual(['urb-02', 'urb-03']);
    expect(existsSync(join(sandbox, 'template'))).toBe(true);
  });

  it('keeps each trainee’s sandbox when the desk is closed and opened again', async () => {
    await desk.close();
    desk = await openDesk();
    expect(await assigneeIn(ana, claimed)).toBe('urb-02');
    expect(await assigneeIn(ben, claimed)).toBe('urb-03');
  });

  it('resets one trainee’s whole sandbox to the class’s start on the trainer’s word, with the scenario staged again; the other’s stays', async () => {
    const session = await trainer('trainer.sessions.create', {
      name: 'Grupo de tarde',
      scenarioIds: ['claim-and-review'],
      traineeIds: ['urb-02', 'urb-03'],
    });
    const started = await ana('training.start', { scenarioId: 'claim-and-review', mode: 'guided' });
    const scenarioCase = started.step!.reveal.row!;
    await ana('cases.claim', { caseId: scenarioCase });
    expect((await ana('training.progress', {}))!.step!.index).toBe(1);

    await trainer('trainer.reset', { traineeId: 'urb-02' });
    const again = (await ana('training.progress', {}))!;
    expect(again.step!.index).toBe(0);
    expect(again.outcomes).toEqual([]);
    expect(await assigneeIn(ana, scenarioCase)).toBeNull();
    // The claim Ana made before the scenario went with the rest of her sandbox; Ben's is still his.
    expect(await assigneeIn(ana, claimed)).toBeNull();
    expect(await assigneeIn(ben, claimed)).toBe('urb-03');

    const view = await trainer('trainer.class', { sessionId: session.id });
    expect(
      view.trainees.map((trainee) => [trainee.traineeId, trainee.scenario?.id ?? null, trainee.step?.index]),
    ).toEqual([
      ['urb-02', 'claim-and-review', 0],
      ['urb-03', null, undefined],
    ]);
  });

  it('records a finished scenario in the class’s store, where a reset of the trainee’s sandbox leaves it', async () => {
    const caso = (await ana('training.progress', {}))!.step!.reveal.row!;
    await ana('cases.claim', { caseId: caso });
    await ana('casework.notes.add', { caseId: caso, body: 'Solicitud revisada: completa.' });
    const { version } = (await ana('cases.get', { caseId: caso })).case;
    const draft = await ana('casework.reportDraft', { caseId: caso, templateId: 'technical', locale: 'es' });
    await ana('casework.addReport', {
      caseId: caso,
      version,
      source: { kind: 'template', templateId: 'technical', locale: 'es', body: draft.body },
    });
    expect((await ana('training.progress', {}))!.score).toMatchObject({ right: 3, of: 3, passed: true });
    await trainer('trainer.reset', { traineeId: 'urb-02' });

    await desk.close();
    const store = await openOfficeStore({ kind: 'pglite', dataDir: trainingSandboxStore(sandbox)! });
    try {
      const records = await completionRecords(store.db);
      expect(
        records.map((record) => [
          record.traineeId,
          record.scenarioId,
          record.trainerId,
          record.sessionName,
          record.passed,
        ]),
      ).toEqual([['urb-02', 'claim-and-review', 'formacion', 'Grupo de tarde', true]]);
    } finally {
      await store.close();
    }
    desk = await openDesk();
  });
});
