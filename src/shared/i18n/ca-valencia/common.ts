import type { common as es } from '../es/common';

export const common: Record<keyof typeof es, string> = {
  'app.name': 'Despacho',
  'app.tagline': 'Ajuntament d’Elx · Administració electrònica',
  'app.demoBadge': 'Demostració: dades fictícies',
  'app.skipToContent': 'Aneu al contingut principal',
  'app.loading': 'S’està carregant…',
  'app.signedInAs': 'Sessió iniciada: {name}',
  'app.signOut': 'Tanqueu la sessió',
  'app.languageLabel': 'Llengua de l’aplicació',
  'app.noToken':
    'Esta pestanya no té la clau d’accés. Obriu Despacho amb l’enllaç complet que mostra «despacho serve».',
  'app.connectionLost': 'S’ha perdut la connexió amb Despacho. S’està tornant a intentar…',
  'locale.es': 'Castellano',
  'locale.ca-valencia': 'Valencià',
  'toasts.region': 'Avisos',
  'toasts.dismiss': 'Tanqueu l’avís',
  'role.processor': 'Tramitador/a',
  'role.head': 'Cap de servei',
  'role.trainer': 'Formador/a',
  'role.admin': 'Administració del sistema',
  'signIn.title': 'Accés de demostració',
  'signIn.explanation':
    'Açò és una demostració amb dades fictícies: trieu la persona de l’Ajuntament amb què voleu treballar. No es demana contrasenya ni certificat.',
  'signIn.search': 'Cerqueu per nom, servei o lloc',
  'signIn.listLabel': 'Persones de la demostració per servei',
  'signIn.keyboardHint': 'Fletxes per a triar, Intro per a entrar.',
  'signIn.matches': '{count} persones',
  'signIn.matches.one': '{count} persona',
  'signIn.matches.other': '{count} persones',
  'signIn.noMatches': 'Ningú no coincidix amb «{text}».',
};
