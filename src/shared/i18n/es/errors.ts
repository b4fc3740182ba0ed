/** One sentence per contract error code (src/shared/api/errors.ts); `errors.<code>`. */
export const errors = {
  'errors.invalid_input': 'Los datos enviados no son válidos ({field}).',
  'errors.not_signed_in': 'Su sesión ha terminado. Vuelva a identificarse.',
  'errors.not_signed_in.evicted':
    'Esta pestaña llevaba tiempo sin usarse y se ha cerrado su sesión para dejar sitio a otras. Vuelva a identificarse; no se ha perdido nada.',
  'errors.forbidden': 'No tiene permiso para hacer esto.',
  'errors.unknown_user': 'Ese usuario no existe.',
  'errors.card_sign_in_refused':
    'No se ha podido iniciar la sesión con la tarjeta. Vuelva a intentarlo y, si se repite, avise al servicio de informática.',
  'errors.card_sign_in_refused.challenge_unknown':
    'La petición de inicio de sesión ha caducado o ya se usó. Vuelva a intentarlo: se le pedirá el PIN de nuevo.',
  'errors.card_sign_in_refused.bad_certificate': 'El certificado de la tarjeta no se puede leer.',
  'errors.card_sign_in_refused.bad_signature':
    'La firma de la tarjeta no corresponde a su certificado. Retire la tarjeta, vuelva a insertarla e inténtelo de nuevo.',
  'errors.card_sign_in_refused.certificate_expired':
    'El certificado de la tarjeta está caducado o aún no es válido. Solicite su renovación.',
  'errors.card_sign_in_refused.untrusted':
    'El certificado de la tarjeta no lo ha emitido una autoridad de confianza para este ayuntamiento.',
  'errors.card_sign_in_refused.training_card':
    'Es una tarjeta de prácticas: solo sirve en el modo formación, nunca para entrar en la oficina.',
  'errors.card_sign_in_refused.not_for_authentication':
    'Ese certificado no sirve para identificarse. Elija el certificado de autenticación de la tarjeta.',
  'errors.card_sign_in_refused.no_nif': 'El certificado de la tarjeta no indica el NIF de su titular.',
  'errors.card_sign_in_refused.unknown_holder':
    'No hay ningún usuario activo con el NIF de esta tarjeta. Pida al administrador que le dé de alta.',
  'errors.card_sign_in_refused.foreign_challenge':
    'El servidor ha pedido a la tarjeta firmar algo que no es un inicio de sesión en él: no se ha firmado nada. Avise al servicio de informática.',
  'errors.card_sign_in_refused.ambiguous_holder':
    'Hay más de un usuario activo con el NIF de esta tarjeta. Pida al administrador que lo corrija.',
  'errors.not_found': 'No se ha encontrado lo que busca.',
  'errors.already_claimed': 'Otra persona acaba de asignarse este expediente.',
  'errors.invalid_transition': 'El expediente no puede pasar de este estado a ese.',
  'errors.calendar_missing_year':
    'No hay calendario de días inhábiles para {year}: no se puede calcular el plazo.',
  'errors.storage_corrupt':
    'La carpeta de datos está dañada o no es de Despacho: {path}. No se ha modificado nada.',
  'errors.storage_unavailable': 'No se puede abrir la base de datos. No se ha modificado nada.',
  'errors.storage_locked':
    'La carpeta de datos {path} está en uso por otro proceso de Despacho (PID {pid}: {command}). Ciérrelo o espere a que termine.',
  'errors.storage_locked_elsewhere':
    'La carpeta de datos {path} está en uso por Despacho en otro equipo ({host}, PID {pid}: {command}). Ciérrelo allí; si ese equipo ya no la usa, borre {lock} y vuelva a intentarlo.',
  'errors.storage_lock_unreadable':
    'No se puede leer el archivo de bloqueo {path}. Si ningún Despacho está usando esta carpeta de datos, bórrelo y vuelva a intentarlo.',
  'errors.signature_not_addressed':
    'Esta petición de firma no está dirigida a usted ni a quien sustituye hoy.',
  'errors.signature_not_your_turn':
    'Todavía no le toca: la petición va en cascada y antes deben actuar quienes le preceden. Aparecerá en su bandeja cuando sea su turno.',
  'errors.signature_expired':
    'El plazo de esta petición de firma ha vencido. No se ha firmado nada; la tramitación debe enviarla de nuevo.',
  'errors.signature_withdrawn': 'La tramitación ha retirado esta petición de firma. No se ha firmado nada.',
  'errors.signature_rejected': 'Esta petición de firma ya se rechazó. No se ha firmado nada.',
  'errors.signature_already_signed':
    'Esta petición ya está firmada, o usted ya ha actuado en ella. No se ha firmado de nuevo.',
  'errors.signature_partly_signed':
    'Ya tiene al menos una firma y su número en el libro de resoluciones: no se puede retirar. Puede rechazarla quien deba actuar después.',
  'errors.signature_signer_inactive':
    'La persona a quien va dirigida ya no está en activo. No se ha firmado nada; la tramitación debe retirar la petición y enviarla a quien corresponda.',
  'errors.signature_document_changed':
    'El documento ha cambiado después de enviarse a firma. No se ha firmado nada; la tramitación debe retirarlo y enviarlo de nuevo.',
  'errors.signature_step_is_approval':
    'En esta petición se le pide el visto bueno, no la firma: use «Dar el visto bueno».',
  'errors.signature_step_is_signature':
    'En esta petición se le pide la firma, no el visto bueno: use «Firmar».',
  'errors.signature_number_lost':
    'El número reservado en el libro de resoluciones caducó y pasó a otro documento. Esta firma no se ha guardado; vuelva a firmar.',
  'errors.signature_stale':
    'Otra persona ha firmado este documento mientras tanto. Esta firma no se ha guardado; ábralo de nuevo y vuelva a firmar.',
  'errors.signature_invalid_signed_file':
    'El documento firmado no es el que se preparó o no añade exactamente una firma en su campo. No se ha guardado; vuelva a firmar.',
  'errors.signature_request_pending':
    'Este expediente ya tiene una petición de firma pendiente. Retírela antes de enviar otra.',
  'errors.signature_signer_not_eligible':
    'Solo se puede pedir la firma o el visto bueno a jefaturas en activo del servicio del expediente, y a cada una una sola vez.',
  'errors.substitution_not_eligible':
    'Solo puede nombrar para sustituirle a otra jefatura en activo de su servicio.',
  'errors.substitution_dates':
    'Las fechas no son válidas: el final no puede ser anterior al inicio ni a hoy.',
  'errors.substitution_overlaps':
    'Ya tiene una sustitución o delegación en esas fechas. Revóquela antes de crear otra.',
  'errors.seal_not_configured':
    'Esta oficina no tiene sello de órgano: fírmelo con su tarjeta, o pida a quien administra el servidor que configure el sello.',
  'errors.seal_unusable':
    'No se puede usar el sello de órgano configurado ({path}): falta la clave o el certificado, no se pueden leer o no se corresponden.',
  'errors.seal_not_valid_now':
    'El certificado del sello de órgano no está vigente (del {from} al {until}): fírmelo con su tarjeta y avise a quien administra el servidor.',
  'errors.desk_only':
    'Esto se hace con la tarjeta del puesto de trabajo, y este es el servidor compartido: hágalo desde Despacho en su equipo.',
  'errors.signing_batch_busy':
    'Este lote ya se está firmando. Espere a que termine o cancélelo antes de volver a firmar.',
  'errors.pkcs11_module_invalid': 'No se puede usar ese módulo PKCS#11: {path}.',
  'errors.export_case_open':
    'Solo se exportan expedientes cerrados (resueltos, notificados, archivados, desistidos o caducados); este sigue abierto.',
  'errors.export_document_changed':
    'El documento {document} no coincide con su huella SHA-256 registrada: no se ha exportado nada. Avise a quien administre el sistema.',
  'errors.export_too_large':
    'El expediente ocupa más de {limit} MB y no se puede descargar desde aquí: expórtelo con «despacho export».',
  'errors.training_no_completions':
    'Esta persona aún no ha terminado ningún escenario: no hay nada que certificar.',
  'errors.signing_batch_replaced':
    'Estos documentos se han abierto para firmar en otra ventana o escritorio, que se ha quedado con sus números. Fírmelos desde allí, o vuelva a la bandeja y ábralos aquí de nuevo.',
  'errors.pkcs11_module_invalid.notAbsolute':
    'Escriba la ruta completa del módulo PKCS#11 (empieza por / o por una letra de unidad): {path}.',
  'errors.pkcs11_module_invalid.missing': 'No existe ningún archivo en {path}. Compruebe la ruta.',
  'errors.pkcs11_module_invalid.notAFile':
    '{path} no es un archivo: indique el del módulo (.so, .dll o .dylib).',
  'errors.pkcs11_module_invalid.notALibrary':
    '{path} no es una biblioteca: el módulo PKCS#11 es un archivo .so (Linux), .dll (Windows) o .dylib (macOS).',
  'errors.pkcs11_module_invalid.cannotLoad':
    'El archivo {path} no se puede cargar como módulo PKCS#11 en este equipo. No se ha añadido.',
  'errors.unknown_call': 'Operación desconocida.',
  'errors.no_connection':
    'Sin conexión con el servidor local: no se ha podido completar. Compruebe que Despacho sigue en marcha y vuelva a intentarlo.',
  'errors.forbidden.host_restarted':
    'El servidor local se ha reiniciado y esta pestaña ya no tiene acceso. Abra Despacho con el enlace nuevo.',
  'errors.internal': 'Se ha producido un error interno. No se ha perdido nada; vuelva a intentarlo.',
} as const;
