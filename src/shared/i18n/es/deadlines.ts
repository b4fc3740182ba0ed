/** The `despacho deadline` command and the explanation of a due date (art. 30 and 31.2). */
export const deadlines = {
  'deadlines.cli.usage':
    'Uso: despacho deadline --from FECHA (--days N | --natural-days N | --months N) [--municipality M] [--applicant-municipality M]\n' +
    '  FECHA: AAAA-MM-DD, o un instante ISO con zona horaria (2026-03-27T09:30:00Z).\n' +
    '  --municipality: municipio del órgano (por defecto, {body}); --applicant-municipality: el del interesado.\n' +
    '  Municipios con calendario: {municipalities}.',
  'deadlines.cli.unknownOption': 'Opción desconocida: {option}.',
  'deadlines.cli.missingValue': 'Falta el valor de {option}.',
  'deadlines.cli.repeatedOption': 'La opción {option} aparece dos veces.',
  'deadlines.cli.missingFrom': 'Falta --from: la fecha (o el instante) de entrada en el registro.',
  'deadlines.cli.badDate': '«{value}» no es una fecha AAAA-MM-DD ni un instante ISO con zona horaria.',
  'deadlines.cli.oneTerm': 'Indique exactamente un plazo: --days, --natural-days o --months.',
  'deadlines.cli.badAmount': 'El plazo de {option} debe ser un número entero positivo, no «{value}».',
  'deadlines.cli.unknownMunicipality':
    'No hay calendario local para «{value}». Municipios con calendario: {municipalities}.',
  'deadlines.cli.missingYear':
    'No hay calendario de días inhábiles para {year}: no se puede calcular el plazo. Añada los ficheros de ese año en resources/calendars (véase su README).',
  'deadlines.cli.missingYearLocal':
    'No hay calendario de días inhábiles de {municipality} para {year}: no se puede calcular el plazo. Añádalo en resources/calendars (véase su README).',
  'deadlines.cli.badData': 'El fichero de calendario {file} no es válido: {detail}',
  'deadlines.due': 'Vencimiento: {date} ({iso}).',
  'deadlines.rule.none':
    'Ninguna regla ha movido el vencimiento: cómputo desde el día siguiente al {filed} (art. 30).',
  'deadlines.rule.filed_on_non_business_day':
    'Presentado en día inhábil ({registered}): se entiende presentado el {filed} y el plazo cuenta desde el día siguiente (art. 31.2).',
  'deadlines.rule.month_has_no_such_day':
    'El mes de vencimiento no tiene ese día: el plazo termina el último día del mes (art. 30.4).',
  'deadlines.rule.last_day_not_business_day':
    'El último día del plazo ({nominal}) es inhábil: vence el siguiente día hábil (art. 30.5).',
} as const;
