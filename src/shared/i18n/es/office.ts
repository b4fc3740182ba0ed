/** The office store and the demo city on the command line: `despacho db …` and `despacho demo …`. */
export const office = {
  'office.cli.dbUsage':
    'Uso: despacho db migrate [--data CARPETA]\n       despacho db verify-audit [--data CARPETA]',
  'office.cli.demoUsage': 'Uso: despacho demo seed --cases N [--data CARPETA]',
  'office.cli.badOption': 'Opción no válida o incompleta: «{option}».',
  'office.cli.noData': 'No existe la carpeta de datos {path}: indíquela con --data.',
  'office.cli.badCases': 'El número de expedientes debe ser un entero entre 1 y {max}: «{value}».',
  'office.db.migrated': 'Base de datos de {path} actualizada: {applied}.',
  'office.db.upToDate': 'La base de datos de {path} ya está al día ({count} migraciones).',
  'office.db.migrationFailed':
    'La migración {file} ha fallado y se ha deshecho entera; la base de datos sigue como estaba. Detalle: {detail}',
  'office.db.migrationChanged':
    'La migración {file} ha cambiado desde que se aplicó a esta base de datos. No se ha modificado nada.',
  'office.db.migrationUnknown':
    'Esta base de datos tiene la migración {file}, que esta versión de Despacho no conoce (¿es de una versión más nueva?). No se ha modificado nada.',
  'office.audit.intact': 'Registro de auditoría íntegro: {rows} entradas, última huella {head}.',
  'office.audit.broken':
    'Registro de auditoría ROTO en la entrada {seq}: {reason}. Entradas correctas antes de ella: {rows}.',
  'office.audit.reason.gap': 'falta una entrada o el orden no es correlativo',
  'office.audit.reason.link': 'no enlaza con la huella de la entrada anterior',
  'office.audit.reason.hash': 'su contenido no coincide con su huella',
  'office.demo.seeding': 'Creando la ciudad de demostración en {path} con {cases} expedientes…',
  'office.demo.progress': '{done} de {total} expedientes',
  'office.demo.done':
    'Hecho: {departments} servicios, {procedures} procedimientos, {users} personas, {applicants} interesados, {cases} expedientes y {documents} documentos.',
  'office.demo.notEmpty':
    'La carpeta {path} ya tiene expedientes: no se ha añadido nada. Indique otra carpeta con --data.',
} as const;
