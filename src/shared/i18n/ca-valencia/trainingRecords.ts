import type { trainingRecords as es } from '../es/trainingRecords';

/** Els registres de formació completada: `despacho training records`, el seu CSV i el seu certificat signat. */
export const trainingRecords: Record<keyof typeof es, string> = {
  'trainingRecords.col.traineeId': 'Usuari',
  'trainingRecords.col.traineeName': 'Persona en formació',
  'trainingRecords.col.scenarioId': 'Escenari',
  'trainingRecords.col.scenarioVersion': 'Versió',
  'trainingRecords.col.mode': 'Modalitat',
  'trainingRecords.col.right': 'Passos correctes',
  'trainingRecords.col.of': 'Passos',
  'trainingRecords.col.passMark': 'Mínim per a superar',
  'trainingRecords.col.passed': 'Superat',
  'trainingRecords.col.hints': 'Pistes',
  'trainingRecords.col.mistakes': 'Errors',
  'trainingRecords.col.startedAt': 'Començat',
  'trainingRecords.col.finishedAt': 'Acabat',
  'trainingRecords.col.presentSeconds': 'Temps dedicat (s)',
  'trainingRecords.col.trainerId': 'Usuari formador',
  'trainingRecords.col.trainerName': 'Formador',
  'trainingRecords.col.sessionId': 'Sessió',
  'trainingRecords.col.sessionName': 'Nom de la sessió',
  'trainingRecords.mode.guided': 'amb guia',
  'trainingRecords.mode.assessment': 'avaluació',
  'trainingRecords.passed.yes': 'sí',
  'trainingRecords.passed.no': 'no',

  'trainingRecords.pdf.title': 'Certificat de formació',
  'trainingRecords.pdf.intro':
    'Es certifica que {name} (usuari {id}) ha completat en l’entorn de formació de Despacho els escenaris següents:',
  'trainingRecords.pdf.scenario': '{title} (escenari {id}, versió {version}), {mode}',
  'trainingRecords.pdf.result':
    'Resultat: {right} de {of} passos correctes (mínim {passMark}): {verdict}. Pistes: {hints}. Errors: {mistakes}.',
  'trainingRecords.pdf.passed': 'superat',
  'trainingRecords.pdf.notPassed': 'no superat',
  'trainingRecords.pdf.dates': 'Del {started} al {finished}. Formador: {trainer}.',
  'trainingRecords.pdf.noTrainer': 'no consta',
  'trainingRecords.pdf.present': 'Temps de treball en l’escenari: {minutes} min {seconds} s.',
  'trainingRecords.pdf.closing':
    'Expedit el {date}. El signa electrònicament, amb la seua targeta, qui impartix la formació.',
  'trainingRecords.pdf.reason': 'Certificat de formació de {name}',

  'trainingRecords.cli.usage':
    'Ús: despacho training records --data CARPETA --format csv|pdf --out FITXER [--trainee USUARI] [--trainer USUARI] [--person NOM]\n' +
    '  Exporta els escenaris de formació completats: en CSV, o en PDF com a certificat d’una persona\n' +
    '  (--trainee obligatori: la seua plaça; --person: la persona que la sessió hi va nomenar, i sense ell,\n' +
    '  els registres de la plaça que no nomenen ningú) signat amb la targeta de qui forma:\n' +
    '  --module MÒDUL.so --token ETIQUETA (--key ETIQUETA | --cert-id HEX) --pin-stdin [--confirm-final-try] [--tsa URL]',
  'trainingRecords.cli.traineeRequired':
    'El certificat en PDF és d’una sola persona: indiqueu-la amb --trainee USUARI.',
  'trainingRecords.cli.cardRequired':
    'El certificat se signa amb la targeta de qui forma: indiqueu --module, --token, --key o --cert-id, i --pin-stdin.',
  'trainingRecords.cli.cardOnlyForPdf': 'L’opció {option} només servix per a signar el certificat en PDF.',
  'trainingRecords.cli.notSandbox':
    'La carpeta {path} no és un entorn de formació (li falta la marca TRAINING-SANDBOX): els registres de formació només es lligen d’ací.',
  'trainingRecords.cli.noneForCertificate':
    '{trainee} no té cap escenari completat que certificar en {path}. No s’ha escrit res.',
  'trainingRecords.cli.written': '{count} registres de formació escrits en {path}.',
  'trainingRecords.cli.written.one': '{count} registre de formació escrit en {path}.',
  'trainingRecords.cli.certified': 'Certificat de {trainee} amb {count} escenaris, signat, en {path}.',
  'trainingRecords.cli.certified.one': 'Certificat de {trainee} amb {count} escenari, signat, en {path}.',
};
