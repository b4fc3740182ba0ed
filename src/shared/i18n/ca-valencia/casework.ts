import type { casework as es } from '../es/casework';

export const casework: Record<keyof typeof es, string> = {
  'casework.notes.title': 'Notes internes',
  'casework.notes.hint': 'Només les veu el servei: mai no s’envien ni es mostren a la persona interessada.',
  'casework.notes.none': 'Encara no hi ha notes.',
  'casework.notes.label': 'Nota nova',
  'casework.notes.add': 'Afegir nota',
  'casework.notes.added': 'Nota afegida.',
  'casework.notes.empty': 'Escriviu la nota abans d’afegir-la.',
  'casework.notes.byline': '{name} · {when}',
  'casework.notes.counter': '{count} de {max} caràcters',

  'casework.report.open': 'Afegir informe',
  'casework.report.title': 'Afegir un informe a l’expedient {number}',
  'casework.report.description':
    'L’informe s’incorpora com a document de l’expedient (tipus informe, TD13, elaborat per l’Administració).',
  'casework.report.source': 'Origen de l’informe',
  'casework.report.fromTemplate': 'Redactar-lo a partir d’una plantilla',
  'casework.report.fromFile': 'Pujar un PDF',
  'casework.report.template': 'Plantilla',
  'casework.report.locale': 'Llengua de l’informe',
  'casework.report.body': 'Text de l’informe',
  'casework.report.documentTitle': 'Títol del document',
  'casework.report.file': 'Fitxer PDF',
  'casework.report.fileHint': 'Només fitxers PDF, de fins a {max}.',
  'casework.report.add': 'Afegir informe',
  'casework.report.cancel': 'Cancel·lar',
  'casework.report.added': 'Informe «{title}» afegit a l’expedient.',
  'casework.report.document.signOff': '{name}, {position}. {date}.',

  'casework.file.tooLarge':
    'El fitxer «{name}» ocupa {size} i el màxim és {max}. Reduïu-lo (per exemple, imprimint-lo de nou com a PDF) o dividiu-lo, i torneu a triar-lo. No s’ha enviat res.',
  'casework.file.notPdf':
    'El fitxer «{name}» no és un PDF. Trieu un PDF (no una imatge ni un document de text). No s’ha enviat res.',
  'casework.file.unreadable': 'No s’ha pogut llegir el fitxer «{name}». Torneu a triar-lo.',

  'casework.conflict':
    'Un altre lloc de treball ha canviat este expedient mentre treballàveu. La pàgina ja mostra les dades actuals: reviseu-les i torneu-ho a intentar. El que havíeu escrit continua en el formulari; no s’ha guardat res dues vegades.',

  'casework.withdrawal.title': 'Desistiment',
  'casework.withdrawal.none': 'No consta cap desistiment.',
  'casework.withdrawal.applicant':
    'La persona interessada va desistir (art. 94), per un escrit presentat el {date}.',
  'casework.withdrawal.applicantRegistry': 'Assentament de registre: {number}.',
  'casework.withdrawal.applicantDocument': 'El seu escrit està entre els documents de l’expedient.',
  'casework.withdrawal.deemed':
    'Es té per desistida la sol·licitud (art. 68.1): el requeriment d’esmena es va notificar el {notified} i el termini va acabar el {ended} sense resposta.',
  'casework.withdrawal.recorded': 'Registrat per {name} el {when}.',
  'casework.withdrawal.next':
    'Pas següent: redacteu la resolució que ho declara (en «Resolució», ja ix de la seua plantilla) i envieu-la a signar.',
  'casework.withdrawal.register': 'Registrar desistiment',
  'casework.withdrawal.registerTitle': 'Registrar el desistiment de l’expedient {number} (art. 94)',
  'casework.withdrawal.registerDescription':
    'La persona interessada desistix de la sol·licitud. Indiqueu com ho va fer: per un assentament de registre o amb el seu escrit en PDF. Després es redactarà la resolució que accepta el desistiment, perquè la signe la direcció del servei.',
  'casework.withdrawal.evidence': 'Com el va presentar',
  'casework.withdrawal.byRegistry': 'Assentament de registre d’entrada',
  'casework.withdrawal.byFile': 'Escrit en PDF',
  'casework.withdrawal.registryNumber': 'Número de l’assentament',
  'casework.withdrawal.filedOn': 'Data de presentació',
  'casework.withdrawal.confirm': 'Registrar desistiment',
  'casework.withdrawal.registered': 'Desistiment registrat. Redacteu ara la resolució que el declara.',
  'casework.withdrawal.documentTitle': 'Escrit de desistiment',
  'casework.withdrawal.writtenRequest': 'escrit incorporat a l’expedient',
  'casework.withdrawal.deem': 'Tindre per desistida',
  'casework.withdrawal.deemTitle': 'Tindre per desistida la sol·licitud de l’expedient {number} (art. 68.1)',
  'casework.withdrawal.deemDescription':
    'El requeriment d’esmena no s’ha atés. El termini de 10 dies hàbils comença l’endemà de la notificació; si ja ha acabat, es redactarà la resolució que té per desistida la sol·licitud.',
  'casework.withdrawal.notifiedOn': 'Data de notificació del requeriment',
  'casework.withdrawal.notifiedOnHint':
    'Si el requeriment es va fer en Despacho, deixeu-la en blanc: es prenen la seua data i el seu termini (amb l’ampliació, si n’hi va haver).',
  'casework.withdrawal.deemConfirm': 'Tindre per desistida',
  'casework.withdrawal.deemed.done':
    'Consta el desistiment per falta d’esmena. Redacteu ara la resolució que el declara.',
  'casework.cancel': 'Cancel·lar',

  'casework.timeline.title': 'Cronologia',
  'casework.timeline.filter': 'Mostrar',
  'casework.timeline.kind.all': 'Tot',
  'casework.timeline.kind.state': 'Canvis d’estat',
  'casework.timeline.kind.assignment': 'Assignacions',
  'casework.timeline.kind.documents': 'Documents i informes',
  'casework.timeline.kind.notes': 'Notes',
  'casework.timeline.kind.signatures': 'Signatures',
  'casework.timeline.kind.other': 'Altres',
  'casework.timeline.search': 'Cercar en la cronologia',
  'casework.timeline.count': '{shown} de {total} anotacions',
  'casework.timeline.none': 'Cap anotació no coincidix amb el filtre.',
  'casework.timeline.hint': 'Feu servir les fletxes, Inici i Fi per a recórrer la llista.',
  'casework.timeline.details': 'Detalls',

  'casework.shortcuts.title': 'Dreceres de teclat',
  'casework.shortcuts.open': 'Dreceres de teclat',
  'casework.shortcuts.description':
    'Funcionen en la pàgina de l’expedient, fora dels camps de text (mentre escriviu, les tecles escriuen).',
  'casework.shortcuts.key': 'Tecla',
  'casework.shortcuts.action': 'Acció',
  'casework.shortcuts.help': 'Mostrar esta ajuda',
  'casework.shortcuts.claim': 'Assignar-me l’expedient',
  'casework.shortcuts.document': 'Anar als documents (per a obrir-ne un)',
  'casework.shortcuts.note': 'Escriure una nota interna',
  'casework.shortcuts.report': 'Afegir un informe',
  'casework.shortcuts.timeline': 'Anar a la cronologia',
  'casework.shortcuts.back': 'Tornar a la llista',
  'casework.shortcuts.close': 'Tancar',

  'history.action.casework.note_added': 'Afig una nota interna',
  'history.action.casework.report_added': 'Afig l’informe «{title}»',
  'history.action.casework.withdrawal_registered': 'Registra el desistiment presentat el {filedOn} (art. 94)',
  'history.action.casework.deemed_withdrawn':
    'Té per desistida la sol·licitud: termini d’esmena notificat el {notifiedOn}, acabat el {termEndedOn} (art. 68.1)',

  'errors.invalid_input.not_pdf': 'El fitxer no és un PDF vàlid. Trieu un PDF i torneu-ho a intentar.',
  'errors.invalid_input.pdf_encrypted':
    'El PDF està xifrat o protegit amb contrasenya, i l’expedient no el pot conservar així. Pugeu-lo sense protecció.',
  'errors.invalid_input.too_large': 'El fitxer supera la mida màxima ({max} bytes).',
  'errors.invalid_input.notification_date_needed':
    'No consta en Despacho el requeriment d’esmena d’este expedient: indiqueu el dia en què es va notificar.',
  'errors.invalid_transition.case_closed': 'L’expedient ja està tancat: no admet este canvi.',
  'errors.invalid_transition.already_withdrawn':
    'Ja consta un desistiment en este expedient; no es registra dues vegades.',
  'errors.invalid_transition.not_awaiting_amendment':
    'Art. 68.1: només es té per desistida la sol·licitud d’un expedient que espera l’esmena.',
  'errors.invalid_transition.amendment_term_running':
    'Art. 68.1: el termini d’esmena acaba el {termEndsOn}. Fins que no acabe eixe dia no es pot tindre per desistida la sol·licitud.',
};
