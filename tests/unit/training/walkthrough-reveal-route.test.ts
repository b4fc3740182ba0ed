import { describe, expect, it } from 'vitest';
import { alreadyShows } from '../../../src/renderer/features/training/reveal-route';

describe("where the walkthrough goes for a step's route", () => {
  it('stays on the same route, and goes to any other', () => {
    expect(alreadyShows('#/cases/12', { screen: 'case', caseId: '12' })).toBe(true);
    expect(alreadyShows('#/cases/12', { screen: 'case', caseId: '13' })).toBe(false);
    expect(alreadyShows('#/tray/signed', { screen: 'tray', box: 'pending' })).toBe(false);
  });

  it('stays on the signing screen whose batch holds every request the step names (its retry is there)', () => {
    expect(alreadyShows('#/sign/4,5,6', { screen: 'sign', requestIds: ['5', '6'] })).toBe(true);
    expect(alreadyShows('#/sign/4,5', { screen: 'sign', requestIds: ['5', '6'] })).toBe(false);
    expect(alreadyShows('#/tray/pending', { screen: 'sign', requestIds: ['5'] })).toBe(false);
  });
});
