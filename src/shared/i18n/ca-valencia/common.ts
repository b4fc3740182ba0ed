import type { common as es } from '../es/common';

export const common: Record<keyof typeof es, string> = {
  'app.name': 'Despacho',
  'locale.es': 'Castellano',
  'locale.ca-valencia': 'Valencià',
};
