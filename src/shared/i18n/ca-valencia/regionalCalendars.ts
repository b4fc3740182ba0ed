/** The calendars of the applicant's community (resources/calendars/<year>/regional-*.json). */
export const regionalCalendars = {
  'deadlines.missingRegional':
    'Avís: falta el calendari autonòmic ({place}) d’algun any del termini: els seus festius d’eixe any no es compten (art. 30.6). Afegiu-lo a resources/calendars (vegeu-ne el README).',
  'calendar.region.andalucia': 'Andalusia',
  'calendar.region.aragon': 'Aragó',
  'calendar.region.asturias': 'Principat d’Astúries',
  'calendar.region.baleares': 'Illes Balears',
  'calendar.region.canarias': 'Canàries',
  'calendar.region.cantabria': 'Cantàbria',
  'calendar.region.castilla-la-mancha': 'Castella-la Manxa',
  'calendar.region.castilla-y-leon': 'Castella i Lleó',
  'calendar.region.cataluna': 'Catalunya',
  'calendar.region.ceuta': 'Ceuta',
  'calendar.region.extremadura': 'Extremadura',
  'calendar.region.galicia': 'Galícia',
  'calendar.region.la-rioja': 'La Rioja',
  'calendar.region.madrid': 'Comunitat de Madrid',
  'calendar.region.melilla': 'Melilla',
  'calendar.region.murcia': 'Regió de Múrcia',
  'calendar.region.navarra': 'Comunitat Foral de Navarra',
  'calendar.region.pais-vasco': 'País Basc',
  'calendar.region.valenciana': 'Comunitat Valenciana',
} as const;
