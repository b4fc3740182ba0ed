import type { cli as es } from '../es/cli';

export const cli: Record<keyof typeof es, string> = {
  'cli.usage': 'Ús: despacho <orde> [opcions]\nOrdes: {commands}',
  'cli.unknownCommand': 'Orde desconeguda: «{name}». Ordes: {commands}',
  'cli.unexpected': 'Error inesperat: {message}',
};
