import type { book as es } from '../es/book';

export const book: Record<keyof typeof es, string> = {
  'book.title': 'Llibre de resolucions',
  'book.nav': 'Llibre de resolucions',
  'book.scope.city_hall': 'Tot el llibre de l’ajuntament: les resolucions signades de tots els servicis.',
  'book.scope.department': 'Les resolucions dels expedients del vostre servici.',
  'book.search.label': 'Cercar en el llibre',
  'book.search.year': 'Any',
  'book.search.number': 'Número',
  'book.search.numberHint': 'Per exemple, 123 o 2026/000123',
  'book.search.numberInvalid':
    'Escriviu un número del llibre: fins a sis xifres, o any/número (2026/000123).',
  'book.search.case': 'Expedient',
  'book.search.signer': 'Signant',
  'book.search.from': 'Des de',
  'book.search.to': 'Fins a',
  'book.search.rangeInvalid': 'La data «Fins a» és anterior a «Des de».',
  'book.search.clear': 'Netejar la cerca',
  'book.count': '{count} resolucions',
  'book.count.one': '{count} resolució',
  'book.count.other': '{count} resolucions',
  'book.empty': 'Cap resolució no coincidix amb la cerca.',
  'book.updating': 'S’està cercant…',
  'book.list.label': 'Llibre de resolucions de {year}',
  'book.shortcuts':
    'Teclat: ↑ ↓ per a moure-vos, Inici/Fi, RePàg/AvPàg; Intro obri l’expedient si és del vostre servici.',
  'book.page.status': 'Pàgina {page} de {pages}',
  'book.page.previous': 'Pàgina anterior',
  'book.page.next': 'Pàgina següent',
  'book.col.number': 'Número',
  'book.col.signedAt': 'Data i hora',
  'book.col.signedAtMadrid': 'Data i hora (Madrid)',
  'book.col.case': 'Expedient',
  'book.col.procedure': 'Procediment',
  'book.col.signer': 'Signant',
  'book.col.nifMasked': 'NIF (emmascarat)',
  'book.col.csv': 'Codi CSV',
  'book.col.sha256': 'SHA-256 del document signat',
  'book.nif': 'NIF {nif}',
  'book.nifUnknown': 'NIF no disponible',
  'book.detail.heading': 'Resolució {label}',
  'book.detail.openCase': 'Obrir l’expedient {number}',
  'book.detail.otherDepartment': 'Este expedient només l’obrin els qui tramiten o dirigixen el seu servici.',

  'book.cli.usage': 'Ús: despacho book export --year AAAA --format csv|pdf --out FITXER [--data CARPETA]',
  'book.cli.badYear': 'L’any «{year}» no val: escriviu les quatre xifres, per exemple 2026.',
  'book.cli.badFormat': 'El format «{format}» no existix: useu csv o pdf.',
  'book.cli.outExists':
    'El fitxer {path} ja existix i no se sobreescriu: trieu un altre nom o esborreu-lo abans.',
  'book.cli.outFolderMissing': 'La carpeta on aniria {path} no existix.',
  'book.cli.outUnwritable': 'No es pot escriure {path} ({detail}). No s’ha deixat res a mitges.',
  'book.cli.written': 'Llibre de resolucions de {year}: {count} resolucions escrites en {path}.',
  'book.cli.written.one': 'Llibre de resolucions de {year}: {count} resolució escrita en {path}.',

  'book.csv.usage': 'Ús: despacho csv CODI [--data CARPETA]',
  'book.csv.malformed':
    '«{code}» no és un codi segur de verificació: té 20 lletres i xifres, sense 0, 1, I ni O.',
  'book.csv.unknown': 'Cap document d’este ajuntament no té el codi {code}. Comproveu que l’heu copiat bé.',
  'book.csv.missing':
    'El codi {code} és de la resolució {number}, però el fitxer no està en el magatzem o no és el que es va signar: aviseu l’administració del sistema.',
  'book.csv.document': 'Resolució núm. {number}',
  'book.csv.signedAt': 'Data: {date}',
  'book.csv.case': 'Expedient: {case} · {procedure}',
  'book.csv.signature': 'Signatura {index}: {verdict}',
  'book.csv.signer': '  Signant: {name} · NIF {nif}',
  'book.csv.time': '  Signada: {date}',
  'book.csv.noSignatures': 'El document no té cap signatura.',
  'book.csv.result.valid': 'Document autèntic: totes les signatures són vàlides.',
  'book.csv.result.training': 'Document de pràctiques: les signatures no tenen validesa.',
  'book.csv.result.notValid': 'Este document no es pot donar per autèntic: alguna signatura no és vàlida.',

  'book.pdf.title': 'Llibre de resolucions · {year}',
  'book.pdf.opening.heading': 'DILIGÈNCIA D’OBERTURA',
  'book.pdf.opening.text':
    'Per a fer constar que el present llibre de resolucions de l’any {year} ({issuer}) s’obri amb la resolució núm. {first}, signada el {date}. Recull, pel seu número, les resolucions signades electrònicament en l’any; cadascuna es conserva en el seu expedient i es pot comprovar amb el seu codi segur de verificació (CSV) en {url}.',
  'book.pdf.opening.empty':
    'Per a fer constar que el present llibre de resolucions de l’any {year} ({issuer}) s’obri sense cap resolució signada.',
  'book.pdf.entries.heading': 'RESOLUCIONS',
  'book.pdf.nif': 'NIF {nif}',
  'book.pdf.codes': 'CSV {csv} · SHA-256 {sha256}',
  'book.pdf.annulled': 'NÚMERO ANUL·LAT: cap resolució no el va prendre en l’any.',
  'book.pdf.pending': 'Número lliure: el prendrà la pròxima resolució que se signe.',
  'book.pdf.closing.heading': 'DILIGÈNCIA DE TANCAMENT',
  'book.pdf.closing.text':
    'Per a fer constar que el present llibre de resolucions de l’any {year} es tanca amb {count} resolucions, de la núm. {first} a la núm. {last}.',
  'book.pdf.closing.text.one':
    'Per a fer constar que el present llibre de resolucions de l’any {year} es tanca amb una sola resolució, la núm. {first}.',
  'book.pdf.closing.empty':
    'Per a fer constar que el present llibre de resolucions de l’any {year} es tanca sense cap resolució.',
  'book.pdf.closing.annulled':
    'Van quedar sense utilitzar, i es declaren anul·lats, els números {numbers} ({count} en total).',
  'book.pdf.closing.annulled.one': 'Va quedar sense utilitzar, i es declara anul·lat, el número {numbers}.',
  'book.pdf.closing.noneAnnulled': 'No va quedar cap número sense utilitzar.',
  'book.pdf.certifiedOn': 'S’estén el {date}.',
  'book.pdf.open.heading': 'ESTAT DEL LLIBRE (ANY EN CURS)',
  'book.pdf.open.text':
    'El llibre de l’any {year} continua obert: el {date} recull {count} resolucions, de la núm. {first} a la núm. {last}. La diligència de tancament s’estén quan acaba l’any.',
  'book.pdf.open.text.one':
    'El llibre de l’any {year} continua obert: el {date} recull una resolució, la núm. {first}. La diligència de tancament s’estén quan acaba l’any.',
  'book.pdf.open.empty':
    'El llibre de l’any {year} continua obert i el {date} no recull cap resolució. La diligència de tancament s’estén quan acaba l’any.',
  'book.pdf.open.pending':
    'Els números {numbers} estan lliures: els prendran les pròximes resolucions que se signen, de manera que el llibre no tindrà buits.',
  'book.pdf.open.pending.one':
    'El número {numbers} està lliure: el prendrà la pròxima resolució que se signe, de manera que el llibre no tindrà buits.',
  'book.pdf.footer': 'Llibre de resolucions {year} · {issuer} · Pàgina {page} de {pages}',
  'book.pdf.generated': 'generat el {date}',
};
