/** The calendars of the applicant's community (resources/calendars/<year>/regional-*.json). */
export const regionalCalendars = {
  'deadlines.missingRegional':
    'Aviso: falta el calendario autonómico ({place}) de algún año del plazo: sus festivos de ese año no se cuentan (art. 30.6). Añádalo en resources/calendars (véase su README).',
  'calendar.region.andalucia': 'Andalucía',
  'calendar.region.aragon': 'Aragón',
  'calendar.region.asturias': 'Principado de Asturias',
  'calendar.region.baleares': 'Illes Balears',
  'calendar.region.canarias': 'Canarias',
  'calendar.region.cantabria': 'Cantabria',
  'calendar.region.castilla-la-mancha': 'Castilla-La Mancha',
  'calendar.region.castilla-y-leon': 'Castilla y León',
  'calendar.region.cataluna': 'Cataluña',
  'calendar.region.ceuta': 'Ceuta',
  'calendar.region.extremadura': 'Extremadura',
  'calendar.region.galicia': 'Galicia',
  'calendar.region.la-rioja': 'La Rioja',
  'calendar.region.madrid': 'Comunidad de Madrid',
  'calendar.region.melilla': 'Melilla',
  'calendar.region.murcia': 'Región de Murcia',
  'calendar.region.navarra': 'Comunidad Foral de Navarra',
  'calendar.region.pais-vasco': 'País Vasco',
  'calendar.region.valenciana': 'Comunitat Valenciana',
} as const;
