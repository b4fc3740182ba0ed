import type { deadlines as es } from '../es/deadlines';

export const deadlines: Record<keyof typeof es, string> = {
  'deadlines.cli.usage':
    'Ús: despacho deadline --from DATA (--days N | --natural-days N | --months N) [--municipality M] [--applicant-municipality M]\n' +
    '  DATA: AAAA-MM-DD, o un instant ISO amb zona horària (2026-03-27T09:30:00Z).\n' +
    '  --municipality: municipi de l’òrgan (per defecte, {body}); --applicant-municipality: el de la persona interessada.\n' +
    '  Municipis amb calendari: {municipalities}.',
  'deadlines.cli.unknownOption': 'Opció desconeguda: {option}.',
  'deadlines.cli.missingValue': 'Falta el valor de {option}.',
  'deadlines.cli.repeatedOption': 'L’opció {option} apareix dues vegades.',
  'deadlines.cli.missingFrom': 'Falta --from: la data (o l’instant) d’entrada en el registre.',
  'deadlines.cli.badDate': '«{value}» no és una data AAAA-MM-DD ni un instant ISO amb zona horària.',
  'deadlines.cli.oneTerm': 'Indiqueu exactament un termini: --days, --natural-days o --months.',
  'deadlines.cli.badAmount': 'El termini de {option} ha de ser un nombre enter positiu, no «{value}».',
  'deadlines.cli.unknownMunicipality':
    'No hi ha calendari local per a «{value}». Municipis amb calendari: {municipalities}.',
  'deadlines.cli.missingYear':
    'No hi ha calendari de dies inhàbils per a {year}: no es pot calcular el termini. Afegiu els fitxers d’eixe any a resources/calendars (vegeu-ne el README).',
  'deadlines.cli.missingYearLocal':
    'No hi ha calendari de dies inhàbils de {municipality} per a {year}: no es pot calcular el termini. Afegiu-lo a resources/calendars (vegeu-ne el README).',
  'deadlines.cli.badData': 'El fitxer de calendari {file} no és vàlid: {detail}',
  'deadlines.due': 'Venciment: {date} ({iso}).',
  'deadlines.rule.none': 'Cap regla no ha mogut el venciment: còmput des de l’endemà del {filed} (art. 30).',
  'deadlines.rule.filed_on_non_business_day':
    'Presentat en dia inhàbil ({registered}): s’entén presentat el {filed} i el termini compta des de l’endemà (art. 31.2).',
  'deadlines.rule.month_has_no_such_day':
    'El mes de venciment no té eixe dia: el termini acaba l’últim dia del mes (art. 30.4).',
  'deadlines.rule.last_day_not_business_day':
    'L’últim dia del termini ({nominal}) és inhàbil: venç el dia hàbil següent (art. 30.5).',
};
