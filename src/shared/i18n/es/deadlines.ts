/** The `despacho deadline` command and the explanation of a due date (arts. 21, 22, 30 and 31). */
export const deadlines = {
  'deadlines.cli.usage':
    'Uso: despacho deadline (--filed INSTANTE | --notified FECHA) (--days N | --natural-days N | --months N)\n' +
    '                       [--applicant-municipality M] [--suspended DESDE..HASTA]... [--municipality M] [--json]\n' +
    '  --filed: entrada en el registro (AAAA-MM-DD o instante ISO con zona, 2026-03-27T09:30:00Z): el plazo para\n' +
    '           resolver cuenta desde esa fecha, aunque sea inhábil (art. 21.3.b y 31.2.c). --from es un alias de --filed.\n' +
    '  --notified: fecha de la notificación: el plazo cuenta desde el día siguiente (art. 30.3 y 30.4).\n' +
    '  --applicant-municipality: municipio del interesado (nombre o código INE); sus festivos cuentan (art. 30.6).\n' +
    '  --suspended DESDE..HASTA (repetible): el plazo estuvo suspendido desde la notificación del requerimiento\n' +
    '           (DESDE) hasta la respuesta o el fin del plazo concedido (HASTA); se suman HASTA − DESDE días naturales\n' +
    '           al último día del plazo, y solo después se pasa a día hábil (art. 22.1.a y 30.5).\n' +
    '  --municipality: municipio del órgano (por defecto, {body}). --json: el resultado completo en JSON.\n' +
    '  Municipios con calendario local: {count} (resources/calendars/README.md); cualquier otro, por su código INE,\n' +
    '  cuenta el calendario de su comunidad autónoma.',
  'deadlines.cli.unknownOption': 'Opción desconocida: {option}.',
  'deadlines.cli.missingValue': 'Falta el valor de {option}.',
  'deadlines.cli.repeatedOption': 'La opción {option} aparece dos veces.',
  'deadlines.cli.missingStart':
    'Indique el inicio del plazo: --filed (entrada en el registro; alias --from) o --notified (notificación).',
  'deadlines.cli.oneStart': 'Indique un solo inicio: --filed (o su alias --from) o --notified.',
  'deadlines.cli.badDate': '«{value}» no es una fecha AAAA-MM-DD ni un instante ISO con zona horaria.',
  'deadlines.cli.badNotifiedDate': '«{value}» no es una fecha de notificación AAAA-MM-DD.',
  'deadlines.cli.badSuspension': '«{value}» no es una suspensión DESDE..HASTA con dos fechas AAAA-MM-DD.',
  'deadlines.cli.invalidSuspension':
    'Las suspensiones no encajan en el plazo: cada una empieza no antes del inicio ni después del último día del plazo en curso, no termina antes de empezar y no se solapa con otra.',
  'deadlines.cli.oneTerm': 'Indique exactamente un plazo: --days, --natural-days o --months.',
  'deadlines.cli.badAmount': 'El plazo de {option} debe ser un número entero positivo, no «{value}».',
  'deadlines.cli.unknownMunicipality':
    'No hay calendario local para «{value}»: indique el municipio del órgano por un nombre o código INE de los {count} con calendario (resources/calendars/README.md).',
  'deadlines.cli.missingYear':
    'No hay calendario de días inhábiles para {year}: no se puede calcular el plazo. Añada los ficheros de ese año en resources/calendars (véase su README).',
  'deadlines.cli.missingYearLocal':
    'No hay calendario de días inhábiles de {municipality} para {year}: no se puede calcular el plazo. Añádalo en resources/calendars (véase su README).',
  'deadlines.cli.badData': 'El fichero de calendario {file} no es válido: {detail}',
  'deadlines.due': 'Vencimiento: {date} ({iso}).',
  'deadlines.start.registry_entry':
    'Inicio: entrada en el registro el {date} a las {time} (hora de Madrid). El plazo para resolver y notificar cuenta desde esa fecha y hora, aunque sea día inhábil (art. 21.3.b y 31.2.c): el cómputo empieza el día siguiente.',
  'deadlines.start.registry_entry_day':
    'Inicio: entrada en el registro el {date}. El plazo para resolver y notificar cuenta desde esa fecha, aunque sea día inhábil (art. 21.3.b y 31.2.c): el cómputo empieza el día siguiente.',
  'deadlines.start.notification':
    'Inicio: notificación el {date}. El plazo cuenta desde el día siguiente, sin trasladarlo a un día hábil (art. 30.3 y 30.4).',
  'deadlines.term.business_days':
    'Plazo: {count} días hábiles, sin sábados, domingos ni festivos (art. 30.2); último día: {nominal}.',
  'deadlines.term.business_days.one':
    'Plazo: 1 día hábil, sin sábados, domingos ni festivos (art. 30.2); último día: {nominal}.',
  'deadlines.term.natural_days': 'Plazo: {count} días naturales; último día: {nominal}.',
  'deadlines.term.natural_days.one': 'Plazo: 1 día natural; último día: {nominal}.',
  'deadlines.term.months': 'Plazo: {count} meses, de fecha a fecha (art. 30.4); último día: {nominal}.',
  'deadlines.term.months.one': 'Plazo: 1 mes, de fecha a fecha (art. 30.4); último día: {nominal}.',
  'deadlines.skipped.count': 'Días inhábiles que no se cuentan:',
  'deadlines.skipped.final_move': 'Días inhábiles que se saltan al final (art. 30.5):',
  'deadlines.skipped.weekend': '- {date}: fin de semana (art. 30.2).',
  'deadlines.skipped.holidays': '- {date}: {holidays}.',
  'deadlines.holiday.national': '{name}, fiesta nacional (fuente: {source})',
  'deadlines.holiday.regional': '{name}, fiesta autonómica ({place}) (fuente: {source})',
  'deadlines.holiday.local': '{name}, fiesta local de {place} (fuente: {source})',
  'deadlines.onlyIn.applicant':
    '  El {day} es festivo en el municipio del interesado, {place}, y no en el del órgano: es inhábil en todo caso (art. 30.6).',
  'deadlines.onlyIn.body':
    '  El {day} es festivo en el municipio del órgano, {place}, y no en el del interesado: es inhábil en todo caso (art. 30.6).',
  'deadlines.suspension':
    'Suspensión del {from} al {to}: {count} días naturales (art. 22.1.a, el tiempo entre la notificación del requerimiento y su cumplimiento).',
  'deadlines.suspension.one':
    'Suspensión del {from} al {to}: 1 día natural (art. 22.1.a, el tiempo entre la notificación del requerimiento y su cumplimiento).',
  'deadlines.suspension.total':
    'El último día del plazo ({nominal}) se amplía en {count} días naturales suspendidos, hasta el {extended}; solo entonces se mira si es hábil (art. 22.1.a y 30.5).',
  'deadlines.suspension.total.one':
    'El último día del plazo ({nominal}) se amplía en 1 día natural suspendido, hasta el {extended}; solo entonces se mira si es hábil (art. 22.1.a y 30.5).',
  'deadlines.rule.month_has_no_such_day':
    'El mes de vencimiento no tiene ese día: el plazo termina el último día del mes (art. 30.4).',
  'deadlines.rule.last_day_not_business_day':
    'El último día ({extended}) es inhábil: vence el siguiente día hábil (art. 30.5).',
  'deadlines.rule.none': 'El último día es hábil: ninguna regla mueve el vencimiento (art. 30).',
  'deadlines.missingLocal':
    'Aviso: no hay calendario local de {place}: sus festivos no se cuentan (art. 30.6). Añádalo en resources/calendars (véase su README).',
  'deadlines.provisional':
    'Aviso: el vencimiento del {date} depende de un calendario provisional ({layer}, {year}): {basis}',
  'deadlines.provisionalMark': 'provisional: depende de un calendario de festivos aún no publicado',
  'deadlines.layer.national': 'nacional',
  'deadlines.layer.regional': 'autonómico ({place})',
  'deadlines.layer.local': 'local de {place}',
} as const;
