/**
 * Why the office refuses a signed resolution by who signed it (checked when it is confirmed), and
 * who the book says numbered it.
 */
export const signerIdentity = {
  'errors.signature_not_verified':
    'La firma no se ha podido verificar: el documento firmado o su firma están dañados. No se ha guardado nada y la petición sigue pendiente; vuelva a firmar y, si se repite, avise al servicio de informática.',
  'errors.signature_certificate_untrusted':
    'El certificado con el que ha firmado no procede de una autoridad de certificación que esta oficina acepte. No se ha guardado nada y la petición sigue pendiente; firme con su certificado de empleado público.',
  'errors.signature_wrong_certificate':
    'El certificado con el que ha firmado no es suyo: su NIF no coincide con el de la persona que firma esta petición. No se ha guardado nada y la petición sigue pendiente; firme con su propia tarjeta.',
  'errors.signature_signer_without_nif':
    'Su usuario no tiene un NIF registrado, así que no se puede comprobar que el certificado es suyo. No se ha guardado nada y la petición sigue pendiente; pida a la administración del sistema que registre su NIF.',
  'book.csv.numberedBy': 'Numerada al firmarla: {name} · NIF {nif}',
} as const;
