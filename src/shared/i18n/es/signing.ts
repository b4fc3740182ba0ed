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
    'Uso: despacho sign --module RUTA --token ETIQUETA (--key ETIQUETA | --cert-id HEX) --pin-stdin [--confirm-final-try] [--hash SHA-256|SHA-384|SHA-512] [--rsa-pss] [--tsa URL] [--visible PÁGINA,X,Y,ANCHO,ALTO] [--reason TEXTO] [--resolution NÚMERO] [--csv CÓDIGO] [--verify-url URL] ARCHIVO... --out CARPETA',
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
