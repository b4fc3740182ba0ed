import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCaseworkTemplates } from '../../../src/main/office/casework/templates';
import type { Office } from '../../../src/main/office/index';
import type { Store } from '../../../src/main/office/store/open-store';
import { runOutcomeCheck } from '../../../src/main/training/outcomes/run';
import { resolveFixtureCases } from '../../../src/main/training/scenarios/fixtures';
import { loadScenarios } from '../../../src/main/training/scenarios/load';
import { applyScenarioSetup } from '../../../src/main/training/scenarios/setup';
import type { Scenario } from '../../../src/shared/training/scenario';
import { calendar, seededOffice } from '../../unit/office/support';

/** Monday 2 March 2026, 09:00 in Madrid: the morning of the class. */
const classDay = new Date('2026-03-02T08:00:00Z');

/**
 * Every shipped scenario starts on a demo city like the training sandbox's: its cases are found by
 * their rules, its setup is done through the office's handlers, and none of its steps' outcomes is
 * already true before the trainee acts (a step nobody can fail teaches nothing).
 */
describe('the shipped scenarios on a demo city', () => {
  let store: Store;
  let office: Office;
  let scenarios: Scenario[];

  beforeAll(async () => {
    scenarios = await loadScenarios();
    ({ store, office } = await seededOffice(1000, {
      mode: 'training',
      seededAt: classDay,
      now: () => classDay,
    }));
  });
  afterAll(async () => {
    await office?.close();
  });

  it('each finds its cases, applies its setup, and leaves every outcome for the trainee to reach', async () => {
    for (const scenario of scenarios) {
      const cases = await resolveFixtureCases(store.db, scenario.fixtures);
      await applyScenarioSetup({
        office,
        db: store.db,
        fixtures: scenario.fixtures,
        cases,
        now: () => classDay,
      });
      const trainee = scenario.fixtures.trainee;
      for (const action of scenario.fixtures.setup) {
        const caseId = cases[action.case]!;
        if (action.kind === 'claim') {
          const row = await store.db
            .selectFrom('cases')
            .select('assignee_id')
            .where('id', '=', caseId)
            .executeTakeFirstOrThrow();
          expect(row.assignee_id, `${scenario.id}: ${action.case} claimed`).toBe(trainee);
        } else {
          const table = action.kind === 'amendment_request' ? 'amendment_requests' : 'signature_requests';
          const row = await store.db
            .selectFrom(table)
            .select('state')
            .where('case_id', '=', caseId)
            .executeTakeFirst();
          expect(row?.state, `${scenario.id}: ${action.kind} for ${action.case}`).toBe('pending');
        }
      }
      for (const step of scenario.steps) {
        const verdict = await runOutcomeCheck(
          {
            db: store.db,
            calendar: calendar(),
            traineeId: trainee,
            cases,
            caseworkTemplates: loadCaseworkTemplates(),
          },
          step.completion.check,
        );
        expect(verdict.passed, `${scenario.id}: ${step.id} already done`).toBe(false);
      }
    }
  });
});
