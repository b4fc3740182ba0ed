/** The case's own work: internal notes, reports, withdrawal (arts. 94 and 68.1), the timeline and the keyboard shortcuts. */
export const casework = {
  'casework.notes.title': 'Notas internas',
  'casework.notes.hint': 'Solo las ve el servicio: nunca se envían ni se muestran a la persona interesada.',
  'casework.notes.none': 'Todavía no hay notas.',
  'casework.notes.label': 'Nueva nota',
  'casework.notes.add': 'Añadir nota',
  'casework.notes.added': 'Nota añadida.',
  'casework.notes.empty': 'Escriba la nota antes de añadirla.',
  'casework.notes.byline': '{name} · {when}',
  'casework.notes.counter': '{count} de {max} caracteres',

  'casework.report.open': 'Añadir informe',
  'casework.report.title': 'Añadir un informe al expediente {number}',
  'casework.report.description':
    'El informe se incorpora como documento del expediente (tipo informe, TD13, elaborado por la Administración).',
  'casework.report.source': 'Origen del informe',
  'casework.report.fromTemplate': 'Redactarlo a partir de una plantilla',
  'casework.report.fromFile': 'Subir un PDF',
  'casework.report.template': 'Plantilla',
  'casework.report.locale': 'Idioma del informe',
  'casework.report.body': 'Texto del informe',
  'casework.report.documentTitle': 'Título del documento',
  'casework.report.file': 'Archivo PDF',
  'casework.report.fileHint': 'Solo archivos PDF, de hasta {max}.',
  'casework.report.add': 'Añadir informe',
  'casework.report.cancel': 'Cancelar',
  'casework.report.added': 'Informe «{title}» añadido al expediente.',
  'casework.report.document.signOff': '{name}, {position}. {date}.',

  'casework.file.tooLarge':
    'El archivo «{name}» ocupa {size} y el máximo es {max}. Redúzcalo (por ejemplo, imprimiéndolo de nuevo como PDF) o divídalo, y vuelva a elegirlo. No se ha enviado nada.',
  'casework.file.notPdf':
    'El archivo «{name}» no es un PDF. Elija un PDF (no una imagen ni un documento de texto). No se ha enviado nada.',
  'casework.file.unreadable': 'No se ha podido leer el archivo «{name}». Vuelva a elegirlo.',

  'casework.conflict':
    'Otro puesto ha cambiado este expediente mientras usted trabajaba. La página ya muestra los datos actuales: revíselos y vuelva a intentarlo. Lo que había escrito sigue en el formulario; no se ha guardado nada dos veces.',

  'casework.withdrawal.title': 'Desistimiento',
  'casework.withdrawal.none': 'No consta ningún desistimiento.',
  'casework.withdrawal.applicant':
    'La persona interesada desistió (art. 94), por escrito presentado el {date}.',
  'casework.withdrawal.applicantRegistry': 'Asiento de registro: {number}.',
  'casework.withdrawal.applicantDocument': 'Su escrito está entre los documentos del expediente.',
  'casework.withdrawal.deemed':
    'Se tiene por desistida la solicitud (art. 68.1): el requerimiento de subsanación se notificó el {notified} y el plazo terminó el {ended} sin respuesta.',
  'casework.withdrawal.recorded': 'Registrado por {name} el {when}.',
  'casework.withdrawal.next':
    'Siguiente paso: redacte la resolución que lo declara (en «Resolución», ya sale de su plantilla) y envíela a firma.',
  'casework.withdrawal.register': 'Registrar desistimiento',
  'casework.withdrawal.registerTitle': 'Registrar el desistimiento del expediente {number} (art. 94)',
  'casework.withdrawal.registerDescription':
    'La persona interesada desiste de su solicitud. Indique cómo lo hizo: por un asiento de registro o con su escrito en PDF. Después se redactará la resolución que acepta el desistimiento, para la firma de la jefatura.',
  'casework.withdrawal.evidence': 'Cómo lo presentó',
  'casework.withdrawal.byRegistry': 'Asiento de registro de entrada',
  'casework.withdrawal.byFile': 'Escrito en PDF',
  'casework.withdrawal.registryNumber': 'Número del asiento',
  'casework.withdrawal.filedOn': 'Fecha de presentación',
  'casework.withdrawal.confirm': 'Registrar desistimiento',
  'casework.withdrawal.registered': 'Desistimiento registrado. Redacte ahora la resolución que lo declara.',
  'casework.withdrawal.documentTitle': 'Escrito de desistimiento',
  'casework.withdrawal.writtenRequest': 'escrito incorporado al expediente',
  'casework.withdrawal.deem': 'Tener por desistida',
  'casework.withdrawal.deemTitle': 'Tener por desistida la solicitud del expediente {number} (art. 68.1)',
  'casework.withdrawal.deemDescription':
    'El requerimiento de subsanación no se ha atendido. El plazo de 10 días hábiles empieza el día siguiente al de su notificación; si ya terminó, se redactará la resolución que tiene por desistida la solicitud.',
  'casework.withdrawal.notifiedOn': 'Fecha de notificación del requerimiento',
  'casework.withdrawal.notifiedOnHint':
    'Si el requerimiento se hizo en Despacho, déjela en blanco: se toman su fecha y su plazo (con la ampliación, si la hubo).',
  'casework.withdrawal.deemConfirm': 'Tener por desistida',
  'casework.withdrawal.deemed.done':
    'Consta el desistimiento por falta de subsanación. Redacte ahora la resolución que lo declara.',
  'casework.cancel': 'Cancelar',

  'casework.timeline.title': 'Cronología',
  'casework.timeline.filter': 'Mostrar',
  'casework.timeline.kind.all': 'Todo',
  'casework.timeline.kind.state': 'Cambios de estado',
  'casework.timeline.kind.assignment': 'Asignaciones',
  'casework.timeline.kind.documents': 'Documentos e informes',
  'casework.timeline.kind.notes': 'Notas',
  'casework.timeline.kind.signatures': 'Firmas',
  'casework.timeline.kind.other': 'Otros',
  'casework.timeline.search': 'Buscar en la cronología',
  'casework.timeline.count': '{shown} de {total} anotaciones',
  'casework.timeline.none': 'Ninguna anotación coincide con el filtro.',
  'casework.timeline.hint': 'Use las flechas, Inicio y Fin para recorrer la lista.',
  'casework.timeline.details': 'Detalles',

  'casework.shortcuts.title': 'Atajos de teclado',
  'casework.shortcuts.open': 'Atajos de teclado',
  'casework.shortcuts.description':
    'Funcionan en la página del expediente, fuera de los campos de texto (mientras escribe, las teclas escriben).',
  'casework.shortcuts.key': 'Tecla',
  'casework.shortcuts.action': 'Acción',
  'casework.shortcuts.help': 'Mostrar esta ayuda',
  'casework.shortcuts.claim': 'Asignarme el expediente',
  'casework.shortcuts.document': 'Ir a los documentos (para abrir uno)',
  'casework.shortcuts.note': 'Escribir una nota interna',
  'casework.shortcuts.report': 'Añadir un informe',
  'casework.shortcuts.timeline': 'Ir a la cronología',
  'casework.shortcuts.back': 'Volver a la lista',
  'casework.shortcuts.close': 'Cerrar',

  'history.action.casework.note_added': 'Añade una nota interna',
  'history.action.casework.report_added': 'Añade el informe «{title}»',
  'history.action.casework.withdrawal_registered':
    'Registra el desistimiento presentado el {filedOn} (art. 94)',
  'history.action.casework.deemed_withdrawn':
    'Tiene por desistida la solicitud: plazo de subsanación notificado el {notifiedOn}, terminado el {termEndedOn} (art. 68.1)',

  'errors.invalid_input.not_pdf': 'El archivo no es un PDF válido. Elija un PDF y vuelva a intentarlo.',
  'errors.invalid_input.pdf_encrypted':
    'El PDF está cifrado o protegido con contraseña, y el expediente no puede conservarlo así. Súbalo sin protección.',
  'errors.invalid_input.too_large': 'El archivo supera el tamaño máximo ({max} bytes).',
  'errors.invalid_input.notification_date_needed':
    'No consta en Despacho el requerimiento de subsanación de este expediente: indique el día en que se notificó.',
  'errors.invalid_transition.case_closed': 'El expediente ya está cerrado: no admite este cambio.',
  'errors.invalid_transition.already_withdrawn':
    'Ya consta un desistimiento en este expediente; no se registra dos veces.',
  'errors.invalid_transition.not_awaiting_amendment':
    'Art. 68.1: solo se tiene por desistida la solicitud de un expediente que espera la subsanación.',
  'errors.invalid_transition.amendment_term_running':
    'Art. 68.1: el plazo de subsanación termina el {termEndsOn}. Hasta que acabe ese día no se puede tener por desistida la solicitud.',
} as const;
