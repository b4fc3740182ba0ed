import type { deadlines as es } from '../es/deadlines';

export const deadlines: Record<keyof typeof es, string> = {
  'deadlines.cli.usage':
    'Ús: despacho deadline (--filed INSTANT | --notified DATA) (--days N | --natural-days N | --months N)\n' +
    '                      [--applicant-municipality M] [--suspended DES-DE..FINS-A]... [--municipality M] [--json]\n' +
    '  --filed: entrada en el registre (AAAA-MM-DD o instant ISO amb zona, 2026-03-27T09:30:00Z): el termini per a\n' +
    '           resoldre compta des d’eixa data, encara que siga inhàbil (art. 21.3.b i 31.2.c). --from és un àlies de --filed.\n' +
    '  --notified: data de la notificació: el termini compta des de l’endemà (art. 30.3 i 30.4).\n' +
    '  --applicant-municipality: municipi de la persona interessada (nom o codi INE); els seus festius compten (art. 30.6).\n' +
    '  --suspended DES-DE..FINS-A (repetible): el termini va estar suspés des de la notificació del requeriment\n' +
    '           (DES-DE) fins a la resposta o la fi del termini concedit (FINS-A); se sumen FINS-A − DES-DE dies naturals\n' +
    '           a l’últim dia del termini, i només després es passa a dia hàbil (art. 22.1.a i 30.5).\n' +
    '  --municipality: municipi de l’òrgan (per defecte, {body}). --json: el resultat complet en JSON.\n' +
    '  Municipis amb calendari local: {count} (resources/calendars/README.md); qualsevol altre, pel seu codi INE,\n' +
    '  compta el calendari de la seua comunitat autònoma.',
  'deadlines.cli.unknownOption': 'Opció desconeguda: {option}.',
  'deadlines.cli.missingValue': 'Falta el valor de {option}.',
  'deadlines.cli.repeatedOption': 'L’opció {option} apareix dues vegades.',
  'deadlines.cli.missingStart':
    'Indiqueu l’inici del termini: --filed (entrada en el registre; àlies --from) o --notified (notificació).',
  'deadlines.cli.oneStart': 'Indiqueu un sol inici: --filed (o el seu àlies --from) o --notified.',
  'deadlines.cli.badDate': '«{value}» no és una data AAAA-MM-DD ni un instant ISO amb zona horària.',
  'deadlines.cli.badNotifiedDate': '«{value}» no és una data de notificació AAAA-MM-DD.',
  'deadlines.cli.badSuspension': '«{value}» no és una suspensió DES-DE..FINS-A amb dues dates AAAA-MM-DD.',
  'deadlines.cli.invalidSuspension':
    'Les suspensions no encaixen en el termini: cadascuna comença no abans de l’inici ni després de l’últim dia del termini en curs, no acaba abans de començar i no se solapa amb una altra.',
  'deadlines.cli.oneTerm': 'Indiqueu exactament un termini: --days, --natural-days o --months.',
  'deadlines.cli.badAmount': 'El termini de {option} ha de ser un nombre enter positiu, no «{value}».',
  'deadlines.cli.unknownMunicipality':
    'No hi ha calendari local per a «{value}»: indiqueu el municipi de l’òrgan per un nom o codi INE dels {count} amb calendari (resources/calendars/README.md).',
  'deadlines.cli.missingYear':
    'No hi ha calendari de dies inhàbils per a {year}: no es pot calcular el termini. Afegiu els fitxers d’eixe any a resources/calendars (vegeu-ne el README).',
  'deadlines.cli.missingYearLocal':
    'No hi ha calendari de dies inhàbils de {municipality} per a {year}: no es pot calcular el termini. Afegiu-lo a resources/calendars (vegeu-ne el README).',
  'deadlines.cli.badData': 'El fitxer de calendari {file} no és vàlid: {detail}',
  'deadlines.due': 'Venciment: {date} ({iso}).',
  'deadlines.start.registry_entry':
    'Inici: entrada en el registre el {date} a les {time} (hora de Madrid). El termini per a resoldre i notificar compta des d’eixa data i hora, encara que siga dia inhàbil (art. 21.3.b i 31.2.c): el còmput comença l’endemà.',
  'deadlines.start.registry_entry_day':
    'Inici: entrada en el registre el {date}. El termini per a resoldre i notificar compta des d’eixa data, encara que siga dia inhàbil (art. 21.3.b i 31.2.c): el còmput comença l’endemà.',
  'deadlines.start.notification':
    'Inici: notificació el {date}. El termini compta des de l’endemà, sense traslladar-lo a un dia hàbil (art. 30.3 i 30.4).',
  'deadlines.term.business_days':
    'Termini: {count} dies hàbils, sense dissabtes, diumenges ni festius (art. 30.2); últim dia: {nominal}.',
  'deadlines.term.business_days.one':
    'Termini: 1 dia hàbil, sense dissabtes, diumenges ni festius (art. 30.2); últim dia: {nominal}.',
  'deadlines.term.natural_days': 'Termini: {count} dies naturals; últim dia: {nominal}.',
  'deadlines.term.natural_days.one': 'Termini: 1 dia natural; últim dia: {nominal}.',
  'deadlines.term.months': 'Termini: {count} mesos, de data a data (art. 30.4); últim dia: {nominal}.',
  'deadlines.term.months.one': 'Termini: 1 mes, de data a data (art. 30.4); últim dia: {nominal}.',
  'deadlines.skipped.count': 'Dies inhàbils que no es compten:',
  'deadlines.skipped.final_move': 'Dies inhàbils que se salten al final (art. 30.5):',
  'deadlines.skipped.weekend': '- {date}: cap de setmana (art. 30.2).',
  'deadlines.skipped.holidays': '- {date}: {holidays}.',
  'deadlines.holiday.national': '{name}, festa nacional (font: {source})',
  'deadlines.holiday.regional': '{name}, festa autonòmica ({place}) (font: {source})',
  'deadlines.holiday.local': '{name}, festa local ({place}) (font: {source})',
  'deadlines.onlyIn.applicant':
    '  El {day} és festiu en el municipi de la persona interessada, {place}, i no en el de l’òrgan: és inhàbil en tot cas (art. 30.6).',
  'deadlines.onlyIn.body':
    '  El {day} és festiu en el municipi de l’òrgan, {place}, i no en el de la persona interessada: és inhàbil en tot cas (art. 30.6).',
  'deadlines.suspension':
    'Suspensió del {from} al {to}: {count} dies naturals (art. 22.1.a, el temps entre la notificació del requeriment i el seu compliment).',
  'deadlines.suspension.one':
    'Suspensió del {from} al {to}: 1 dia natural (art. 22.1.a, el temps entre la notificació del requeriment i el seu compliment).',
  'deadlines.suspension.total':
    'L’últim dia del termini ({nominal}) s’amplia en {count} dies naturals suspesos, fins al {extended}; només llavors es mira si és hàbil (art. 22.1.a i 30.5).',
  'deadlines.suspension.total.one':
    'L’últim dia del termini ({nominal}) s’amplia en 1 dia natural suspés, fins al {extended}; només llavors es mira si és hàbil (art. 22.1.a i 30.5).',
  'deadlines.rule.month_has_no_such_day':
    'El mes de venciment no té eixe dia: el termini acaba l’últim dia del mes (art. 30.4).',
  'deadlines.rule.last_day_not_business_day':
    'L’últim dia ({extended}) és inhàbil: venç el dia hàbil següent (art. 30.5).',
  'deadlines.rule.none': 'L’últim dia és hàbil: cap regla no mou el venciment (art. 30).',
  'deadlines.missingLocal':
    'Avís: no hi ha calendari local de {place}: els seus festius no es compten (art. 30.6). Afegiu-lo a resources/calendars (vegeu-ne el README).',
  'deadlines.provisional':
    'Avís: el venciment del {date} depén d’un calendari provisional ({layer}, {year}): {basis}',
  'deadlines.provisionalMark': 'provisional: depén d’un calendari de festius encara no publicat',
  'deadlines.layer.national': 'nacional',
  'deadlines.layer.regional': 'autonòmic ({place})',
  'deadlines.layer.local': 'local ({place})',
};
