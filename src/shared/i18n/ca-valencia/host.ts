import type { host as es } from '../es/host';

export const host: Record<keyof typeof es, string> = {
  'host.serve.usage':
    'Ús: despacho serve [--training] [--data CARPETA] [--port N] [--demo-cases N] [--url-file RUTA] [--renderer CARPETA] [--open]',
  'host.serve.badArguments': 'Arguments no vàlids: {detail}',
  'host.serve.badPort': 'Port no vàlid: «{value}» (de 0 a 65535; 0 en tria un de lliure).',
  'host.serve.badDemoCases': 'Nombre d’expedients de demostració no vàlid: «{value}».',
  'host.serve.noRenderer':
    'No es troba la interfície compilada en {path}: executeu «npm run build:renderer». Només se servix l’API.',
  'host.serve.opening': 'S’estan obrint les dades de {path}…',
  'host.serve.seeding': 'S’està creant la ciutat de demostració: {done} de {total} expedients',
  'host.serve.cannotListen': 'No es pot escoltar en el port {port}: {detail}',
  'host.serve.cannotWriteUrlFile': 'No es pot escriure el fitxer de l’adreça {path}: {detail}',
  'host.serve.ready': 'Despacho està preparat en: {url}',
  'host.serve.preparing':
    'Despacho s’obri en: {url} (la primera vegada tarda un poc: la pàgina mostra quant falta). Quan estiga preparat, ho dirà ací.',
  'host.startup.title': 'Despacho s’està preparant',
  'host.startup.opening': 'S’estan obrint les dades…',
  'host.startup.seeding': 'S’està creant la ciutat de demostració: {done} de {total} expedients',
  'host.startup.progress': 'Preparació de la ciutat de demostració',
  'host.startup.once': 'Només passa la primera vegada. L’escriptori s’obrirà tan prompte com acabe.',
  'host.serve.stopHint': 'Només és accessible des d’este equip. Premeu Ctrl+C per a aturar-lo.',
  'host.serve.stopping': 'S’està aturant Despacho…',
  'host.serve.cannotOpen': 'No s’ha pogut obrir el navegador: obriu l’adreça de dalt.',
};
