export const cli = {
  'cli.usage': 'Uso: despacho <orden> [opciones]\nÓrdenes: {commands}',
  'cli.unknownCommand': 'Orden desconocida: «{name}». Órdenes: {commands}',
  'cli.unexpected': 'Error inesperado: {message}',
} as const;
