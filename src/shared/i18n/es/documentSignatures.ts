/** The signatures panel of a case's document: the verifier's word on every signature it carries. */
export const documentSignatures = {
  'documentSignatures.column': 'Firmas',
  'documentSignatures.show': 'Ver las firmas',
  'documentSignatures.hide': 'Ocultar las firmas',
  'documentSignatures.ofDocument': 'de «{title}»',
  'documentSignatures.heading': 'Firmas de «{title}»',
  'documentSignatures.loading': 'Verificando las firmas…',
  'documentSignatures.count':
    '{count} firmas, verificadas ahora con los certificados de confianza de este puesto.',
  'documentSignatures.count.one':
    '{count} firma, verificada ahora con los certificados de confianza de este puesto.',
  'documentSignatures.count.other':
    '{count} firmas, verificadas ahora con los certificados de confianza de este puesto.',
  'documentSignatures.state.unsigned': 'Este documento no está firmado.',
  'documentSignatures.state.missing':
    'No se pueden verificar las firmas: el contenido de este documento no está en el almacén o no es el que se registró. Avise a la administración del sistema.',
  'documentSignatures.state.unreadable':
    'No se pueden verificar las firmas: el contenido de este documento no se puede leer como PDF.',
  'documentSignatures.modifiedAfterLast':
    'Atención: el documento se modificó después de la última firma; lo añadido no está firmado.',
  'documentSignatures.col.index': 'N.º',
  'documentSignatures.col.holder': 'Firmante',
  'documentSignatures.col.nif': 'NIF (enmascarado)',
  'documentSignatures.col.signedAt': 'Fecha y hora (Madrid)',
  'documentSignatures.col.verdict': 'Resultado',
  'documentSignatures.holderUnknown': 'No se puede leer',
  'documentSignatures.nifUnknown': 'Sin NIF',
  'documentSignatures.timeUnknown': 'Sin fecha',
  'documentSignatures.time.claimed': 'hora declarada por el firmante',
  'documentSignatures.time.timestamp': 'hora de un sello de tiempo',
  'documentSignatures.verdict.valid': 'Válida',
  'documentSignatures.verdict.invalid': 'No válida',
  'documentSignatures.verdict.unknown_issuer': 'Emisor desconocido',
  'documentSignatures.verdict.training': 'De formación (sin validez)',
  'documentSignatures.reason.trusted':
    'El documento no ha cambiado desde la firma y el certificado es de un emisor de confianza.',
  'documentSignatures.reason.practice_issuer':
    'El documento no ha cambiado desde la firma, pero el certificado es de prácticas: no tiene validez legal.',
  'documentSignatures.reason.issuer_unknown':
    'El documento no ha cambiado desde la firma, pero ningún emisor de confianza de este puesto avala el certificado.',
  'documentSignatures.reason.unreadable_signature': 'La firma está dañada y no se puede leer.',
  'documentSignatures.reason.bytes_changed': 'El documento se cambió después de firmarlo.',
  'documentSignatures.reason.signature_broken': 'La firma no corresponde al certificado del firmante.',
  'documentSignatures.reason.changed_after_signing':
    'El contenido del documento se cambió en una versión posterior a la firma.',
  'documentSignatures.reason.certificate_not_valid_at_time':
    'El certificado del firmante no estaba vigente en la fecha de la firma.',
  'documentSignatures.reason.timestamp_broken': 'El sello de tiempo de la firma no es válido.',
  'documentSignatures.reason.chain_invalid':
    'La cadena de certificados del firmante no es válida (un emisor caducado o sin permiso para emitir).',
} as const;
