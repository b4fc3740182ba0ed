import { describe, expect, it } from 'vitest';
import { historyParams } from '../../../src/renderer/features/review/eni';
import { translate, translateDynamic } from '../../../src/shared/i18n/index';

const entry = (action: string, details: Record<string, string | number | boolean | null>) => ({
  seq: 1,
  at: '2026-11-02T09:00:00.000Z',
  actorName: null,
  action,
  details,
});

describe('history sentences', () => {
  it('names a new state in the reader language and keeps other details as they are', () => {
    const stateName = (state: string) => `<${state}>`;
    expect(
      historyParams(entry('case.state_changed', { to: 'in_progress', version: 3, next: true }), stateName),
    ).toEqual({ action: 'case.state_changed', to: '<in_progress>', version: 3 });
  });

  it('reads the seeded and claim actions in both languages, and any other action by its code', () => {
    const sentence = (locale: 'es' | 'ca-valencia', action: string, details: Record<string, string>) =>
      translateDynamic(
        locale,
        `history.action.${action}`,
        'history.action.other',
        historyParams(entry(action, details), (state) => translate(locale, `case.state.${state}`)),
      );
    expect(sentence('es', 'case.registered', { registryEntry: 'RE-2026-1' })).toBe(
      'Expediente abierto por el asiento de registro RE-2026-1',
    );
    expect(sentence('ca-valencia', 'case.state_changed', { to: 'awaiting_amendment' })).toBe(
      'Passa a «Pendent d’esmena»',
    );
    expect(sentence('es', 'case.claimed', {})).toBe('Se asigna el expediente');
    expect(sentence('es', 'case.teleported', {})).toBe('Cambio registrado (case.teleported)');
  });
});
