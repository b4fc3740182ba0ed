import type { documentSignatures as es } from '../es/documentSignatures';

export const documentSignatures: Record<keyof typeof es, string> = {
  'documentSignatures.column': 'Signatures',
  'documentSignatures.show': 'Veure les signatures',
  'documentSignatures.hide': 'Amagar les signatures',
  'documentSignatures.ofDocument': 'de «{title}»',
  'documentSignatures.heading': 'Signatures de «{title}»',
  'documentSignatures.loading': 'S’estan verificant les signatures…',
  'documentSignatures.count':
    '{count} signatures, verificades ara amb els certificats de confiança d’este lloc.',
  'documentSignatures.count.one':
    '{count} signatura, verificada ara amb els certificats de confiança d’este lloc.',
  'documentSignatures.count.other':
    '{count} signatures, verificades ara amb els certificats de confiança d’este lloc.',
  'documentSignatures.state.unsigned': 'Este document no està signat.',
  'documentSignatures.state.missing':
    'No es poden verificar les signatures: el contingut d’este document no està en el magatzem o no és el que es va registrar. Aviseu l’administració del sistema.',
  'documentSignatures.state.unreadable':
    'No es poden verificar les signatures: el contingut d’este document no es pot llegir com a PDF.',
  'documentSignatures.modifiedAfterLast':
    'Atenció: el document es va modificar després de l’última signatura; el que s’hi va afegir no està signat.',
  'documentSignatures.col.index': 'Núm.',
  'documentSignatures.col.holder': 'Signant',
  'documentSignatures.col.nif': 'NIF (emmascarat)',
  'documentSignatures.col.signedAt': 'Data i hora (Madrid)',
  'documentSignatures.col.verdict': 'Resultat',
  'documentSignatures.holderUnknown': 'No es pot llegir',
  'documentSignatures.nifUnknown': 'Sense NIF',
  'documentSignatures.timeUnknown': 'Sense data',
  'documentSignatures.time.claimed': 'hora declarada pel signant',
  'documentSignatures.time.timestamp': 'hora d’un segell de temps',
  'documentSignatures.verdict.valid': 'Vàlida',
  'documentSignatures.verdict.invalid': 'No vàlida',
  'documentSignatures.verdict.unknown_issuer': 'Emissor desconegut',
  'documentSignatures.verdict.training': 'De formació (sense validesa)',
  'documentSignatures.reason.trusted':
    'El document no ha canviat des de la signatura i el certificat és d’un emissor de confiança.',
  'documentSignatures.reason.practice_issuer':
    'El document no ha canviat des de la signatura, però el certificat és de pràctiques: no té validesa legal.',
  'documentSignatures.reason.issuer_unknown':
    'El document no ha canviat des de la signatura, però cap emissor de confiança d’este lloc avala el certificat.',
  'documentSignatures.reason.unreadable_signature': 'La signatura està danyada i no es pot llegir.',
  'documentSignatures.reason.bytes_changed': 'El document es va canviar després de signar-lo.',
  'documentSignatures.reason.signature_broken': 'La signatura no correspon al certificat del signant.',
  'documentSignatures.reason.changed_after_signing':
    'El contingut del document es va canviar en una versió posterior a la signatura.',
  'documentSignatures.reason.certificate_not_valid_at_time':
    'El certificat del signant no estava vigent en la data de la signatura.',
  'documentSignatures.reason.timestamp_broken': 'El segell de temps de la signatura no és vàlid.',
  'documentSignatures.reason.chain_invalid':
    'La cadena de certificats del signant no és vàlida (un emissor caducat o sense permís per a emetre).',
};
