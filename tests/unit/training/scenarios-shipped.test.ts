import { describe, expect, it } from 'vitest';
import { outcomeChecks } from '../../../src/main/training/outcomes/run';
import { loadScenarios } from '../../../src/main/training/scenarios/load';
import { callNames, eventNames } from '../../../src/shared/api/index';

/** The scenarios Despacho ships: all valid, the seven lessons of issue 10, each runnable by the office. */
describe('the shipped training scenarios', async () => {
  const scenarios = await loadScenarios();
  const byId = new Map(scenarios.map((scenario) => [scenario.id, scenario]));

  it('are the seven lessons: claim and review, amendment, reply, draft and send, sign one, batch with the card removed, notify and close', () => {
    expect([...byId.keys()].sort()).toEqual(
      [
        'claim-and-review',
        'request-amendment',
        'register-reply',
        'draft-and-send',
        'sign-one',
        'batch-sign-card-removed',
        'notify-and-close',
      ].sort(),
    );
  });

  it('script the practice card as the lessons say: a wrong PIN first, and a card pulled out mid-batch', () => {
    expect(byId.get('sign-one')!.card).toEqual({ refuseFirstPin: true });
    expect(byId.get('batch-sign-card-removed')!.card).toEqual({ removeAfterSignatures: 1 });
    expect(Object.keys(byId.get('batch-sign-card-removed')!.fixtures.cases)).toHaveLength(3);
  });

  it('complete every step on a domain event with a check the office runs, never on a click', () => {
    const domainEvents = new Set<string>([...callNames, ...eventNames]);
    for (const scenario of scenarios)
      for (const step of scenario.steps) {
        expect(domainEvents.has(step.completion.event)).toBe(true);
        expect(outcomeChecks[step.completion.check.id]).toBeTypeOf('function');
        for (const mistake of step.mistakes) expect(outcomeChecks[mistake.check.id]).toBeTypeOf('function');
      }
  });

  it('say everything in Spanish and in Valencian, never the same text twice', () => {
    for (const scenario of scenarios) {
      const texts = [
        scenario.title,
        scenario.description,
        ...scenario.steps.flatMap((step) => [
          step.instruction,
          step.hint.text,
          ...step.mistakes.map((m) => m.feedback),
        ]),
      ];
      for (const text of texts) expect(text.es).not.toBe(text['ca-valencia']);
    }
  });

  it('write Valencian in the AVL standard the desk uses: "cercar", "este", "eixir", not "buscar", "aquest", "sortir"', () => {
    const valencian = scenarios
      .flatMap((scenario) => [
        scenario.title,
        scenario.description,
        ...scenario.steps.flatMap((step) => [
          step.instruction,
          step.hint.text,
          ...step.mistakes.map((m) => m.feedback),
        ]),
      ])
      .map((text) => text['ca-valencia'])
      .join('\n');
    expect(valencian).not.toMatch(/\b(busque|buscar|busqueu|aquest|aquesta|sortir|surt)\b/i);
  });
});
