/** The calendars of the applicant's community (resources/calendars/<year>/regional-*.json). */
export const regionalCalendars = {
  'deadlines.missingRegional':
    'Aviso: falta el calendario autonómico ({place}) de algún año del plazo: sus festivos de ese año no se cuentan (art. 30.6). Añádalo en resources/calendars (véase su README).',
} as const;
