/** The resolutions book: its screen, its export (CSV and the yearly PDF) and `despacho csv`. */
export const book = {
  'book.title': 'Libro de resoluciones',
  'book.nav': 'Libro de resoluciones',
  'book.scope.city_hall': 'Todo el libro del ayuntamiento: las resoluciones firmadas de todos los servicios.',
  'book.scope.department': 'Las resoluciones de los expedientes de su servicio.',
  'book.search.label': 'Buscar en el libro',
  'book.search.year': 'Año',
  'book.search.number': 'Número',
  'book.search.numberHint': 'Por ejemplo, 123 o 2026/000123',
  'book.search.numberInvalid': 'Escriba un número del libro: hasta seis cifras, o año/número (2026/000123).',
  'book.search.case': 'Expediente',
  'book.search.signer': 'Firmante',
  'book.search.from': 'Desde',
  'book.search.to': 'Hasta',
  'book.search.rangeInvalid': 'La fecha «Hasta» es anterior a «Desde».',
  'book.search.clear': 'Limpiar la búsqueda',
  'book.count': '{count} resoluciones',
  'book.count.one': '{count} resolución',
  'book.count.other': '{count} resoluciones',
  'book.empty': 'Ninguna resolución coincide con la búsqueda.',
  'book.updating': 'Buscando…',
  'book.list.label': 'Libro de resoluciones de {year}',
  'book.shortcuts':
    'Teclado: ↑ ↓ para moverse, Inicio/Fin, RePág/AvPág; Intro abre el expediente si es de su servicio.',
  'book.page.status': 'Página {page} de {pages}',
  'book.page.previous': 'Página anterior',
  'book.page.next': 'Página siguiente',
  'book.col.number': 'Número',
  'book.col.signedAt': 'Fecha y hora',
  'book.col.signedAtMadrid': 'Fecha y hora (Madrid)',
  'book.col.case': 'Expediente',
  'book.col.procedure': 'Procedimiento',
  'book.col.signer': 'Firmante',
  'book.col.nifMasked': 'NIF (enmascarado)',
  'book.col.csv': 'Código CSV',
  'book.col.sha256': 'SHA-256 del documento firmado',
  'book.nif': 'NIF {nif}',
  'book.nifUnknown': 'NIF no disponible',
  'book.detail.heading': 'Resolución {label}',
  'book.detail.openCase': 'Abrir el expediente {number}',
  'book.detail.otherDepartment': 'Este expediente solo lo abren quienes tramitan o dirigen su servicio.',

  'book.cli.usage': 'Uso: despacho book export --year AAAA --format csv|pdf --out FICHERO [--data CARPETA]',
  'book.cli.badYear': 'El año «{year}» no vale: escriba las cuatro cifras, por ejemplo 2026.',
  'book.cli.badFormat': 'El formato «{format}» no existe: use csv o pdf.',
  'book.cli.outExists': 'El fichero {path} ya existe y no se sobrescribe: elija otro nombre o bórrelo antes.',
  'book.cli.outFolderMissing': 'La carpeta donde iría {path} no existe.',
  'book.cli.outUnwritable': 'No se puede escribir {path} ({detail}). No se ha dejado nada a medias.',
  'book.cli.written': 'Libro de resoluciones de {year}: {count} resoluciones escritas en {path}.',
  'book.cli.written.one': 'Libro de resoluciones de {year}: {count} resolución escrita en {path}.',

  'book.csv.usage': 'Uso: despacho csv CÓDIGO [--data CARPETA]',
  'book.csv.malformed':
    '«{code}» no es un código seguro de verificación: tiene 20 letras y cifras, sin 0, 1, I ni O.',
  'book.csv.unknown':
    'Ningún documento de este ayuntamiento tiene el código {code}. Compruebe que lo ha copiado bien.',
  'book.csv.missing':
    'El código {code} es de la resolución {number}, pero su fichero no está en el almacén o no es el que se firmó: avise a la administración del sistema.',
  'book.csv.document': 'Resolución n.º {number}',
  'book.csv.signedAt': 'Fecha: {date}',
  'book.csv.case': 'Expediente: {case} · {procedure}',
  'book.csv.signature': 'Firma {index}: {verdict}',
  'book.csv.signer': '  Firmante: {name} · NIF {nif}',
  'book.csv.time': '  Firmada: {date}',
  'book.csv.noSignatures': 'El documento no tiene ninguna firma.',
  'book.csv.result.valid': 'Documento auténtico: todas sus firmas son válidas.',
  'book.csv.result.training': 'Documento de prácticas: sus firmas no tienen validez.',
  'book.csv.result.notValid': 'Este documento no se puede dar por auténtico: alguna firma no es válida.',

  'book.pdf.title': 'Libro de resoluciones · {year}',
  'book.pdf.opening.heading': 'DILIGENCIA DE APERTURA',
  'book.pdf.opening.text':
    'Para hacer constar que el presente libro de resoluciones del año {year} ({issuer}) se abre con la resolución n.º {first}, firmada el {date}. Recoge, por su número, las resoluciones firmadas electrónicamente en el año; cada una se conserva en su expediente y se puede comprobar con su código seguro de verificación (CSV) en {url}.',
  'book.pdf.opening.empty':
    'Para hacer constar que el presente libro de resoluciones del año {year} ({issuer}) se abre sin ninguna resolución firmada.',
  'book.pdf.entries.heading': 'RESOLUCIONES',
  'book.pdf.nif': 'NIF {nif}',
  'book.pdf.codes': 'CSV {csv} · SHA-256 {sha256}',
  'book.pdf.annulled': 'NÚMERO ANULADO: ninguna resolución lo tomó en el año.',
  'book.pdf.pending': 'Número libre: lo tomará la próxima resolución que se firme.',
  'book.pdf.closing.heading': 'DILIGENCIA DE CIERRE',
  'book.pdf.closing.text':
    'Para hacer constar que el presente libro de resoluciones del año {year} se cierra con {count} resoluciones, de la n.º {first} a la n.º {last}.',
  'book.pdf.closing.text.one':
    'Para hacer constar que el presente libro de resoluciones del año {year} se cierra con una sola resolución, la n.º {first}.',
  'book.pdf.closing.empty':
    'Para hacer constar que el presente libro de resoluciones del año {year} se cierra sin ninguna resolución.',
  'book.pdf.closing.annulled':
    'Quedaron sin utilizar, y se declaran anulados, los números {numbers} ({count} en total).',
  'book.pdf.closing.annulled.one': 'Quedó sin utilizar, y se declara anulado, el número {numbers}.',
  'book.pdf.closing.noneAnnulled': 'No quedó ningún número sin utilizar.',
  'book.pdf.certifiedOn': 'Se extiende el {date}.',
  'book.pdf.open.heading': 'ESTADO DEL LIBRO (AÑO EN CURSO)',
  'book.pdf.open.text':
    'El libro del año {year} sigue abierto: el {date} recoge {count} resoluciones, de la n.º {first} a la n.º {last}. La diligencia de cierre se extiende cuando termina el año.',
  'book.pdf.open.text.one':
    'El libro del año {year} sigue abierto: el {date} recoge una resolución, la n.º {first}. La diligencia de cierre se extiende cuando termina el año.',
  'book.pdf.open.empty':
    'El libro del año {year} sigue abierto y el {date} no recoge ninguna resolución. La diligencia de cierre se extiende cuando termina el año.',
  'book.pdf.open.pending':
    'Los números {numbers} están libres: los tomarán las próximas resoluciones que se firmen, de modo que el libro no tendrá huecos.',
  'book.pdf.open.pending.one':
    'El número {numbers} está libre: lo tomará la próxima resolución que se firme, de modo que el libro no tendrá huecos.',
  'book.pdf.footer': 'Libro de resoluciones {year} · {issuer} · Página {page} de {pages}',
  'book.pdf.generated': 'generado el {date}',
} as const;
