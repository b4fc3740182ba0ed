/** Notifications of resolutions (arts. 40–46 Ley 39/2015): the case page, the notice PDF, the sweep command. */
export const notifications = {
  'notifications.title': 'Notificación',
  'notifications.none': 'La resolución todavía no se ha notificado.',
  'notifications.notify': 'Notificar la resolución',
  'notifications.notifying': 'Notificando…',
  'notifications.notify.electronic':
    'Se pondrá a disposición del interesado en la sede electrónica (notificación electrónica).',
  'notifications.notify.paper':
    'El interesado eligió el papel: se generará el aviso imprimible para entregarlo en su domicilio.',
  'notifications.notified': 'Resolución notificada.',
  'notifications.archive': 'Archivar el expediente',
  'notifications.archived': 'Expediente archivado.',
  'notifications.document': 'Documento notificado: {title}',
  'notifications.noticeDocument': 'Aviso de notificación en papel (documento {id} del expediente)',
  'notifications.channel.electronic': 'Electrónica',
  'notifications.channel.paper': 'Papel',
  'notifications.channelLabel': 'Canal: {channel}',
  'notifications.state.available': 'Puesta a disposición',
  'notifications.state.accessed': 'Accedida',
  'notifications.state.rejected': 'Rechazada',
  'notifications.state.deemed_rejected': 'Rechazada por transcurso del plazo',
  'notifications.state.paper_pending': 'Pendiente de entrega',
  'notifications.state.delivered': 'Entregada',
  'notifications.state.failed': 'Intentos fallidos',
  'notifications.state.published': 'Publicada en el BOE',
  'notifications.stateLabel': 'Estado: {state}',
  'notifications.effective': 'Practicada el {at}.',
  'notifications.rejectsAt': 'Si no accede, se entenderá rechazada el {at} (art. 43.2).',
  'notifications.reading.title': 'Los diez días naturales del art. 43.2',
  'notifications.reading.both':
    'Los diez días cuentan desde el día siguiente a la puesta a disposición y el interesado puede acceder durante todo el décimo día. Los tribunales han fechado el rechazo de dos maneras: el mismo décimo día, o a partir del undécimo, cuando los diez días han transcurrido enteros.',
  'notifications.reading.day_10': 'Esta aplicación fecha el rechazo el décimo día, a su último instante.',
  'notifications.reading.from_day_11':
    'Esta aplicación fecha el rechazo a partir del undécimo día (a las 0:00, hora de Madrid): puesta a disposición el lunes 2 de marzo de 2026 a las 10:00, se entiende rechazada el viernes 13 de marzo a las 0:00.',
  'notifications.events.title': 'Historial de la notificación',
  'notifications.event.made_available': 'Puesta a disposición en la sede',
  'notifications.event.accessed': 'El interesado accedió al contenido',
  'notifications.event.rejected': 'El interesado rechazó la notificación',
  'notifications.event.deemed_rejected': 'Rechazada por no acceder en diez días naturales',
  'notifications.event.notice_printed': 'Aviso en papel generado',
  'notifications.event.attempt': 'Intento de entrega: {outcome}',
  'notifications.event.boe_published': 'Anuncio publicado en el BOE',
  'notifications.event.by': 'anotado por {name}',
  'notifications.event.bySweep': 'anotado automáticamente',
  'history.action.notification.made_available':
    'Pone la resolución a disposición del interesado en la sede electrónica',
  'history.action.notification.notice_printed': 'Genera el aviso de notificación en papel',
  'history.action.notification.attempt': 'Anota el intento de entrega n.º {attempt}',
  'history.action.notification.effective': 'La notificación queda practicada',
  'notifications.outcome.delivered': 'entregada',
  'notifications.outcome.absent': 'ausente',
  'notifications.outcome.unknown_address': 'dirección desconocida',
  'notifications.outcome.refused': 'rehusada',
  'notifications.access.title': 'Anotar lo que comunica la sede',
  'notifications.access.outcome': 'Qué ocurrió',
  'notifications.access.accessed': 'Accedió',
  'notifications.access.rejected': 'Rechazó',
  'notifications.access.at': 'Fecha y hora',
  'notifications.access.eventId': 'Identificador del evento en la sede',
  'notifications.access.submit': 'Anotar el evento',
  'notifications.attempt.title': 'Anotar un intento de entrega (art. 42.2)',
  'notifications.attempt.rule':
    'Si nadie recoge la notificación, se repite una sola vez dentro de los tres días siguientes, en la otra franja (antes o después de las 15:00) y con al menos tres horas de diferencia.',
  'notifications.attempt.at': 'Fecha y hora del intento',
  'notifications.attempt.outcome': 'Resultado',
  'notifications.attempt.submit': 'Anotar el intento',
  'notifications.boe.title': 'Anotar la publicación en el BOE (art. 44)',
  'notifications.boe.publishedOn': 'Fecha de publicación',
  'notifications.boe.reference': 'Referencia (BOE-B-2026-12345)',
  'notifications.boe.submit': 'Anotar la publicación',
  'notifications.boe.published': 'Publicado el {date}, {reference}.',
  'notifications.saved': 'Anotado.',
  'notifications.notice.title': 'Aviso de notificación',
  'notifications.notice.to': 'Destinatario: {name}',
  'notifications.notice.case': 'Expediente {number}: {procedure}.',
  'notifications.notice.body':
    'Se le notifica la resolución adjunta ({document}), con su texto íntegro, los recursos que proceden, el órgano ante el que presentarlos y el plazo (art. 40.2 de la Ley 39/2015).',
  'notifications.notice.effects':
    'Si rehúsa la notificación, se tendrá por efectuada y el procedimiento seguirá (art. 41.5). Si no puede entregarse tras dos intentos, se publicará un anuncio en el Boletín Oficial del Estado (art. 44).',
  'notifications.notice.attempt': 'Intento {attempt}',
  'notifications.notice.attemptBoxes':
    'Día: ______  Hora: ______  Resultado: entregada / ausente / desconocido / rehusada  Firma del empleado: ____________',
  'notifications.notice.receipt': 'Recibí',
  'notifications.notice.receiptBoxes':
    'Nombre: ____________________  DNI: ____________  Relación con el interesado: ____________  Firma: ____________',
  'notifications.notice.documentTitle': 'Aviso de notificación en papel',
  'notifications.cli.usage': 'Uso: despacho notifications sweep [--data CARPETA] [--now INSTANTE]',
  'notifications.cli.badNow':
    'Instante no válido: «{value}». Escriba una fecha y hora ISO con su zona, por ejemplo 2026-03-13T00:00:00+01:00.',
  'notifications.cli.swept':
    'Barrido de notificaciones a {now}: {count} rechazadas por transcurso de diez días (art. 43.2).',
  'notifications.cli.swept.one':
    'Barrido de notificaciones a {now}: {count} rechazada por transcurso de diez días (art. 43.2).',
  'notifications.cli.swept.other':
    'Barrido de notificaciones a {now}: {count} rechazadas por transcurso de diez días (art. 43.2).',
  'errors.notification_case_not_resolved':
    'Solo se notifica un expediente resuelto; este está en otro estado ({state}). Firme antes la resolución.',
  'errors.notification_exists':
    'La resolución de este expediente ya se ha notificado. Consulte su historial.',
  'errors.notification_no_resolution': 'El expediente no tiene una resolución firmada que notificar.',
  'errors.notification_already_settled':
    'Esta notificación ya estaba practicada ({state}): no se ha anotado nada. Revise el historial de la notificación.',
  'errors.notification_event_conflict':
    'Ese evento ya estaba anotado con otros datos: no se ha cambiado nada. Compruebe el evento con la sede.',
  'errors.notification_event_out_of_time':
    'La fecha del evento no es posible ({reason}): no puede ser anterior a la puesta a disposición ni posterior a este momento.',
  'errors.notification_wrong_channel':
    'Esta anotación no corresponde al canal de la notificación ({channel}).',
  'errors.notification_second_attempt':
    'El segundo intento no cumple el art. 42.2 ({problem}): debe hacerse dentro de los tres días siguientes, en la otra franja respecto de las 15:00 y con al menos tres horas de diferencia.',
  'errors.notification_attempts_done':
    'Ya constan los intentos de entrega de esta notificación: no se admiten más.',
  'errors.notification_boe_not_allowed':
    'Solo se publica en el BOE cuando los intentos de entrega han fallado (art. 44).',
  'errors.notification_clock_backwards':
    'El reloj va hacia atrás: el último barrido fue el {last} y ahora es {now}. No se ha cambiado nada; corrija la hora del equipo y vuelva a intentarlo.',
} as const;
