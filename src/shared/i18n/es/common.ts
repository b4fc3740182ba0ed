export const common = {
  'app.name': 'Despacho',
  'app.tagline': 'Ayuntamiento de Elche · Administración electrónica',
  'app.demoBadge': 'Demostración: datos ficticios',
  'app.skipToContent': 'Saltar al contenido principal',
  'app.loading': 'Cargando…',
  'app.signedInAs': 'Sesión iniciada: {name}',
  'app.signOut': 'Cerrar sesión',
  'app.languageLabel': 'Idioma de la aplicación',
  'app.noToken':
    'Esta pestaña no tiene la clave de acceso. Abra Despacho con el enlace completo que muestra «despacho serve».',
  'app.connectionLost': 'Sin conexión con el servidor local. Reintentando…',
  'locale.es': 'Castellano',
  'locale.ca-valencia': 'Valencià',
  'toasts.region': 'Avisos',
  'toasts.dismiss': 'Cerrar el aviso',
  'role.processor': 'Tramitador/a',
  'role.head': 'Jefe/a de servicio',
  'role.trainer': 'Formador/a',
  'role.admin': 'Administración del sistema',
  'signIn.title': 'Acceso de demostración',
  'signIn.explanation':
    'Esto es una demostración con datos ficticios: elija la persona del Ayuntamiento con la que quiere trabajar. No se pide contraseña ni certificado.',
  'signIn.search': 'Buscar por nombre, servicio o puesto',
  'signIn.seat': 'Trabaja como {name}',
  'signIn.listLabel': 'Personas de la demostración por servicio',
  'signIn.keyboardHint': 'Flechas para elegir, Intro para entrar.',
  'signIn.matches': '{count} personas',
  'signIn.matches.one': '{count} persona',
  'signIn.matches.other': '{count} personas',
  'signIn.noMatches': 'Nadie coincide con «{text}».',
  'workspace.noCaseWork.title': 'La tramitación de expedientes no forma parte de su perfil',
  'workspace.noCaseWork.otherRoles':
    'Su perfil ({roles}) no incluye consultar ni tramitar expedientes. Si lo necesita, pida a la administración del sistema el perfil de tramitación.',
  'workspace.admin.explanation':
    'Como administración del sistema, usted cuida de la instalación, no de los expedientes: los tramitan las personas tramitadoras de cada servicio y los revisa su jefatura.',
  'workspace.admin.commandsIntro':
    'Su trabajo se hace con la orden «despacho», en el equipo donde se guardan los datos:',
  'workspace.admin.migrate': 'aplica a la base de datos las actualizaciones pendientes.',
  'workspace.admin.verifyAudit': 'comprueba que el registro de auditoría está completo y sin alterar.',
  'workspace.admin.where':
    'Las dos admiten «--data CARPETA» para indicar la carpeta de datos. Cierre antes Despacho: una carpeta de datos solo la usa un proceso a la vez.',
} as const;
