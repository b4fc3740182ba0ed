/** Amendment requests (art. 68), the suspension of the term (art. 22.1.a) and "explain this date". */
export const amendments = {
  'amendments.title': 'Subsanación (art. 68)',
  'amendments.none': 'No se ha requerido subsanación en este expediente.',
  'amendments.request': 'Requerir subsanación',
  'amendments.request.title': 'Requerir subsanación',
  'amendments.request.missing': 'Qué debe subsanar o aportar el interesado',
  'amendments.request.missingHint':
    'Un documento o requisito por línea. El texto se incluye en el requerimiento.',
  'amendments.request.preview': 'Vista previa del requerimiento',
  'amendments.request.previewEmpty': 'Escriba qué falta para ver el texto del requerimiento.',
  'amendments.request.endsOn':
    'Plazo de 10 días hábiles desde el día siguiente a la notificación: si se notificara hoy, hasta el {date}.',
  'amendments.request.notifiedNote':
    'Al emitirlo, el requerimiento se notifica al interesado por su canal (electrónico o en papel). El plazo de 10 días y la suspensión del plazo para resolver (art. 22.1.a) empiezan con la notificación.',
  'amendments.request.submit': 'Emitir el requerimiento',
  'amendments.request.signer.legend': 'Firma',
  'amendments.request.signer.seal': 'Con el sello del órgano',
  'amendments.request.signer.card': 'Con mi tarjeta',
  'amendments.request.card.title': 'Firmar el requerimiento con su tarjeta',
  'amendments.request.card.description':
    'Elija el certificado de su tarjeta con el que firma el requerimiento; después se le pedirá el PIN. Al firmarlo se emite y se notifica.',
  'amendments.request.card.sign': 'Firmar y emitir',
  'amendments.request.card.signing': 'Firmando…',
  'amendments.request.card.failed': 'No se ha emitido el requerimiento: {reason}',
  'amendments.requested':
    'Requerimiento emitido y notificado al interesado: el plazo de 10 días empezará a contar al día siguiente de la notificación.',
  'amendments.cancel': 'Cancelar',
  'amendments.item.heading': 'Requerimiento del {date}',
  'amendments.item.missing': 'Qué falta',
  'amendments.item.term': 'Plazo: {days} días hábiles, hasta el {date}',
  'amendments.item.extension': 'Ampliado {days} días hábiles a petición del interesado (art. 68.2)',
  'amendments.item.suspension.running': 'Plazo para resolver suspendido desde el {from} (art. 22.1.a)',
  'amendments.item.suspension.ended':
    'Plazo para resolver suspendido del {from} al {to}: {days} días naturales (art. 22.1.a)',
  'amendments.item.reply': 'Respuesta presentada el {at}; cuenta como presentada el {deemed} (art. 31.2.b).',
  'amendments.item.replyLate':
    'Fuera de plazo: cuenta como presentada el {deemed}, después del último día, el {endsOn} (art. 31.2.b).',
  'amendments.item.replyDocuments': '{count} documentos aportados',
  'amendments.item.replyDocuments.one': '1 documento aportado',
  'amendments.state.pending': 'Pendiente de respuesta',
  'amendments.state.replied': 'Respondido',
  'amendments.state.pending_notification': 'Pendiente de notificación',
  'amendments.item.pendingNotification':
    'Pendiente de notificación. El plazo de 10 días empezará a contar al día siguiente de la notificación; hasta entonces el plazo para resolver sigue corriendo (art. 68.1 y 22.1.a).',
  'amendments.item.notification': 'Notificación del requerimiento: {state} ({channel}).',
  'amendments.item.notifiedOn':
    'Notificado el {date}: los 10 días cuentan desde el día siguiente (art. 30.4).',
  'amendments.item.noSuspension':
    'Respondido antes de que la notificación se practicara: el plazo para resolver no llegó a suspenderse.',
  'errors.invalid_transition.amendment_not_notified':
    'El requerimiento aún no se ha notificado: su plazo empieza al día siguiente de la notificación (art. 68.1).',
  'history.action.amendment.notified':
    'Notificación del requerimiento practicada el {notifiedOn}: plazo de subsanación hasta el {endsOn}',
  'dueDate.pendingNotification':
    'Hay un requerimiento de subsanación pendiente de notificación: el plazo para resolver sigue corriendo hasta que se notifique (art. 22.1.a).',
  'amendments.notification.label': 'Notificación del requerimiento de subsanación',
  'amendments.extend': 'Ampliar el plazo',
  'amendments.extend.title': 'Ampliar el plazo de subsanación (art. 68.2)',
  'amendments.extend.days': 'Días hábiles de ampliación (quedan {left} de {max})',
  'amendments.extend.submit': 'Ampliar',
  'amendments.extended': 'Plazo de subsanación ampliado.',
  'amendments.reply': 'Registrar la respuesta',
  'amendments.reply.title': 'Registrar la respuesta del interesado',
  'amendments.reply.receivedAt': 'Fecha y hora de entrada en el registro',
  'amendments.reply.files': 'Documentos de la respuesta (PDF, hasta {max} KB cada uno)',
  'amendments.reply.noFiles': 'Adjunte al menos un documento PDF.',
  'amendments.reply.submit': 'Registrar',
  'amendments.replied': 'Respuesta registrada: el plazo para resolver vuelve a correr.',
  'amendments.repliedLate':
    'Respuesta registrada fuera de plazo (art. 31.2.b): el plazo para resolver vuelve a correr.',
  'dueDate.explain': 'Explicar esta fecha',
  'dueDate.title': 'Cómo se calcula el vencimiento',
  'dueDate.suspended': 'Suspendido',
  'dueDate.running':
    'El plazo para resolver está suspendido desde el {from}, día en que se notificó el requerimiento (art. 22.1.a: «desde la notificación del requerimiento»): el reloj está parado. Mientras dure, el vencimiento supone que la suspensión llega al final del plazo concedido, el {until}; al registrar la respuesta se recalcula.',
  'deadlines.recompute.usage':
    'Uso: despacho deadlines recompute [--data CARPETA] [--calendars CARPETA]\n' +
    '  Vuelve a calcular el vencimiento de cada expediente abierto desde su entrada en el registro, su plazo,\n' +
    '  sus suspensiones y los calendarios (tras cambiar un fichero de calendario); cada cambio queda en la auditoría.',
  'deadlines.recompute.changed': 'Expediente {caseId}: el vencimiento pasa del {from} al {to}.',
  'deadlines.recompute.done': '{checked} expedientes abiertos revisados; {count} vencimientos cambiados.',
  'deadlines.recompute.failed':
    'Aviso: {count} expedientes conservan su vencimiento porque falta el calendario de algún año que necesitan.',
  'errors.conflict':
    'Otra persona ha cambiado el expediente mientras lo tenía abierto. Se muestran los datos actuales: revíselos y repita la acción.',
  'errors.forbidden.not_holder': 'Solo quien tiene asignado el expediente puede hacer esto.',
  'errors.invalid_input.attachment_not_pdf':
    'El documento {file} no es un PDF válido: adjunte solo ficheros PDF.',
  'errors.invalid_input.attachment_size': 'El documento {file} está vacío o supera {max} KB.',
  'errors.invalid_input.attachments_total': 'Los documentos juntos superan {max} KB.',
  'errors.invalid_input.future': 'La fecha de entrada no puede ser posterior al momento actual.',
  'errors.invalid_input.before_request': 'La respuesta no puede ser anterior al requerimiento.',
  'errors.invalid_transition.already_replied': 'La respuesta a este requerimiento ya está registrada.',
  'errors.invalid_transition.not_amendable':
    'En el estado actual del expediente no se puede requerir subsanación.',
  'errors.invalid_transition.term_ended':
    'El plazo para resolver ya ha vencido: un requerimiento ya no lo suspende (art. 22.1.a).',
  'errors.invalid_transition.extension_not_allowed':
    'Este procedimiento no admite ampliar el plazo de subsanación (art. 68.2).',
  'errors.invalid_transition.extension_too_long':
    'La ampliación no puede superar {max} días hábiles en total (art. 68.2).',
  'errors.invalid_transition.amendment_term_ended':
    'El plazo de subsanación ya ha terminado: no se puede ampliar.',
  'history.action.amendment.requested': 'Requiere subsanación y notifica el requerimiento al interesado',
  'history.action.amendment.extended': 'Amplía el plazo de subsanación hasta el {to}',
  'history.action.amendment.replied': 'Registra la respuesta al requerimiento de subsanación',
  'history.action.amendment.replied_late':
    'Registra una respuesta fuera de plazo al requerimiento de subsanación',
  'history.action.case.due_date_recomputed': 'El vencimiento pasa del {from} al {to}',
} as const;
