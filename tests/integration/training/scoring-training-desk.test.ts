import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeDesk, type Desk } from '../../../src/main/compose';
import { loadScenarios } from '../../../src/main/training/scenarios/load';
import { deskConnection } from '../../support/desk-connection';

/**
 * The training desk as compose wires it: the shipped scenarios, their fixture cases chosen in the
 * sandbox, the shipped outcome checks, and the trainee's own calls observed as domain events.
 */
let scratch: string;
let desk: Desk;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'despacho-training-scoring-'));
  desk = await composeDesk({ mode: 'training', dataDir: join(scratch, 'sandbox'), demoCases: 200 });
});
afterAll(async () => {
  await desk?.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('a training desk', () => {
  const trainee = deskConnection(() => desk, 'urb-02');

  it('offers every shipped scenario', async () => {
    const shipped = await loadScenarios();
    const offered = await trainee('training.scenarios', {});
    expect(offered.map((scenario) => [scenario.id, scenario.version, scenario.steps])).toEqual(
      shipped.map((scenario) => [scenario.id, scenario.version, scenario.steps.length]),
    );
  });

  it('completes "claim and review" step by step on the real actions, and counts claiming another case as a mistake', async () => {
    const scenario = (await loadScenarios()).find((candidate) => candidate.id === 'claim-and-review')!;
    let progress = await trainee('training.start', { scenarioId: 'claim-and-review', mode: 'guided' });
    const caso = progress.step!.reveal.row!;
    const other = (await trainee('cases.list', { queue: 'unassigned', limit: 50 })).rows.find(
      (row) => row.id !== caso,
    )!;
    await trainee('cases.claim', { caseId: other.id });
    progress = (await trainee('training.progress', {}))!;
    expect(progress.step!.index).toBe(0);
    expect(progress.mistakes.map((mistake) => mistake.feedback)).toEqual([
      scenario.steps[0]!.mistakes.find((mistake) => mistake.id === 'wrong-case')!.feedback,
    ]);
    await trainee('cases.release', { caseId: other.id });
    await trainee('cases.claim', { caseId: caso });
    progress = (await trainee('training.progress', {}))!;
    expect(progress.outcomes).toEqual([{ step: 0, ok: true }]);
    expect(progress.step).toMatchObject({ index: 1, target: 'case-notes.add' });

    await trainee('casework.notes.add', { caseId: caso, body: 'Solicitud revisada: completa.' });
    progress = (await trainee('training.progress', {}))!;
    expect(progress.step).toMatchObject({ index: 2, target: 'case.report-open' });

    const report = (templateId: string) => async () => {
      const { version } = (await trainee('cases.get', { caseId: caso })).case;
      const draft = await trainee('casework.reportDraft', { caseId: caso, templateId, locale: 'es' });
      await trainee('casework.addReport', {
        caseId: caso,
        version,
        source: { kind: 'template', templateId, locale: 'es', body: draft.body },
      });
    };
    await report('legal')();
    progress = (await trainee('training.progress', {}))!;
    expect(progress.step!.index).toBe(2);
    expect(progress.mistakes).toHaveLength(2);
    await report('technical')();
    progress = (await trainee('training.progress', {}))!;
    expect(progress.step).toBeNull();
    expect(progress.score).toEqual({ right: 3, of: 3, passMark: 2, passed: true });
  });

  it('starts a scenario from its setup records, made in the sandbox as the trainee would', async () => {
    const progress = await trainee('training.start', { scenarioId: 'request-amendment', mode: 'assessment' });
    expect(progress.step).toMatchObject({ index: 0, target: 'amendments.request', hintAfterSeconds: 0 });
    const route = progress.step!.reveal.route;
    expect(route.screen).toBe('case');
    const { case: caso } = await trainee('cases.get', {
      caseId: route.screen === 'case' ? route.caseId : '',
    });
    expect(caso.assigneeId).toBe('urb-02');
  });
});
