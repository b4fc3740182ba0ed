/** Signing in the app: the signing screen, the PIN dialog, the card diagnostics and the stamp. */
export const signFlow = {
  'signFlow.stamp.onBehalfOf': 'Por sustitución de {name}',

  'signFlow.title': 'Firmar {count} resoluciones',
  'signFlow.title.one': 'Firmar una resolución',
  'signFlow.intro':
    'Lo que ve aquí es exactamente lo que se firma: cada documento ya lleva su número del libro de resoluciones, su CSV y el espacio de su firma. Compruebe su huella SHA-256 y léalo antes de escribir el PIN.',
  'signFlow.preparing': 'Preparando los documentos: reservando sus números en el libro de resoluciones…',
  'signFlow.preparing.one': 'Preparando el documento: reservando su número en el libro de resoluciones…',
  'signFlow.documents': 'Documentos que se van a firmar',
  'signFlow.back': 'Volver a la bandeja sin firmar',
  'signFlow.backToTray': 'Volver a la bandeja de firma',
  'signFlow.signAll': 'Firmar {count} documentos',
  'signFlow.signAll.one': 'Firmar el documento',
  'signFlow.retry': 'Reintentar los {count} no firmados',
  'signFlow.retry.one': 'Reintentar el no firmado',
  'signFlow.cancel': 'Cancelar y devolver los números',
  'signFlow.stop': 'Detener después del documento en curso',
  'signFlow.none': '—',

  'signFlow.item.title': 'Resolución n.º {number}',
  'signFlow.item.refusedTitle': 'Petición que no se puede firmar',
  'signFlow.item.sha256': 'Huella SHA-256',
  'signFlow.item.csv': 'CSV',
  'signFlow.item.size': 'Tamaño',
  'signFlow.item.onBehalfOf': 'Firma',
  'signFlow.item.onBehalfOfName': 'Por sustitución de {name}',
  'signFlow.item.show': 'Leer el documento',
  'signFlow.item.documentRegion': 'Texto de la resolución n.º {number}',
  'signFlow.item.hide': 'Ocultar el documento',
  'signFlow.item.download': 'Guardar el PDF que se firma ({file})',
  'signFlow.item.signed': 'Firmada y numerada: resolución n.º {number}.',
  'signFlow.item.failedBefore': 'No se ha firmado. {reason}',
  'signFlow.item.failedAfter': 'La tarjeta firmó, pero la firma no se ha guardado ni numerado. {reason}',

  'signFlow.card.heading': 'Tarjeta y certificado',
  'signFlow.card.looking': 'Buscando tarjetas…',
  'signFlow.card.none':
    'No hay ninguna tarjeta en el lector. Insértela: aparecerá aquí sola en unos segundos.',
  'signFlow.card.noneUsable':
    'Ningún certificado de las tarjetas insertadas sirve para firmar: al lado de cada uno se dice por qué.',
  'signFlow.card.diagnostics': 'Diagnóstico de tarjetas y certificados',
  'signFlow.card.pick': 'Certificado con el que se firma',
  'signFlow.card.option': '{holder}, tarjeta «{card}»',
  'signFlow.card.problem.pinLocked':
    'El PIN de esta tarjeta está bloqueado: desbloquéelo con el PUK o en su oficina de registro.',
  'signFlow.card.problem.pinNotInitialized':
    'Esta tarjeta todavía no tiene PIN: no se puede firmar con ella.',
  'signFlow.card.problem.pinPad':
    'Este lector tiene teclado propio para el PIN, y Despacho todavía no puede pedir el PIN en el lector. Use un lector sin teclado.',

  'signFlow.certificate.holder': 'Titular',
  'signFlow.certificate.nif': 'NIF',
  'signFlow.certificate.position': 'Cargo y organismo',
  'signFlow.certificate.issuer': 'Emisor',
  'signFlow.certificate.validity': 'Validez',
  'signFlow.certificate.validFromTo': 'del {from} al {to}',
  'signFlow.certificate.keyUsage': 'Uso de la clave',
  'signFlow.certificate.keyType': 'Tipo de clave',
  'signFlow.certificate.problem.noNonRepudiation':
    'No sirve para firmar resoluciones: le falta el uso «no repudio» (suele ser el certificado de autenticación).',
  'signFlow.certificate.problem.expired': 'No sirve para firmar: ha caducado.',
  'signFlow.certificate.problem.notYetValid': 'No sirve para firmar todavía: aún no ha empezado su validez.',
  'signFlow.certificate.problem.keyUnsupported':
    'No sirve para firmar aquí: Despacho no firma con este tipo de clave.',
  'signFlow.keyUsage.digitalSignature': 'firma digital',
  'signFlow.keyUsage.nonRepudiation': 'no repudio',
  'signFlow.keyUsage.keyEncipherment': 'cifrado de claves',
  'signFlow.keyUsage.dataEncipherment': 'cifrado de datos',
  'signFlow.keyUsage.keyAgreement': 'acuerdo de claves',
  'signFlow.keyUsage.keyCertSign': 'firma de certificados',
  'signFlow.keyUsage.cRLSign': 'firma de listas de revocación',
  'signFlow.keyUsage.other': '{usage}',

  'signFlow.pin.title': 'PIN de la tarjeta',
  'signFlow.pin.description':
    'Va a firmar {count} documentos con el certificado de {holder} (NIF {nif}) de la tarjeta «{card}».',
  'signFlow.pin.description.one':
    'Va a firmar un documento con el certificado de {holder} (NIF {nif}) de la tarjeta «{card}».',
  'signFlow.pin.label': 'PIN',
  'signFlow.pin.required': 'Escriba el PIN de la tarjeta.',
  'signFlow.pin.countLow':
    'La tarjeta dice que quedan pocos intentos de PIN. Compruebe el PIN antes de escribirlo.',
  'signFlow.pin.finalTry':
    'Solo queda un intento: si el PIN es incorrecto, la tarjeta se bloqueará y tendrá que desbloquearla con el PUK.',
  'signFlow.pin.confirmFinalTry': 'Entiendo que si este PIN es incorrecto la tarjeta quedará bloqueada.',
  'signFlow.pin.cancel': 'Cancelar',
  'signFlow.pin.sign': 'Firmar {count} documentos',
  'signFlow.pin.sign.one': 'Firmar el documento',
  'signFlow.pinPerSignature':
    'Esta tarjeta pide el PIN para cada firma: Despacho se lo presenta con cada documento, sin volver a preguntárselo.',

  'signFlow.progress.label': 'Progreso de la firma',
  'signFlow.progress.opening': 'Comprobando el PIN con la tarjeta…',
  'signFlow.progress.item': 'Firmando {current} de {total}: resolución n.º {number}',
  'signFlow.summary': 'Firmadas y numeradas: {signed}. Sin firmar: {failed}.',
  'signFlow.run.done': '{reason}',
  'signFlow.run.stopped':
    'El lote se detuvo: {reason} Lo ya firmado queda firmado y numerado; el resto sigue pendiente.',
  'signFlow.run.refused': 'No se ha firmado nada: {reason}',
  'signFlow.run.cancelled':
    'Lote detenido a petición suya. Lo ya firmado queda firmado y numerado; los números del resto se han devuelto.',

  'signFlow.failure.cancelled': 'No se ha firmado: se canceló el lote antes de llegar a este documento.',
  'signFlow.failure.token.pin_final_try_needs_confirmation':
    'Solo queda un intento de PIN: si falla, la tarjeta se bloqueará. Confírmelo en el diálogo del PIN.',
  'signFlow.failure.token.key_ambiguous':
    'La tarjeta tiene {count} claves para ese certificado: no se elige una al azar. Consulte con su oficina de registro.',

  'signFlow.pinState.ready': 'correcto',
  'signFlow.pinState.countLow': 'quedan pocos intentos',
  'signFlow.pinState.finalTry': 'queda un solo intento',
  'signFlow.pinState.locked': 'bloqueado',
  'signFlow.pinState.notInitialized': 'sin inicializar',

  'signFlow.settings.link': 'Tarjetas',
  'signFlow.diagnostics.title': 'Tarjetas y certificados',
  'signFlow.diagnostics.intro':
    'Qué ve Despacho de los lectores y tarjetas de este equipo. La página se actualiza sola al insertar o retirar una tarjeta.',
  'signFlow.diagnostics.modules': 'Módulos PKCS#11',
  'signFlow.diagnostics.noModules':
    'No se ha encontrado ningún módulo PKCS#11 instalado. Instale el del fabricante de su tarjeta o indique su ruta abajo.',
  'signFlow.diagnostics.module.path': 'Módulo',
  'signFlow.diagnostics.module.source': 'Origen',
  'signFlow.diagnostics.module.status': 'Estado',
  'signFlow.diagnostics.source.installed': 'instalado en el equipo',
  'signFlow.diagnostics.source.environment': 'DESPACHO_PKCS11_MODULES',
  'signFlow.diagnostics.source.settings': 'añadido en este puesto',
  'signFlow.diagnostics.status.loaded': 'cargado',
  'signFlow.diagnostics.status.missing': 'no existe',
  'signFlow.diagnostics.status.failed': 'no se puede cargar',
  'signFlow.diagnostics.status.crashed': 'su controlador ha fallado al consultarlo',
  'signFlow.diagnostics.status.hung': 'su controlador no responde',
  'signFlow.diagnostics.add.label': 'Añadir un módulo PKCS#11 (ruta completa)',
  'signFlow.diagnostics.add.hint':
    'Por ejemplo /usr/lib/libpkcs11-fnmtdnie.so o C:\\Windows\\System32\\FNMT_P11_x64.dll. Se guarda en la configuración de este puesto.',
  'signFlow.diagnostics.add.submit': 'Añadir módulo',
  'signFlow.diagnostics.add.done': 'Módulo añadido: {path}.',
  'signFlow.diagnostics.cards': 'Lectores y tarjetas',
  'signFlow.diagnostics.noCards': 'No hay ninguna tarjeta insertada.',
  'signFlow.diagnostics.cardCount': '{count} tarjetas insertadas.',
  'signFlow.diagnostics.cardCount.one': 'Una tarjeta insertada.',
  'signFlow.diagnostics.card': 'Tarjeta «{label}»',
  'signFlow.diagnostics.reader': 'Lector',
  'signFlow.diagnostics.maker': 'Fabricante y modelo',
  'signFlow.diagnostics.serial': 'n.º de serie {serial}',
  'signFlow.diagnostics.pin': 'PIN',
  'signFlow.diagnostics.noCertificates': 'La tarjeta no tiene certificados.',
  'signFlow.diagnostics.certificate': 'Certificado «{label}» (id {id})',
  'signFlow.diagnostics.canSign': 'sirve para firmar',
  'signFlow.diagnostics.cannotSign': 'no sirve para firmar',
} as const;
