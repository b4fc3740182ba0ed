import { describe, expect, it } from 'vitest';
import { caseStates, queueNames, roles } from '../../../src/shared/domain/cases';
import { es } from '../../../src/shared/i18n/es';
import { translate, translateDynamic } from '../../../src/shared/i18n/index';

const eniDocumentTypes = [
  ...Array.from({ length: 20 }, (_, i) => `TD${String(i + 1).padStart(2, '0')}`),
  'TD99',
];
const eniElaborationStates = ['EE01', 'EE02', 'EE03', 'EE04', 'EE99'];

describe('renderer catalogue coverage', () => {
  it('names every case state, queue, role, ENI document type and elaboration state', () => {
    const keys = Object.keys(es);
    const expected = [
      ...caseStates.map((state) => `case.state.${state}`),
      ...queueNames.map((queue) => `queues.name.${queue}`),
      ...roles.map((role) => `role.${role}`),
      ...eniDocumentTypes.map((code) => `eni.${code}`),
      ...eniElaborationStates.map((code) => `eni.${code}`),
    ];
    expect(expected.filter((key) => !keys.includes(key))).toEqual([]);
  });

  it('says what silence would mean in the words of each language', () => {
    expect(translate('es', 'case.silence.positive')).toBe('Silencio estimatorio');
    expect(translate('es', 'case.silence.negative')).toBe('Silencio desestimatorio');
    expect(translate('ca-valencia', 'case.silence.positive')).toBe('Silenci estimatori');
    expect(translate('ca-valencia', 'case.silence.negative')).toBe('Silenci desestimatori');
  });

  it('chooses singular and plural for days left and overdue days', () => {
    expect(translate('es', 'queues.daysLeft', { count: 1 })).toBe('Queda 1 día hábil');
    expect(translate('ca-valencia', 'queues.daysLeft', { count: 3 })).toBe('Queden 3 dies hàbils');
    expect(translate('ca-valencia', 'queues.overdueBy', { count: 1 })).toBe('Vençut fa 1 dia hàbil');
    expect(translate('es', 'queues.count', { count: 100000 })).toBe('100.000 expedientes');
  });

  it('shows an unknown ENI code as the code itself', () => {
    expect(translateDynamic('es', 'eni.TD42', 'eni.unknown', { code: 'TD42' })).toBe('Código TD42');
  });
});
