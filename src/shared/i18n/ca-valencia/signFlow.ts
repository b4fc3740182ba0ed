import type { signFlow as es } from '../es/signFlow';

export const signFlow: Record<keyof typeof es, string> = {
  'signFlow.stamp.onBehalfOf': 'Per substitució de {name}',

  'signFlow.title': 'Signar {count} resolucions',
  'signFlow.title.one': 'Signar una resolució',
  'signFlow.intro':
    'El que veieu ací és exactament el que se signa: cada document ja porta el seu número del llibre de resolucions, el seu CSV i l’espai de la seua signatura. Comproveu-ne l’empremta SHA-256 i llegiu-lo abans d’escriure el PIN.',
  'signFlow.preparing': 'Preparant els documents: reservant-ne els números en el llibre de resolucions…',
  'signFlow.preparing.one': 'Preparant el document: reservant-ne el número en el llibre de resolucions…',
  'signFlow.documents': 'Documents que se signaran',
  'signFlow.back': 'Tornar a la safata sense signar',
  'signFlow.backToTray': 'Tornar a la safata de signatura',
  'signFlow.signAll': 'Signar {count} documents',
  'signFlow.signAll.one': 'Signar el document',
  'signFlow.retry': 'Reintentar els {count} no signats',
  'signFlow.retry.one': 'Reintentar el no signat',
  'signFlow.cancel': 'Cancel·lar i tornar els números',
  'signFlow.stop': 'Parar després del document en curs',
  'signFlow.none': '—',

  'signFlow.item.title': 'Resolució núm. {number}',
  'signFlow.item.refusedTitle': 'Petició que no es pot signar',
  'signFlow.item.sha256': 'Empremta SHA-256',
  'signFlow.item.csv': 'CSV',
  'signFlow.item.size': 'Grandària',
  'signFlow.item.onBehalfOf': 'Signatura',
  'signFlow.item.onBehalfOfName': 'Per substitució de {name}',
  'signFlow.item.show': 'Llegir el document',
  'signFlow.item.documentRegion': 'Text de la resolució núm. {number}',
  'signFlow.item.hide': 'Amagar el document',
  'signFlow.item.download': 'Guardar el PDF que se signa ({file})',
  'signFlow.item.signed': 'Signada i numerada: resolució núm. {number}.',
  'signFlow.item.failedBefore': 'No s’ha signat. {reason}',
  'signFlow.item.failedAfter': 'La targeta va signar, però la signatura no s’ha guardat ni numerat. {reason}',

  'signFlow.card.heading': 'Targeta i certificat',
  'signFlow.card.looking': 'Cercant targetes…',
  'signFlow.card.none': 'No hi ha cap targeta en el lector. Inseriu-la: apareixerà ací sola en uns segons.',
  'signFlow.card.noneUsable':
    'Cap certificat de les targetes inserides servix per a signar: al costat de cadascun es diu per què.',
  'signFlow.card.diagnostics': 'Diagnòstic de targetes i certificats',
  'signFlow.card.pick': 'Certificat amb què se signa',
  'signFlow.card.option': '{holder}, targeta «{card}»',
  'signFlow.card.problem.pinLocked':
    'El PIN d’esta targeta està bloquejat: desbloquegeu-lo amb el PUK o en la vostra oficina de registre.',
  'signFlow.card.problem.pinNotInitialized': 'Esta targeta encara no té PIN: no s’hi pot signar.',
  'signFlow.card.problem.pinPad':
    'Este lector té teclat propi per al PIN, i Despacho encara no pot demanar el PIN en el lector. Useu un lector sense teclat.',

  'signFlow.certificate.holder': 'Titular',
  'signFlow.certificate.nif': 'NIF',
  'signFlow.certificate.position': 'Càrrec i organisme',
  'signFlow.certificate.issuer': 'Emissor',
  'signFlow.certificate.validity': 'Validesa',
  'signFlow.certificate.validFromTo': 'del {from} al {to}',
  'signFlow.certificate.keyUsage': 'Ús de la clau',
  'signFlow.certificate.keyType': 'Tipus de clau',
  'signFlow.certificate.problem.noNonRepudiation':
    'No servix per a signar resolucions: li falta l’ús «no rebuig» (sol ser el certificat d’autenticació).',
  'signFlow.certificate.problem.expired': 'No servix per a signar: ha caducat.',
  'signFlow.certificate.problem.notYetValid':
    'Encara no servix per a signar: la seua validesa no ha començat.',
  'signFlow.certificate.problem.keyUnsupported':
    'No servix per a signar ací: Despacho no signa amb este tipus de clau.',
  'signFlow.keyUsage.digitalSignature': 'signatura digital',
  'signFlow.keyUsage.nonRepudiation': 'no rebuig',
  'signFlow.keyUsage.keyEncipherment': 'xifratge de claus',
  'signFlow.keyUsage.dataEncipherment': 'xifratge de dades',
  'signFlow.keyUsage.keyAgreement': 'acord de claus',
  'signFlow.keyUsage.keyCertSign': 'signatura de certificats',
  'signFlow.keyUsage.cRLSign': 'signatura de llistes de revocació',
  'signFlow.keyUsage.other': '{usage}',

  'signFlow.pin.title': 'PIN de la targeta',
  'signFlow.pin.description':
    'Signareu {count} documents amb el certificat de {holder} (NIF {nif}) de la targeta «{card}».',
  'signFlow.pin.description.one':
    'Signareu un document amb el certificat de {holder} (NIF {nif}) de la targeta «{card}».',
  'signFlow.pin.label': 'PIN',
  'signFlow.pin.required': 'Escriviu el PIN de la targeta.',
  'signFlow.pin.countLow':
    'La targeta diu que queden pocs intents de PIN. Comproveu el PIN abans d’escriure’l.',
  'signFlow.pin.finalTry':
    'Només queda un intent: si el PIN és incorrecte, la targeta es bloquejarà i l’haureu de desbloquejar amb el PUK.',
  'signFlow.pin.confirmFinalTry': 'Entenc que si este PIN és incorrecte la targeta quedarà bloquejada.',
  'signFlow.pin.cancel': 'Cancel·lar',
  'signFlow.pin.sign': 'Signar {count} documents',
  'signFlow.pin.sign.one': 'Signar el document',
  'signFlow.pinPerSignature':
    'Esta targeta demana el PIN per a cada signatura: Despacho li’l presenta amb cada document, sense tornar a preguntar-vos-el.',

  'signFlow.progress.label': 'Progrés de la signatura',
  'signFlow.progress.opening': 'Comprovant el PIN amb la targeta…',
  'signFlow.progress.item': 'Signant {current} de {total}: resolució núm. {number}',
  'signFlow.summary': 'Signades i numerades: {signed}. Sense signar: {failed}.',
  'signFlow.run.done': '{reason}',
  'signFlow.run.stopped':
    'El lot s’ha parat: {reason} El que ja està signat queda signat i numerat; la resta continua pendent.',
  'signFlow.run.refused': 'No s’ha signat res: {reason}',
  'signFlow.run.cancelled':
    'Lot parat a petició vostra. El que ja està signat queda signat i numerat; els números de la resta s’han tornat.',

  'signFlow.failure.cancelled': 'No s’ha signat: es va cancel·lar el lot abans d’arribar a este document.',
  'signFlow.failure.token.pin_final_try_needs_confirmation':
    'Només queda un intent de PIN: si falla, la targeta es bloquejarà. Confirmeu-ho en el diàleg del PIN.',
  'signFlow.failure.token.key_ambiguous':
    'La targeta té {count} claus per a eixe certificat: no se n’elegix una a l’atzar. Consulteu la vostra oficina de registre.',

  'signFlow.pinState.ready': 'correcte',
  'signFlow.pinState.countLow': 'queden pocs intents',
  'signFlow.pinState.finalTry': 'només queda un intent',
  'signFlow.pinState.locked': 'bloquejat',
  'signFlow.pinState.notInitialized': 'sense inicialitzar',

  'signFlow.settings.link': 'Targetes',
  'signFlow.diagnostics.title': 'Targetes i certificats',
  'signFlow.diagnostics.intro':
    'Què veu Despacho dels lectors i les targetes d’este equip. La pàgina s’actualitza sola quan s’insereix o es retira una targeta.',
  'signFlow.diagnostics.modules': 'Mòduls PKCS#11',
  'signFlow.diagnostics.noModules':
    'No s’ha trobat cap mòdul PKCS#11 instal·lat. Instal·leu el del fabricant de la vostra targeta o indiqueu-ne la ruta ací baix.',
  'signFlow.diagnostics.module.path': 'Mòdul',
  'signFlow.diagnostics.module.source': 'Origen',
  'signFlow.diagnostics.module.status': 'Estat',
  'signFlow.diagnostics.source.installed': 'instal·lat en l’equip',
  'signFlow.diagnostics.source.environment': 'DESPACHO_PKCS11_MODULES',
  'signFlow.diagnostics.source.settings': 'afegit en este lloc',
  'signFlow.diagnostics.status.loaded': 'carregat',
  'signFlow.diagnostics.status.missing': 'no existix',
  'signFlow.diagnostics.status.failed': 'no es pot carregar',
  'signFlow.diagnostics.status.crashed': 'el seu controlador ha fallat en consultar-lo',
  'signFlow.diagnostics.status.hung': 'el seu controlador no respon',
  'signFlow.diagnostics.add.label': 'Afegir un mòdul PKCS#11 (ruta completa)',
  'signFlow.diagnostics.add.hint':
    'Per exemple /usr/lib/libpkcs11-fnmtdnie.so o C:\\Windows\\System32\\FNMT_P11_x64.dll. Es guarda en la configuració d’este lloc.',
  'signFlow.diagnostics.add.submit': 'Afegir el mòdul',
  'signFlow.diagnostics.add.done': 'Mòdul afegit: {path}.',
  'signFlow.diagnostics.cards': 'Lectors i targetes',
  'signFlow.diagnostics.noCards': 'No hi ha cap targeta inserida.',
  'signFlow.diagnostics.cardCount': '{count} targetes inserides.',
  'signFlow.diagnostics.cardCount.one': 'Una targeta inserida.',
  'signFlow.diagnostics.card': 'Targeta «{label}»',
  'signFlow.diagnostics.reader': 'Lector',
  'signFlow.diagnostics.maker': 'Fabricant i model',
  'signFlow.diagnostics.serial': 'núm. de sèrie {serial}',
  'signFlow.diagnostics.pin': 'PIN',
  'signFlow.diagnostics.noCertificates': 'La targeta no té certificats.',
  'signFlow.diagnostics.certificate': 'Certificat «{label}» (id {id})',
  'signFlow.diagnostics.canSign': 'servix per a signar',
  'signFlow.diagnostics.cannotSign': 'no servix per a signar',
};
