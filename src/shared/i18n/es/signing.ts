/** Signing and verification: `despacho sign`, `despacho verify` and the visible stamp. */
export const signing = {
  'signing.input.notPdf': '{file}: no es un PDF. No se ha firmado nada.',
  'signing.input.truncated':
    '{file}: el PDF está truncado (falta el final del archivo). No se ha firmado nada.',
  'signing.input.damaged': '{file}: el PDF está dañado ({detail}). No se ha firmado nada.',
  'signing.input.unreadable': '{file}: no se puede leer el archivo. No se ha firmado nada.',
  'signing.input.encrypted':
    '{file}: el PDF está cifrado; quite la contraseña antes de firmarlo. No se ha firmado nada.',
  'signing.input.certified':
    '{file}: el PDF está certificado sin permitir cambios (DocMDP); no admite más firmas. No se ha firmado nada.',
  'signing.input.noSuchPage': '{file}: no tiene página {page} (tiene {pages}). No se ha firmado nada.',
  'signing.input.outputExists':
    '{file}: ya existe en la carpeta de salida; no se sobrescribe. No se ha firmado nada.',
  'signing.input.sameAsOutput':
    '{file}: la carpeta de salida es la del original; elija otra. No se ha firmado nada.',
  'signing.input.tooLarge': '{file}: ocupa {size} MB y el máximo es {max} MB. No se ha firmado nada.',
  'signing.input.changed': '{file}: el archivo ha cambiado mientras se firmaba. No se ha guardado.',
  'signing.input.signaturesUnchecked':
    '{file}: ya lleva firmas y no se han podido comprobar; no se firma encima de firmas sin comprobar. No se ha firmado nada.',
  'signing.input.signatureChanged':
    '{file}: la firma «{field}» de {signer} ya no es válida: lo que firmó ha cambiado. Firmar ahora sellaría un documento alterado: pida al remitente el archivo original. No se ha firmado nada.',
  'signing.input.signatureDamaged':
    '{file}: la firma «{field}» de {signer} está dañada y no se puede comprobar. Firmar ahora sellaría un documento sin garantías: pida al remitente el archivo original. No se ha firmado nada.',
  'signing.input.signatureUnreadable':
    '{file}: la firma «{field}» está dañada; ni siquiera se puede leer quién la hizo. Pida al remitente el archivo original. No se ha firmado nada.',
  'signing.input.modifiedAfterSignature':
    '{file}: el documento se modificó después de la firma «{field}» de {signer}. Firmar ahora sellaría un documento alterado: pida al remitente el archivo original. No se ha firmado nada.',
  'signing.field.notFound': '{file}: no tiene ningún campo llamado «{field}». No se ha firmado nada.',
  'signing.field.notSignature': '{file}: el campo «{field}» no es un campo de firma. No se ha firmado nada.',
  'signing.field.alreadySigned':
    '{file}: el campo de firma «{field}» ya está firmado. No se ha firmado nada.',
  'signing.field.several':
    '{file}: tiene varios campos de firma vacíos ({fields}); indique cuál se firma (--field NOMBRE). No se ha firmado nada.',
  'signing.field.unusable':
    '{file}: el campo de firma «{field}» está mal formado y no se puede rellenar. No se ha firmado nada.',
  'signing.field.locked':
    '{file}: el campo «{field}» quedó bloqueado por la firma «{by}» y ya no admite cambios. No se ha firmado nada.',
  'signing.field.locksDocument':
    '{file}: el campo «{field}» pide bloquear todo el documento al firmarlo, y Despacho no hace firmas que bloqueen el documento. No se ha firmado nada.',
  'signing.seed.filter':
    '{file}: el campo «{field}» solo admite el gestor de firma {accepted}; Despacho firma con Adobe.PPKLite. No se ha firmado nada.',
  'signing.seed.subFilter':
    '{file}: el campo «{field}» solo admite firmas {accepted}; Despacho firma en PAdES (ETSI.CAdES.detached). No se ha firmado nada.',
  'signing.seed.digest':
    '{file}: el campo «{field}» exige el resumen {accepted}; elija uno de ellos (--hash). No se ha firmado nada.',
  'signing.seed.reason':
    '{file}: el campo «{field}» exige uno de estos motivos: {accepted} (--reason). No se ha firmado nada.',
  'signing.seed.noReason':
    '{file}: el campo «{field}» exige firmar sin motivo; quite --reason. No se ha firmado nada.',
  'signing.seed.timestamp':
    '{file}: el campo «{field}» exige un sello de tiempo; indique el servicio de sellado (--tsa). No se ha firmado nada.',
  'signing.seed.certification':
    '{file}: el campo «{field}» exige una firma de certificación (DocMDP) y Despacho hace firmas de aprobación. No se ha firmado nada.',
  'signing.seed.unsupported':
    '{file}: el campo «{field}» exige {entry}, que Despacho no puede cumplir. No se ha firmado nada.',
  'signing.seed.certificate.subject':
    '{file}: el campo «{field}» solo admite unos certificados concretos y este no es uno de ellos. No se ha firmado nada.',
  'signing.seed.certificate.issuer':
    '{file}: el campo «{field}» solo admite certificados de otras autoridades de certificación. No se ha firmado nada.',
  'signing.seed.certificate.subjectDn':
    '{file}: el campo «{field}» exige un certificado de otro titular. No se ha firmado nada.',
  'signing.seed.certificate.keyUsage':
    '{file}: el campo «{field}» exige un certificado con otros usos de clave. No se ha firmado nada.',
  'signing.seed.certificate.oid':
    '{file}: el campo «{field}» exige un certificado de otra política de certificación. No se ha firmado nada.',
  'signing.certificate.noNonRepudiation':
    'El certificado no sirve para firmar (no tiene el uso «no repudio»). No se ha firmado nada.',
  'signing.certificate.expired': 'El certificado caducó el {date}. No se ha firmado nada.',
  'signing.certificate.notYetValid': 'El certificado no es válido hasta el {date}. No se ha firmado nada.',
  'signing.tsa.unreachable':
    'No se puede contactar con el servicio de sellado de tiempo ({url}). El documento no se ha guardado.',
  'signing.tsa.http':
    'El servicio de sellado de tiempo ({url}) ha devuelto un error. El documento no se ha guardado.',
  'signing.tsa.rejected':
    'El servicio de sellado de tiempo ({url}) ha rechazado la petición. El documento no se ha guardado.',
  'signing.tsa.mismatch':
    'El sello de tiempo recibido de {url} no corresponde a esta firma. El documento no se ha guardado.',
  'signing.output.contentsTooSmall':
    'La firma ocupa {needed} bytes y el espacio reservado es de {reserved}: no se recorta. El documento no se ha guardado.',
  'signing.stamp.signedBy': 'Firmado por {name}',
  'signing.stamp.nif': 'NIF: {nif}',
  'signing.stamp.date': 'Fecha: {date}',
  'signing.stamp.resolution': 'Resolución n.º {number}',
  'signing.stamp.csv': 'CSV: {csv}',
  'signing.stamp.verify': 'Verificación: {url}',
  'signing.cli.signUsage':
    'Uso: despacho sign --module RUTA --token ETIQUETA (--key ETIQUETA | --cert-id HEX) --pin-stdin [--confirm-final-try] [--hash SHA-256|SHA-384|SHA-512] [--rsa-pss] [--tsa URL] [--visible PÁGINA,X,Y,ANCHO,ALTO] [--reason TEXTO] [--resolution NÚMERO] [--csv CÓDIGO] [--verify-url URL] [--field NOMBRE] ARCHIVO... --out CARPETA',
  'signing.cli.verifyUsage': 'Uso: despacho verify ARCHIVO... [--json]',
  'signing.cli.badOption': 'Opción no válida: {option}.',
  'signing.cli.pinRequired':
    'Falta --pin-stdin: el PIN se lee de la entrada estándar y nunca de la línea de órdenes.',
  'signing.cli.pinEmpty': 'No se ha recibido ningún PIN por la entrada estándar.',
  'signing.cli.outDirMissing': 'La carpeta de salida {dir} no existe.',
  'signing.cli.badVisible':
    '--visible espera PÁGINA,X,Y,ANCHO,ALTO en puntos PDF (por ejemplo 1,350,40,220,80).',
  'signing.cli.signed': '{file} → {output} ({field})',
  'signing.cli.done': 'Documentos firmados: {count}.',
  'signing.cli.partial': 'Lote interrumpido: {done} firmados y completos, {pending} sin tocar.',
  'signing.cli.untouched': 'Sin firmar, intacto: {file}',
  'signing.verify.noSignatures': '{file}: no tiene firmas.',
  'signing.verify.unreadable': '{file}: no se puede leer como PDF ({detail}).',
  'signing.verify.header': '{file}: {count} firmas',
  'signing.verify.header.one': '{file}: 1 firma',
  'signing.verify.signature': 'Firma {index} ({field}): {verdict}',
  'signing.verify.verdict.valid': 'VÁLIDA',
  'signing.verify.verdict.invalid': 'NO VÁLIDA',
  'signing.verify.verdict.indeterminate': 'INDETERMINADA (emisor desconocido)',
  'signing.verify.verdict.training': 'FIRMA DE FORMACIÓN (sin validez)',
  'signing.verify.signer': '  Firmante: {name}, NIF {nif}',
  'signing.verify.organization': '  Organización: {organization}; cargo: {position}',
  'signing.verify.issuer': '  Emisor: {issuer}',
  'signing.verify.integrity.ok': '  Integridad: el contenido firmado no ha cambiado',
  'signing.verify.integrity.broken': '  Integridad: el contenido firmado HA CAMBIADO',
  'signing.verify.cms.ok': '  Firma criptográfica: correcta',
  'signing.verify.cms.broken': '  Firma criptográfica: INCORRECTA ({detail})',
  'signing.verify.chain.valid': '  Cadena de confianza: válida hasta {anchor}',
  'signing.verify.chain.unknown': '  Cadena de confianza: emisor desconocido',
  'signing.verify.chain.invalid': '  Cadena de confianza: NO VÁLIDA ({detail})',
  'signing.verify.chain.training': '  Cadena de confianza: AC de formación (firma de prácticas)',
  'signing.verify.time.timestamp': '  Momento de la firma: {date} (sello de tiempo)',
  'signing.verify.time.claimed':
    '  Momento de la firma: {date} (declarado por el firmante en /M, sin sello de tiempo)',
  'signing.verify.time.certValid': '  El certificado era válido en ese momento',
  'signing.verify.time.certInvalid': '  El certificado NO era válido en ese momento',
  'signing.verify.timestamp.ok': '  Sello de tiempo: correcto ({tsa})',
  'signing.verify.timestamp.broken': '  Sello de tiempo: INCORRECTO ({detail})',
  'signing.verify.revision': '  Cubre la revisión {revision} de {total}',
  'signing.verify.changes.none': '  Cambios posteriores: ninguno',
  'signing.verify.changes.signatures': '  Cambios posteriores: solo firmas y anotaciones',
  'signing.verify.changes.content': '  Cambios posteriores: EL CONTENIDO HA CAMBIADO ({objects})',
  'signing.verify.format': '  Formato: {format}',
  'signing.verify.format.pades-b-b': 'PAdES B-B',
  'signing.verify.format.pades-b-t': 'PAdES B-T (con sello de tiempo)',
  'signing.verify.format.cades-not-baseline':
    'CAdES que no cumple PAdES básico (lleva signing-time o le falta signing-certificate-v2)',
  'signing.verify.format.not-pades': 'no es PAdES',
} as const;
