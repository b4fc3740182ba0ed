/** Training completion records: `despacho training records`, its CSV and its signed certificate. */
export const trainingRecords = {
  'trainingRecords.col.traineeId': 'Usuario',
  'trainingRecords.col.traineeName': 'Persona en formación',
  'trainingRecords.col.scenarioId': 'Escenario',
  'trainingRecords.col.scenarioVersion': 'Versión',
  'trainingRecords.col.mode': 'Modalidad',
  'trainingRecords.col.right': 'Pasos correctos',
  'trainingRecords.col.of': 'Pasos',
  'trainingRecords.col.passMark': 'Mínimo para superar',
  'trainingRecords.col.passed': 'Superado',
  'trainingRecords.col.hints': 'Pistas',
  'trainingRecords.col.mistakes': 'Errores',
  'trainingRecords.col.startedAt': 'Empezado',
  'trainingRecords.col.finishedAt': 'Terminado',
  'trainingRecords.col.presentSeconds': 'Tiempo dedicado (s)',
  'trainingRecords.col.trainerId': 'Usuario formador',
  'trainingRecords.col.trainerName': 'Formador',
  'trainingRecords.col.sessionId': 'Sesión',
  'trainingRecords.col.sessionName': 'Nombre de la sesión',
  'trainingRecords.mode.guided': 'con guía',
  'trainingRecords.mode.assessment': 'evaluación',
  'trainingRecords.passed.yes': 'sí',
  'trainingRecords.passed.no': 'no',

  'trainingRecords.pdf.title': 'Certificado de formación',
  'trainingRecords.pdf.intro':
    'Se certifica que {name} (usuario {id}) ha completado en el entorno de formación de Despacho los escenarios siguientes:',
  'trainingRecords.pdf.scenario': '{title} (escenario {id}, versión {version}), {mode}',
  'trainingRecords.pdf.result':
    'Resultado: {right} de {of} pasos correctos (mínimo {passMark}): {verdict}. Pistas: {hints}. Errores: {mistakes}.',
  'trainingRecords.pdf.passed': 'superado',
  'trainingRecords.pdf.notPassed': 'no superado',
  'trainingRecords.pdf.dates': 'Del {started} al {finished}. Formador: {trainer}.',
  'trainingRecords.pdf.noTrainer': 'no consta',
  'trainingRecords.pdf.present': 'Tiempo de trabajo en el escenario: {minutes} min {seconds} s.',
  'trainingRecords.pdf.closing':
    'Expedido el {date}. Lo firma electrónicamente, con su tarjeta, quien imparte la formación.',
  'trainingRecords.pdf.reason': 'Certificado de formación de {name}',

  'trainingRecords.cli.usage':
    'Uso: despacho training records --data CARPETA --format csv|pdf --out FICHERO [--trainee USUARIO] [--trainer USUARIO] [--person NOMBRE]\n' +
    '  Exporta los escenarios de formación completados: en CSV, o en PDF como certificado de una persona\n' +
    '  (--trainee obligatorio: su plaza; --person: la persona que la sesión nombró en ella, y sin él,\n' +
    '  los registros de la plaza que no nombran a nadie) firmado con la tarjeta de quien forma:\n' +
    '  --module MÓDULO.so --token ETIQUETA (--key ETIQUETA | --cert-id HEX) --pin-stdin [--confirm-final-try] [--tsa URL]',
  'trainingRecords.cli.traineeRequired':
    'El certificado en PDF es de una sola persona: indíquela con --trainee USUARIO.',
  'trainingRecords.cli.cardRequired':
    'El certificado se firma con la tarjeta de quien forma: indique --module, --token, --key o --cert-id, y --pin-stdin.',
  'trainingRecords.cli.cardOnlyForPdf': 'La opción {option} solo sirve para firmar el certificado en PDF.',
  'trainingRecords.cli.notSandbox':
    'La carpeta {path} no es un entorno de formación (le falta la marca TRAINING-SANDBOX): los registros de formación solo se leen de ahí.',
  'trainingRecords.cli.noneForCertificate':
    '{trainee} no tiene ningún escenario completado que certificar en {path}. No se ha escrito nada.',
  'trainingRecords.cli.written': '{count} registros de formación escritos en {path}.',
  'trainingRecords.cli.written.one': '{count} registro de formación escrito en {path}.',
  'trainingRecords.cli.certified': 'Certificado de {trainee} con {count} escenarios, firmado, en {path}.',
  'trainingRecords.cli.certified.one': 'Certificado de {trainee} con {count} escenario, firmado, en {path}.',
} as const;
