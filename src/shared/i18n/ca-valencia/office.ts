import type { office as es } from '../es/office';

export const office: Record<keyof typeof es, string> = {
  'office.cli.dbUsage':
    'Ús: despacho db migrate [--data CARPETA]\n     despacho db verify-audit [--data CARPETA]',
  'office.cli.demoUsage': 'Ús: despacho demo seed --cases N [--data CARPETA]',
  'office.cli.badOption': 'Opció no vàlida o incompleta: «{option}».',
  'office.cli.noData': 'No existix la carpeta de dades {path}: indiqueu-la amb --data.',
  'office.cli.badCases': "El nombre d'expedients ha de ser un enter entre 1 i {max}: «{value}».",
  'office.db.migrated': 'Base de dades de {path} actualitzada: {applied}.',
  'office.db.upToDate': 'La base de dades de {path} ja està al dia ({count} migracions).',
  'office.db.migrationFailed':
    "La migració {file} ha fallat i s'ha desfet sencera; la base de dades continua com estava. Detall: {detail}",
  'office.db.migrationChanged':
    "La migració {file} ha canviat des que es va aplicar a esta base de dades. No s'ha modificat res.",
  'office.db.migrationUnknown':
    "Esta base de dades té la migració {file}, que esta versió de Despacho no coneix (és d'una versió més nova?). No s'ha modificat res.",
  'office.audit.intact': "Registre d'auditoria íntegre: {rows} entrades, última empremta {head}.",
  'office.audit.broken':
    "Registre d'auditoria TRENCAT en l'entrada {seq}: {reason}. Entrades correctes abans d'esta: {rows}.",
  'office.audit.reason.gap': "falta una entrada o l'orde no és correlatiu",
  'office.audit.reason.link': "no enllaça amb l'empremta de l'entrada anterior",
  'office.audit.reason.hash': 'el seu contingut no coincidix amb la seua empremta',
  'office.demo.seeding': 'Creant la ciutat de demostració en {path} amb {cases} expedients…',
  'office.demo.progress': '{done} de {total} expedients',
  'office.demo.done':
    'Fet: {departments} servicis, {procedures} procediments, {users} persones, {applicants} interessats, {cases} expedients i {documents} documents.',
  'office.demo.notEmpty':
    "La carpeta {path} ja té expedients: no s'ha afegit res. Indiqueu una altra carpeta amb --data.",
};
