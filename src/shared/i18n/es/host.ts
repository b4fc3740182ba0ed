export const host = {
  'host.serve.usage':
    'Uso: despacho serve [--training] [--data CARPETA] [--port N] [--demo-cases N] [--url-file RUTA] [--renderer CARPETA] [--open]',
  'host.serve.badArguments': 'Argumentos no válidos: {detail}',
  'host.serve.badPort': 'Puerto no válido: «{value}» (de 0 a 65535; 0 elige uno libre).',
  'host.serve.badDemoCases': 'Número de expedientes de demostración no válido: «{value}».',
  'host.serve.noRenderer':
    'No se encuentra la interfaz compilada en {path}: ejecute «npm run build:renderer». Solo se sirve la API.',
  'host.serve.opening': 'Abriendo los datos de {path}…',
  'host.serve.seeding': 'Creando la ciudad de demostración: {done} de {total} expedientes',
  'host.serve.cannotListen': 'No se puede escuchar en el puerto {port}: {detail}',
  'host.serve.cannotWriteUrlFile': 'No se puede escribir el archivo de la dirección {path}: {detail}',
  'host.serve.ready': 'Despacho está listo en: {url}',
  'host.serve.preparing':
    'Despacho se abre en: {url} (la primera vez tarda un poco: la página muestra cuánto falta). Cuando esté listo, lo dirá aquí.',
  'host.startup.title': 'Despacho se está preparando',
  'host.startup.opening': 'Abriendo los datos…',
  'host.startup.seeding': 'Creando la ciudad de demostración: {done} de {total} expedientes',
  'host.startup.progress': 'Preparación de la ciudad de demostración',
  'host.startup.once': 'Solo ocurre la primera vez. El escritorio se abrirá en cuanto termine.',
  'host.serve.stopHint': 'Solo es accesible desde este equipo. Pulse Ctrl+C para detenerlo.',
  'host.serve.stopping': 'Deteniendo Despacho…',
  'host.serve.cannotOpen': 'No se ha podido abrir el navegador: abra la dirección de arriba.',
} as const;
