import { describe, expect, it } from 'vitest';
import {
  deemedReadingSchema,
  notificationEventKindSchema,
  notificationStateSchema,
  paperOutcomeSchema,
} from '../../../../src/shared/api/notifications';
import { errorCodes } from '../../../../src/shared/api/errors';
import { isMessageKey, translate } from '../../../../src/shared/i18n/index';

describe('the notifications catalogue', () => {
  it('names every state, event, paper outcome, art. 43.2 reading and notification error, in both languages', () => {
    const keys = [
      ...notificationStateSchema.options.map((state) => `notifications.state.${state}`),
      ...notificationEventKindSchema.options.map((kind) => `notifications.event.${kind}`),
      ...paperOutcomeSchema.options.map((outcome) => `notifications.outcome.${outcome}`),
      ...deemedReadingSchema.options.map((reading) => `notifications.reading.${reading}`),
      ...errorCodes.filter((code) => code.startsWith('notification_')).map((code) => `errors.${code}`),
    ];
    expect(keys.filter((key) => !isMessageKey(key))).toEqual([]);
  });

  it('counts what the sweep deemed rejected in the words of each language', () => {
    const now = '2026-03-12T23:00:00.000Z';
    expect(translate('es', 'notifications.cli.swept', { count: 1, now })).toBe(
      'Barrido de notificaciones a 2026-03-12T23:00:00.000Z: 1 rechazada por transcurso de diez días (art. 43.2).',
    );
    expect(translate('ca-valencia', 'notifications.cli.swept', { count: 20000, now })).toBe(
      'Escombratge de notificacions a 2026-03-12T23:00:00.000Z: 20.000 rebutjades per transcurs de deu dies (art. 43.2).',
    );
  });
});
