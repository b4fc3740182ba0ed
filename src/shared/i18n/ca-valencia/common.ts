import type { common as es } from '../es/common';

export const common: Record<keyof typeof es, string> = {
  'app.name': 'Despacho',
  'app.tagline': 'Ajuntament d’Elx · Administració electrònica',
  'app.demoBadge': 'Demostració: dades fictícies',
  'app.skipToContent': 'Anar al contingut principal',
  'app.loading': 'S’està carregant…',
  'app.signedInAs': 'Sessió iniciada: {name}',
  'app.signOut': 'Tancar la sessió',
  'app.languageLabel': 'Llengua de l’aplicació',
  'app.noToken':
    'Esta pestanya no té la clau d’accés. Obriu Despacho amb l’enllaç complet que mostra «despacho serve».',
  'app.connectionLost': 'Sense connexió amb el servidor local. S’està tornant a intentar…',
  'locale.es': 'Castellano',
  'locale.ca-valencia': 'Valencià',
  'toasts.region': 'Avisos',
  'toasts.dismiss': 'Tancar l’avís',
  'role.processor': 'Tramitador/a',
  'role.head': 'Cap de servei',
  'role.trainer': 'Formador/a',
  'role.admin': 'Administració del sistema',
  'signIn.title': 'Accés de demostració',
  'signIn.explanation':
    'Açò és una demostració amb dades fictícies: trieu la persona de l’Ajuntament amb què voleu treballar. No es demana contrasenya ni certificat.',
  'signIn.search': 'Cercar per nom, servei o lloc',
  'signIn.seat': 'Treballa com a {name}',
  'signIn.listLabel': 'Persones de la demostració per servei',
  'signIn.keyboardHint': 'Fletxes per a triar, Intro per a entrar.',
  'signIn.matches': '{count} persones',
  'signIn.matches.one': '{count} persona',
  'signIn.matches.other': '{count} persones',
  'signIn.noMatches': 'Ningú no coincidix amb «{text}».',
  'workspace.noCaseWork.title': 'La tramitació d’expedients no forma part del vostre perfil',
  'workspace.noCaseWork.otherRoles':
    'El vostre perfil ({roles}) no inclou consultar ni tramitar expedients. Si ho necessiteu, demaneu a l’administració del sistema el perfil de tramitació.',
  'workspace.admin.explanation':
    'Com a administració del sistema, vos ocupeu de la instal·lació, no dels expedients: els tramiten les persones tramitadores de cada servei i els revisa la seua prefectura.',
  'workspace.admin.commandsIntro':
    'La vostra faena es fa amb l’orde «despacho», en l’equip on es guarden les dades:',
  'workspace.admin.migrate': 'aplica a la base de dades les actualitzacions pendents.',
  'workspace.admin.verifyAudit': 'comprova que el registre d’auditoria està complet i sense alterar.',
  'workspace.admin.where':
    'Les dos admeten «--data CARPETA» per a indicar la carpeta de dades. Tanqueu abans Despacho: una carpeta de dades només la fa servir un procés alhora.',
};
