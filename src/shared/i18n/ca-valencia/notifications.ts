/** Notificacions de resolucions (arts. 40–46 Llei 39/2015): la pàgina de l'expedient, l'avís en PDF, l'ordre d'escombratge. */
export const notifications = {
  'notifications.title': 'Notificació',
  'notifications.none': 'La resolució encara no s’ha notificat.',
  'notifications.notify': 'Notificar la resolució',
  'notifications.notifying': 'Notificant…',
  'notifications.notify.electronic':
    'Es posarà a disposició de la persona interessada en la seu electrònica (notificació electrònica).',
  'notifications.notify.paper':
    'La persona interessada va triar el paper: es generarà l’avís imprimible per a lliurar-lo en el seu domicili.',
  'notifications.notified': 'Resolució notificada.',
  'notifications.archive': 'Arxivar l’expedient',
  'notifications.archived': 'Expedient arxivat.',
  'notifications.document': 'Document notificat: {title}',
  'notifications.noticeDocument': 'Avís de notificació en paper (document {id} de l’expedient)',
  'notifications.channel.electronic': 'Electrònica',
  'notifications.channel.paper': 'Paper',
  'notifications.channelLabel': 'Canal: {channel}',
  'notifications.state.available': 'Posada a disposició',
  'notifications.state.accessed': 'Accedida',
  'notifications.state.rejected': 'Rebutjada',
  'notifications.state.deemed_rejected': 'Rebutjada per transcurs del termini',
  'notifications.state.paper_pending': 'Pendent de lliurament',
  'notifications.state.delivered': 'Lliurada',
  'notifications.state.failed': 'Intents fallits',
  'notifications.state.published': 'Publicada en el BOE',
  'notifications.stateLabel': 'Estat: {state}',
  'notifications.effective': 'Practicada el {at}.',
  'notifications.rejectsAt': 'Si no hi accedix, s’entendrà rebutjada el {at} (art. 43.2).',
  'notifications.reading.title': 'Els deu dies naturals de l’art. 43.2',
  'notifications.reading.both':
    'Els deu dies compten des de l’endemà de la posada a disposició i la persona interessada hi pot accedir durant tot el desé dia. Els tribunals han datat el rebuig de dos maneres: el mateix desé dia, o a partir de l’onzé, quan els deu dies han transcorregut sencers.',
  'notifications.reading.day_10': 'Esta aplicació data el rebuig el desé dia, en el seu últim instant.',
  'notifications.reading.from_day_11':
    'Esta aplicació data el rebuig a partir de l’onzé dia (a les 0.00, hora de Madrid): posada a disposició el dilluns 2 de març de 2026 a les 10.00, s’entén rebutjada el divendres 13 de març a les 0.00.',
  'notifications.events.title': 'Historial de la notificació',
  'notifications.event.made_available': 'Posada a disposició en la seu',
  'notifications.event.accessed': 'La persona interessada va accedir al contingut',
  'notifications.event.rejected': 'La persona interessada va rebutjar la notificació',
  'notifications.event.deemed_rejected': 'Rebutjada per no accedir-hi en deu dies naturals',
  'notifications.event.notice_printed': 'Avís en paper generat',
  'notifications.event.attempt': 'Intent de lliurament: {outcome}',
  'notifications.event.boe_published': 'Anunci publicat en el BOE',
  'notifications.event.by': 'anotat per {name}',
  'notifications.event.bySweep': 'anotat automàticament',
  'history.action.notification.made_available':
    'Posa la resolució a disposició de la persona interessada en la seu electrònica',
  'history.action.notification.notice_printed': 'Genera l’avís de notificació en paper',
  'history.action.notification.attempt': 'Anota l’intent d’entrega núm. {attempt}',
  'history.action.notification.effective': 'La notificació queda practicada',
  'notifications.outcome.delivered': 'lliurada',
  'notifications.outcome.absent': 'absent',
  'notifications.outcome.unknown_address': 'adreça desconeguda',
  'notifications.outcome.refused': 'refusada',
  'notifications.access.title': 'Anotar el que comunica la seu',
  'notifications.access.outcome': 'Què va ocórrer',
  'notifications.access.accessed': 'Hi va accedir',
  'notifications.access.rejected': 'La va rebutjar',
  'notifications.access.at': 'Data i hora',
  'notifications.access.eventId': 'Identificador de l’esdeveniment en la seu',
  'notifications.access.submit': 'Anotar l’esdeveniment',
  'notifications.attempt.title': 'Anotar un intent de lliurament (art. 42.2)',
  'notifications.attempt.rule':
    'Si ningú no arreplega la notificació, es repetix una sola vegada dins dels tres dies següents, en l’altra franja (abans o després de les 15.00) i amb almenys tres hores de diferència.',
  'notifications.attempt.at': 'Data i hora de l’intent',
  'notifications.attempt.outcome': 'Resultat',
  'notifications.attempt.submit': 'Anotar l’intent',
  'notifications.boe.title': 'Anotar la publicació en el BOE (art. 44)',
  'notifications.boe.publishedOn': 'Data de publicació',
  'notifications.boe.reference': 'Referència (BOE-B-2026-12345)',
  'notifications.boe.submit': 'Anotar la publicació',
  'notifications.boe.published': 'Publicat el {date}, {reference}.',
  'notifications.saved': 'Anotat.',
  'notifications.notice.title': 'Avís de notificació',
  'notifications.notice.to': 'Destinatari: {name}',
  'notifications.notice.case': 'Expedient {number}: {procedure}.',
  'notifications.notice.body':
    'Se li notifica la resolució adjunta ({document}), amb el text íntegre, els recursos que hi escauen, l’òrgan davant del qual s’han de presentar i el termini (art. 40.2 de la Llei 39/2015).',
  'notifications.notice.effects':
    'Si refusa la notificació, es tindrà per efectuada i el procediment continuarà (art. 41.5). Si no es pot lliurar després de dos intents, es publicarà un anunci en el Butlletí Oficial de l’Estat (art. 44).',
  'notifications.notice.attempt': 'Intent {attempt}',
  'notifications.notice.attemptBoxes':
    'Dia: ______  Hora: ______  Resultat: lliurada / absent / desconegut / refusada  Signatura de l’empleat: ____________',
  'notifications.notice.receipt': 'Rebut',
  'notifications.notice.receiptBoxes':
    'Nom: ____________________  DNI: ____________  Relació amb la persona interessada: ____________  Signatura: ____________',
  'notifications.notice.documentTitle': 'Avís de notificació en paper',
  'notifications.cli.usage': 'Ús: despacho notifications sweep [--data CARPETA] [--now INSTANT]',
  'notifications.cli.badNow':
    'Instant no vàlid: «{value}». Escriviu una data i hora ISO amb la seua zona, per exemple 2026-03-13T00:00:00+01:00.',
  'notifications.cli.swept':
    'Escombratge de notificacions a {now}: {count} rebutjades per transcurs de deu dies (art. 43.2).',
  'notifications.cli.swept.one':
    'Escombratge de notificacions a {now}: {count} rebutjada per transcurs de deu dies (art. 43.2).',
  'notifications.cli.swept.other':
    'Escombratge de notificacions a {now}: {count} rebutjades per transcurs de deu dies (art. 43.2).',
  'errors.notification_case_not_resolved':
    'Només es notifica un expedient resolt; este està en un altre estat ({state}). Signeu abans la resolució.',
  'errors.notification_exists': 'La resolució d’este expedient ja s’ha notificat. Consulteu-ne l’historial.',
  'errors.notification_no_resolution': 'L’expedient no té cap resolució signada per a notificar.',
  'errors.notification_already_settled':
    'Esta notificació ja estava practicada ({state}): no s’ha anotat res. Reviseu l’historial de la notificació.',
  'errors.notification_event_conflict':
    'Eixe esdeveniment ja estava anotat amb altres dades: no s’ha canviat res. Comproveu l’esdeveniment amb la seu.',
  'errors.notification_event_out_of_time':
    'La data de l’esdeveniment no és possible ({reason}): no pot ser anterior a la posada a disposició ni posterior a este moment.',
  'errors.notification_wrong_channel': 'Esta anotació no correspon al canal de la notificació ({channel}).',
  'errors.notification_second_attempt':
    'El segon intent no complix l’art. 42.2 ({problem}): s’ha de fer dins dels tres dies següents, en l’altra franja respecte de les 15.00 i amb almenys tres hores de diferència.',
  'errors.notification_attempts_done':
    'Ja consten els intents de lliurament d’esta notificació: no se n’admeten més.',
  'errors.notification_boe_not_allowed':
    'Només es publica en el BOE quan els intents de lliurament han fallat (art. 44).',
  'errors.notification_clock_backwards':
    'El rellotge va cap arrere: l’últim escombratge va ser el {last} i ara és {now}. No s’ha canviat res; corregiu l’hora de l’equip i torneu-ho a provar.',
} as const;
