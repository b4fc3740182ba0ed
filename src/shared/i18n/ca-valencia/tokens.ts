import type { tokens as es } from '../es/tokens';

export const tokens: Record<keyof typeof es, string> = {
  'tokens.error.token_worker_crashed':
    'El controlador de la targeta ha fallat i s’ha tancat. Despacho continua funcionant: torneu a intentar-ho; si es repetix, reviseu el mòdul PKCS#11 instal·lat.',
  'tokens.error.token_worker_timeout':
    'El controlador de la targeta no respon i s’ha aturat. Despacho continua funcionant: comproveu el lector i torneu a intentar-ho.',
  'tokens.error.module_not_found': 'No existix el mòdul PKCS#11 {module}.',
  'tokens.error.module_load_failed':
    'No es pot carregar el mòdul PKCS#11 {module}: no és un mòdul vàlid per a este equip.',
  'tokens.error.token_not_found': 'No es troba la targeta o el testimoni «{token}»: està inserit?',
  'tokens.error.token_ambiguous':
    'Hi ha {count} targetes o testimonis amb l’etiqueta «{token}»: deixeu inserit només el que aneu a usar.',
  'tokens.error.token_busy':
    'La targeta ja està signant un altre lot. Espereu que acabe i torneu a intentar-ho.',
  'tokens.error.key_not_found':
    'La targeta no té cap certificat amb la seua clau privada amb eixa etiqueta o identificador.',
  'tokens.error.key_ambiguous':
    'La targeta té {count} claus amb eixa etiqueta o identificador: no se’n tria una a l’atzar. Indiqueu l’identificador (--cert-id).',
  'tokens.error.pin_required': 'Cal el PIN de la targeta.',
  'tokens.error.pin_incorrect':
    'PIN incorrecte. No es torna a intentar automàticament per a no bloquejar la targeta.',
  'tokens.error.pin_incorrect_low':
    'PIN incorrecte. Queden pocs intents abans que la targeta es bloquege: comproveu el PIN abans de tornar a escriure’l.',
  'tokens.error.pin_incorrect_final':
    'PIN incorrecte. Només queda un intent: si torneu a fallar, el PIN quedarà bloquejat.',
  'tokens.error.pin_invalid': 'El PIN no té un format o una longitud que la targeta accepte.',
  'tokens.error.pin_locked':
    'El PIN està bloquejat. Desbloquegeu-lo amb el PUK o en la vostra oficina de registre; no s’ha intentat res.',
  'tokens.error.pin_final_try_needs_confirmation':
    'Només queda un intent de PIN: si falla, la targeta es bloquejarà. Confirmeu que voleu intentar-ho (--confirm-final-try).',
  'tokens.error.pinpad_unsupported':
    'Este lector té teclat propi per al PIN, i Despacho encara no pot demanar el PIN en el lector. Useu un lector sense teclat.',
  'tokens.error.token_removed': 'S’ha retirat la targeta o s’ha perdut la connexió amb ella.',
  'tokens.error.mechanism_unsupported':
    'La targeta no oferix l’algorisme de signatura necessari ({mechanism}).',
  'tokens.error.session_closed':
    'La sessió amb la targeta s’ha tancat (targeta retirada o controlador reiniciat). Torneu a identificar-vos amb el PIN.',
  'tokens.error.token_failure': 'Error de la targeta o el testimoni: {detail}',
  'tokens.slow.card':
    'La targeta «{token}» tarda a respondre ({doing}). Despacho continua esperant-la: no la traieu del lector.',
  'tokens.slow.module':
    'La targeta tarda a respondre (mòdul {module}, {doing}). Despacho continua esperant-la: no la traieu del lector.',
  'tokens.doing.listTokens': 'cercant targetes',
  'tokens.doing.listCertificates': 'llegint-ne els certificats',
  'tokens.doing.openSession': 'comprovant el PIN',
  'tokens.doing.sign': 'signant',
  'tokens.doing.closeSession': 'tancant la sessió',
  'tokens.doing.shutdown': 'aturant el controlador',
  'tokens.cli.usage': 'Ús: despacho tokens [--module RUTA]... [--json]',
  'tokens.cli.badOption': 'Opció no vàlida: {option}.',
  'tokens.cli.noModules':
    'No s’ha trobat cap mòdul PKCS#11 instal·lat. Indiqueu el del fabricant de la vostra targeta amb --module RUTA.',
  'tokens.cli.module.loaded': 'Mòdul {path}: {description} ({manufacturer})',
  'tokens.cli.module.missing': 'Mòdul {path}: no existix',
  'tokens.cli.module.failed': 'Mòdul {path}: no es pot carregar',
  'tokens.cli.module.crashed': 'Mòdul {path}: el seu controlador ha fallat en consultar-lo',
  'tokens.cli.module.hung': 'Mòdul {path}: el seu controlador no respon',
  'tokens.cli.noTokens': 'No hi ha cap targeta ni testimoni inserit.',
  'tokens.cli.token':
    '  Targeta «{label}» — {manufacturer} {model}, núm. de sèrie {serial}, ranura {slot} ({slotDescription})',
  'tokens.cli.pin.ready': '    PIN: correcte',
  'tokens.cli.pin.countLow': '    PIN: queden pocs intents',
  'tokens.cli.pin.finalTry': '    PIN: queda un sol intent',
  'tokens.cli.pin.locked': '    PIN: bloquejat',
  'tokens.cli.pin.notInitialized': '    PIN: sense inicialitzar',
  'tokens.cli.pinPad': '    Lector amb teclat per al PIN',
  'tokens.cli.certificate': '    Certificat «{label}» (id {id}): {name}, NIF {nif}',
  'tokens.cli.certificateOrganization': '      {organization} — {position}',
  'tokens.cli.certificateIssuer': '      Emissor: {issuer}; vàlid del {from} al {to}; clau {keyType}',
  'tokens.cli.certificateUsage': '      Ús de la clau: {usage}',
  'tokens.cli.certificateNoRepudiation':
    '      No servix per a signar resolucions: li falta l’ús «no repudi».',
  'tokens.cli.certificateExpired': '      Caducat.',
  'tokens.cli.none': '—',
};
