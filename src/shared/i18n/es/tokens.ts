/** Smart cards and tokens: the token worker's errors and `despacho tokens`. */
export const tokens = {
  'tokens.error.token_worker_crashed':
    'El controlador de la tarjeta ha fallado y se ha cerrado. Despacho sigue funcionando: vuelva a intentarlo; si se repite, revise el módulo PKCS#11 instalado.',
  'tokens.error.token_worker_timeout':
    'El controlador de la tarjeta no responde y se ha detenido. Despacho sigue funcionando: compruebe el lector y vuelva a intentarlo.',
  'tokens.error.module_not_found': 'No existe el módulo PKCS#11 {module}.',
  'tokens.error.module_load_failed':
    'No se puede cargar el módulo PKCS#11 {module}: no es un módulo válido para este equipo.',
  'tokens.error.token_not_found': 'No se encuentra la tarjeta o el token «{token}»: ¿está insertado?',
  'tokens.error.token_ambiguous':
    'Hay {count} tarjetas o tokens con la etiqueta «{token}»: deje insertado solo el que va a usar.',
  'tokens.error.token_busy':
    'La tarjeta ya está firmando otro lote. Espere a que termine y vuelva a intentarlo.',
  'tokens.error.key_not_found':
    'La tarjeta no tiene ningún certificado con su clave privada con esa etiqueta o identificador.',
  'tokens.error.key_ambiguous':
    'La tarjeta tiene {count} claves con esa etiqueta o identificador: no se elige una al azar. Indique el identificador (--cert-id).',
  'tokens.error.pin_required': 'Hace falta el PIN de la tarjeta.',
  'tokens.error.pin_incorrect':
    'PIN incorrecto. No se vuelve a intentar automáticamente para no bloquear la tarjeta.',
  'tokens.error.pin_incorrect_low':
    'PIN incorrecto. Quedan pocos intentos antes de que la tarjeta se bloquee: compruebe el PIN antes de volver a escribirlo.',
  'tokens.error.pin_incorrect_final':
    'PIN incorrecto. Solo queda un intento: si vuelve a fallar, el PIN quedará bloqueado.',
  'tokens.error.pin_invalid': 'El PIN no tiene un formato o una longitud que la tarjeta acepte.',
  'tokens.error.pin_locked':
    'El PIN está bloqueado. Desbloquéelo con el PUK o en su oficina de registro; no se ha intentado nada.',
  'tokens.error.pin_final_try_needs_confirmation':
    'Solo queda un intento de PIN: si falla, la tarjeta se bloqueará. Confirme que quiere intentarlo (--confirm-final-try).',
  'tokens.error.pinpad_unsupported':
    'Este lector tiene teclado propio para el PIN, y Despacho todavía no puede pedir el PIN en el lector. Use un lector sin teclado.',
  'tokens.error.token_removed': 'Se ha retirado la tarjeta o se ha perdido la conexión con ella.',
  'tokens.error.mechanism_unsupported': 'La tarjeta no ofrece el algoritmo de firma necesario ({mechanism}).',
  'tokens.error.session_closed':
    'La sesión con la tarjeta se ha cerrado (tarjeta retirada o controlador reiniciado). Vuelva a identificarse con el PIN.',
  'tokens.error.token_failure': 'Error de la tarjeta o el token: {detail}',
  'tokens.slow.card':
    'La tarjeta «{token}» tarda en responder ({doing}). Despacho sigue esperándola: no la retire del lector.',
  'tokens.slow.module':
    'La tarjeta tarda en responder (módulo {module}, {doing}). Despacho sigue esperándola: no la retire del lector.',
  'tokens.doing.listTokens': 'buscando tarjetas',
  'tokens.doing.listCertificates': 'leyendo sus certificados',
  'tokens.doing.openSession': 'comprobando el PIN',
  'tokens.doing.sign': 'firmando',
  'tokens.doing.closeSession': 'cerrando la sesión',
  'tokens.doing.shutdown': 'deteniendo el controlador',
  'tokens.cli.usage': 'Uso: despacho tokens [--module RUTA]... [--json]',
  'tokens.cli.badOption': 'Opción no válida: {option}.',
  'tokens.cli.noModules':
    'No se ha encontrado ningún módulo PKCS#11 instalado. Indique el del fabricante de su tarjeta con --module RUTA.',
  'tokens.cli.module.loaded': 'Módulo {path}: {description} ({manufacturer})',
  'tokens.cli.module.missing': 'Módulo {path}: no existe',
  'tokens.cli.module.failed': 'Módulo {path}: no se puede cargar',
  'tokens.cli.module.crashed': 'Módulo {path}: su controlador ha fallado al consultarlo',
  'tokens.cli.module.hung': 'Módulo {path}: su controlador no responde',
  'tokens.cli.noTokens': 'No hay ninguna tarjeta ni token insertado.',
  'tokens.cli.token':
    '  Tarjeta «{label}» — {manufacturer} {model}, n.º de serie {serial}, ranura {slot} ({slotDescription})',
  'tokens.cli.pin.ready': '    PIN: correcto',
  'tokens.cli.pin.countLow': '    PIN: quedan pocos intentos',
  'tokens.cli.pin.finalTry': '    PIN: queda un solo intento',
  'tokens.cli.pin.locked': '    PIN: bloqueado',
  'tokens.cli.pin.notInitialized': '    PIN: sin inicializar',
  'tokens.cli.pinPad': '    Lector con teclado para el PIN',
  'tokens.cli.certificate': '    Certificado «{label}» (id {id}): {name}, NIF {nif}',
  'tokens.cli.certificateOrganization': '      {organization} — {position}',
  'tokens.cli.certificateIssuer': '      Emisor: {issuer}; válido del {from} al {to}; clave {keyType}',
  'tokens.cli.certificateUsage': '      Uso de la clave: {usage}',
  'tokens.cli.certificateNoRepudiation':
    '      No vale para firmar resoluciones: le falta el uso «no repudio».',
  'tokens.cli.certificateExpired': '      Caducado.',
  'tokens.cli.none': '—',
} as const;
