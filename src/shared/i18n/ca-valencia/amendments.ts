import type { amendments as es } from '../es/amendments';

/** Amendment requests (art. 68), the suspension of the term (art. 22.1.a) and "explain this date". */
export const amendments: Record<keyof typeof es, string> = {
  'amendments.title': 'Esmena (art. 68)',
  'amendments.none': 'No s’ha requerit cap esmena en este expedient.',
  'amendments.request': 'Requerir esmena',
  'amendments.request.title': 'Requerir esmena',
  'amendments.request.missing': 'Què ha d’esmenar o aportar la persona interessada',
  'amendments.request.missingHint': 'Un document o requisit per línia. El text s’inclou en el requeriment.',
  'amendments.request.preview': 'Previsualització del requeriment',
  'amendments.request.previewEmpty': 'Escriviu què falta per a veure el text del requeriment.',
  'amendments.request.endsOn':
    'Termini de 10 dies hàbils des de l’endemà de la notificació: si es notificara hui, fins al {date}.',
  'amendments.request.notifiedNote':
    'En emetre’l, el requeriment es notifica a la persona interessada pel seu canal (electrònic o en paper). El termini de 10 dies i la suspensió del termini per a resoldre (art. 22.1.a) comencen amb la notificació.',
  'amendments.request.submit': 'Emetre el requeriment',
  'amendments.request.signer.legend': 'Signatura',
  'amendments.request.signer.seal': 'Amb el segell de l’òrgan',
  'amendments.request.signer.card': 'Amb la meua targeta',
  'amendments.request.card.title': 'Signar el requeriment amb la vostra targeta',
  'amendments.request.card.description':
    'Trieu el certificat de la vostra targeta amb què signeu el requeriment; després se us demanarà el PIN. En signar-lo s’emet i es notifica.',
  'amendments.request.card.sign': 'Signar i emetre',
  'amendments.request.card.signing': 'S’està signant…',
  'amendments.request.card.failed': 'No s’ha emés el requeriment: {reason}',
  'amendments.requested':
    'Requeriment emés i notificat a la persona interessada: el termini de 10 dies començarà a comptar l’endemà de la notificació.',
  'amendments.cancel': 'Cancel·lar',
  'amendments.item.heading': 'Requeriment del {date}',
  'amendments.item.missing': 'Què falta',
  'amendments.item.term': 'Termini: {days} dies hàbils, fins al {date}',
  'amendments.item.extension': 'Ampliat {days} dies hàbils a petició de la persona interessada (art. 68.2)',
  'amendments.item.suspension.running': 'Termini per a resoldre suspés des del {from} (art. 22.1.a)',
  'amendments.item.suspension.ended':
    'Termini per a resoldre suspés del {from} al {to}: {days} dies naturals (art. 22.1.a)',
  'amendments.item.reply': 'Resposta presentada el {at}; compta com a presentada el {deemed} (art. 31.2.b).',
  'amendments.item.replyLate':
    'Fora de termini: compta com a presentada el {deemed}, després de l’últim dia, el {endsOn} (art. 31.2.b).',
  'amendments.item.replyDocuments': '{count} documents aportats',
  'amendments.item.replyDocuments.one': '1 document aportat',
  'amendments.state.pending': 'Pendent de resposta',
  'amendments.state.replied': 'Respost',
  'amendments.state.pending_notification': 'Pendent de notificació',
  'amendments.item.pendingNotification':
    'Pendent de notificació. El termini de 10 dies començarà a comptar l’endemà de la notificació; fins aleshores el termini per a resoldre continua corrent (art. 68.1 i 22.1.a).',
  'amendments.item.notification': 'Notificació del requeriment: {state} ({channel}).',
  'amendments.item.notifiedOn': 'Notificat el {date}: els 10 dies compten des de l’endemà (art. 30.4).',
  'amendments.item.noSuspension':
    'Respost abans que la notificació es practicara: el termini per a resoldre no va arribar a suspendre’s.',
  'errors.invalid_transition.amendment_not_notified':
    'El requeriment encara no s’ha notificat: el seu termini comença l’endemà de la notificació (art. 68.1).',
  'history.action.amendment.notified':
    'Notificació del requeriment practicada el {notifiedOn}: termini d’esmena fins al {endsOn}',
  'dueDate.pendingNotification':
    'Hi ha un requeriment d’esmena pendent de notificació: el termini per a resoldre continua corrent fins que es notifique (art. 22.1.a).',
  'amendments.notification.label': 'Notificació del requeriment d’esmena',
  'amendments.extend': 'Ampliar el termini',
  'amendments.extend.title': 'Ampliar el termini d’esmena (art. 68.2)',
  'amendments.extend.days': 'Dies hàbils d’ampliació (en queden {left} de {max})',
  'amendments.extend.submit': 'Ampliar',
  'amendments.extended': 'Termini d’esmena ampliat.',
  'amendments.reply': 'Registrar la resposta',
  'amendments.reply.title': 'Registrar la resposta de la persona interessada',
  'amendments.reply.receivedAt': 'Data i hora d’entrada en el registre',
  'amendments.reply.files': 'Documents de la resposta (PDF, fins a {max} KB cadascun)',
  'amendments.reply.noFiles': 'Adjunteu almenys un document PDF.',
  'amendments.reply.submit': 'Registrar',
  'amendments.replied': 'Resposta registrada: el termini per a resoldre torna a córrer.',
  'amendments.repliedLate':
    'Resposta registrada fora de termini (art. 31.2.b): el termini per a resoldre torna a córrer.',
  'dueDate.explain': 'Explicar esta data',
  'dueDate.title': 'Com es calcula el venciment',
  'dueDate.suspended': 'Suspés',
  'dueDate.running':
    'El termini per a resoldre està suspés des del {from}, dia en què es va notificar el requeriment (art. 22.1.a: «des de la notificació del requeriment»): el rellotge està parat. Mentre dure, el venciment suposa que la suspensió arriba al final del termini concedit, el {until}; en registrar la resposta es recalcula.',
  'deadlines.recompute.usage':
    'Ús: despacho deadlines recompute [--data CARPETA] [--calendars CARPETA]\n' +
    '  Torna a calcular el venciment de cada expedient obert a partir de l’entrada en el registre, el termini,\n' +
    '  les suspensions i els calendaris (després de canviar un fitxer de calendari); cada canvi queda en l’auditoria.',
  'deadlines.recompute.changed': 'Expedient {caseId}: el venciment passa del {from} al {to}.',
  'deadlines.recompute.done': '{checked} expedients oberts revisats; {count} venciments canviats.',
  'deadlines.recompute.failed':
    'Avís: {count} expedients conserven el venciment perquè falta el calendari d’algun any que necessiten.',
  'errors.conflict':
    'Una altra persona ha canviat l’expedient mentre el teníeu obert. Es mostren les dades actuals: reviseu-les i repetiu l’acció.',
  'errors.forbidden.not_holder': 'Només qui té assignat l’expedient pot fer això.',
  'errors.invalid_input.attachment_not_pdf':
    'El document {file} no és un PDF vàlid: adjunteu només fitxers PDF.',
  'errors.invalid_input.attachment_size': 'El document {file} està buit o supera {max} KB.',
  'errors.invalid_input.attachments_total': 'Els documents junts superen {max} KB.',
  'errors.invalid_input.future': 'La data d’entrada no pot ser posterior al moment actual.',
  'errors.invalid_input.before_request': 'La resposta no pot ser anterior al requeriment.',
  'errors.invalid_transition.already_replied': 'La resposta a este requeriment ja està registrada.',
  'errors.invalid_transition.not_amendable': 'En l’estat actual de l’expedient no es pot requerir esmena.',
  'errors.invalid_transition.term_ended':
    'El termini per a resoldre ja ha vençut: un requeriment ja no el suspén (art. 22.1.a).',
  'errors.invalid_transition.extension_not_allowed':
    'Este procediment no admet ampliar el termini d’esmena (art. 68.2).',
  'errors.invalid_transition.extension_too_long':
    'L’ampliació no pot superar {max} dies hàbils en total (art. 68.2).',
  'errors.invalid_transition.amendment_term_ended': 'El termini d’esmena ja ha acabat: no es pot ampliar.',
  'history.action.amendment.requested': 'Requerix esmena i notifica el requeriment a la persona interessada',
  'history.action.amendment.extended': 'Amplia el termini d’esmena fins al {to}',
  'history.action.amendment.replied': 'Registra la resposta al requeriment d’esmena',
  'history.action.amendment.replied_late': 'Registra una resposta fora de termini al requeriment d’esmena',
  'history.action.case.due_date_recomputed': 'El venciment passa del {from} al {to}',
};
