export const common = {
  'app.name': 'Despacho',
  'locale.es': 'Castellano',
  'locale.ca-valencia': 'Valencià',
} as const;
