import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeDesk, type Desk } from '../../../src/main/compose';
import { callNames } from '../../../src/shared/api/index';
import { trainingCalls } from '../../../src/shared/api/training';
import { rejectionOf } from '../../support/rejection';
import { deskConnection } from '../../support/desk-connection';
import { seededDemoCity } from '../../support/seeded-cities';

/**
 * The trainee's calls exist only on a training desk: an ordinary desk (its real cases) has no
 * scenarios, no progress and no hints, and says `not_found` to each of them, even to a valid call.
 */
let scratch: string;
let desk: Desk;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'despacho-no-training-'));
  await seededDemoCity(join(scratch, 'office'), 20);
  desk = await composeDesk({ mode: 'embedded', dataDir: join(scratch, 'office'), demoCases: 20 });
});
afterAll(async () => {
  await desk?.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('an embedded desk', () => {
  const processor = deskConnection(() => desk, 'urb-01');

  it('answers every training call with not_found', async () => {
    expect(Object.keys(trainingCalls).every((name) => (callNames as string[]).includes(name))).toBe(true);
    expect(await rejectionOf(processor('training.scenarios', {}))).toMatchObject({ code: 'not_found' });
    expect(
      await rejectionOf(processor('training.start', { scenarioId: 'reclamar-y-revisar', mode: 'guided' })),
    ).toMatchObject({ code: 'not_found' });
    expect(await rejectionOf(processor('training.progress', {}))).toMatchObject({ code: 'not_found' });
    expect(await rejectionOf(processor('training.hint', {}))).toMatchObject({ code: 'not_found' });
    expect(await rejectionOf(processor('training.leave', {}))).toMatchObject({ code: 'not_found' });
    expect(await rejectionOf(processor('training.card.insert', {}))).toMatchObject({ code: 'not_found' });
  });

  it('still validates the input and the sign-in first', async () => {
    const anonymous = deskConnection(() => desk, null);
    expect(await rejectionOf(anonymous('training.progress', {}))).toMatchObject({ code: 'not_signed_in' });
    expect(
      await rejectionOf(processor('training.start', { scenarioId: 'x', mode: 'exam' } as never)),
    ).toMatchObject({ code: 'invalid_input', params: { field: 'mode' } });
  });
});
