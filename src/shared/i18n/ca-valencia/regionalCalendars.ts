/** The calendars of the applicant's community (resources/calendars/<year>/regional-*.json). */
export const regionalCalendars = {
  'deadlines.missingRegional':
    'Avís: falta el calendari autonòmic ({place}) d’algun any del termini: els seus festius d’eixe any no es compten (art. 30.6). Afegiu-lo a resources/calendars (vegeu-ne el README).',
} as const;
