import type { errors as es } from '../es/errors';

export const errors: Record<keyof typeof es, string> = {
  'errors.invalid_input': 'Les dades enviades no són vàlides ({field}).',
  'errors.not_signed_in': 'La sessió ha acabat. Torneu a identificar-vos.',
  'errors.not_signed_in.evicted':
    'Esta pestanya feia temps que no s’usava i se n’ha tancat la sessió per a deixar lloc a altres. Torneu a identificar-vos; no s’ha perdut res.',
  'errors.forbidden': 'No teniu permís per a fer açò.',
  'errors.unknown_user': 'Eixe usuari no existix.',
  'errors.card_sign_in_refused':
    "No s'ha pogut iniciar la sessió amb la targeta. Torneu a intentar-ho i, si es repetix, aviseu el servei d'informàtica.",
  'errors.card_sign_in_refused.challenge_unknown':
    "La petició d'inici de sessió ha caducat o ja s'ha usat. Torneu a intentar-ho: se us demanarà el PIN de nou.",
  'errors.card_sign_in_refused.bad_certificate': 'El certificat de la targeta no es pot llegir.',
  'errors.card_sign_in_refused.bad_signature':
    'La firma de la targeta no correspon al seu certificat. Retireu la targeta, torneu a inserir-la i intenteu-ho de nou.',
  'errors.card_sign_in_refused.certificate_expired':
    'El certificat de la targeta ha caducat o encara no és vàlid. Sol·liciteu-ne la renovació.',
  'errors.card_sign_in_refused.untrusted':
    "El certificat de la targeta no l'ha emés una autoritat de confiança per a este ajuntament.",
  'errors.card_sign_in_refused.training_card':
    "És una targeta de pràctiques: només servix en el mode formació, mai per a entrar en l'oficina.",
  'errors.card_sign_in_refused.not_for_authentication':
    "Eixe certificat no servix per a identificar-se. Trieu el certificat d'autenticació de la targeta.",
  'errors.card_sign_in_refused.no_nif': 'El certificat de la targeta no indica el NIF del seu titular.',
  'errors.card_sign_in_refused.unknown_holder':
    "No hi ha cap usuari actiu amb el NIF d'esta targeta. Demaneu a l'administrador que vos done d'alta.",
  'errors.card_sign_in_refused.foreign_challenge':
    "El servidor ha demanat a la targeta firmar una cosa que no és un inici de sessió en ell: no s'ha firmat res. Aviseu el servei d'informàtica.",
  'errors.card_sign_in_refused.ambiguous_holder':
    "Hi ha més d'un usuari actiu amb el NIF d'esta targeta. Demaneu a l'administrador que ho corregisca.",
  'errors.not_found': 'No s’ha trobat el que cerqueu.',
  'errors.already_claimed': 'Una altra persona acaba d’assignar-se este expedient.',
  'errors.invalid_transition': 'L’expedient no pot passar d’este estat a eixe.',
  'errors.calendar_missing_year':
    'No hi ha calendari de dies inhàbils per a {year}: no es pot calcular el termini.',
  'errors.storage_corrupt':
    'La carpeta de dades està danyada o no és de Despacho: {path}. No s’ha modificat res.',
  'errors.storage_unavailable': 'No es pot obrir la base de dades. No s’ha modificat res.',
  'errors.storage_locked':
    'La carpeta de dades {path} està en ús per un altre procés de Despacho (PID {pid}: {command}). Tanqueu-lo o espereu que acabe.',
  'errors.storage_locked_elsewhere':
    'La carpeta de dades {path} està en ús per Despacho en un altre equip ({host}, PID {pid}: {command}). Tanqueu-lo allí; si eixe equip ja no la usa, esborreu {lock} i torneu-ho a intentar.',
  'errors.storage_lock_unreadable':
    'No es pot llegir el fitxer de bloqueig {path}. Si cap Despacho no està usant esta carpeta de dades, esborreu-lo i torneu-ho a intentar.',
  'errors.signature_not_addressed': 'Esta petició de signatura no va dirigida a vós ni a qui substituïu hui.',
  'errors.signature_not_your_turn':
    'Encara no vos toca: la petició va en cascada i abans han d’actuar qui vos precedixen. Apareixerà en la vostra safata quan siga el vostre torn.',
  'errors.signature_expired':
    'El termini d’esta petició de signatura ha vençut. No s’ha signat res; la tramitació l’ha d’enviar de nou.',
  'errors.signature_withdrawn': 'La tramitació ha retirat esta petició de signatura. No s’ha signat res.',
  'errors.signature_rejected': 'Esta petició de signatura ja es va rebutjar. No s’ha signat res.',
  'errors.signature_already_signed':
    'Esta petició ja està signada, o ja hi heu actuat. No s’ha signat de nou.',
  'errors.signature_partly_signed':
    'Ja té almenys una signatura i el seu número en el llibre de resolucions: no es pot retirar. La pot rebutjar qui haja d’actuar després.',
  'errors.signature_signer_inactive':
    'La persona a qui va dirigida ja no està en actiu. No s’ha signat res; la tramitació ha de retirar la petició i enviar-la a qui corresponga.',
  'errors.signature_document_changed':
    'El document ha canviat després d’enviar-se a signatura. No s’ha signat res; la tramitació l’ha de retirar i enviar de nou.',
  'errors.signature_step_is_approval':
    'En esta petició se vos demana el vistiplau, no la signatura: useu «Donar el vistiplau».',
  'errors.signature_step_is_signature':
    'En esta petició se vos demana la signatura, no el vistiplau: useu «Signar».',
  'errors.signature_number_lost':
    'El número reservat en el llibre de resolucions va caducar i va passar a un altre document. Esta signatura no s’ha guardat; torneu a signar.',
  'errors.signature_stale':
    'Una altra persona ha signat este document mentrestant. Esta signatura no s’ha guardat; obriu-lo de nou i torneu a signar.',
  'errors.signature_invalid_signed_file':
    'El document signat no és el que es va preparar o no afig exactament una signatura en el seu camp. No s’ha guardat; torneu a signar.',
  'errors.signature_request_pending':
    'Este expedient ja té una petició de signatura pendent. Retireu-la abans d’enviar-ne una altra.',
  'errors.signature_signer_not_eligible':
    'Només es pot demanar la signatura o el vistiplau a prefectures en actiu del servei de l’expedient, i a cadascuna una sola vegada.',
  'errors.substitution_not_eligible':
    'Només podeu nomenar per a substituir-vos una altra prefectura en actiu del vostre servei.',
  'errors.substitution_dates': 'Les dates no són vàlides: el final no pot ser anterior a l’inici ni a hui.',
  'errors.substitution_overlaps':
    'Ja teniu una substitució o delegació en eixes dates. Revoqueu-la abans de crear-ne una altra.',
  'errors.seal_not_configured':
    'Esta oficina no té segell d’òrgan: signeu-lo amb la vostra targeta, o demaneu a qui administra el servidor que configure el segell.',
  'errors.seal_unusable':
    'No es pot usar el segell d’òrgan configurat ({path}): falta la clau o el certificat, no es poden llegir o no es corresponen.',
  'errors.seal_not_valid_now':
    'El certificat del segell d’òrgan no està vigent (del {from} al {until}): signeu-lo amb la vostra targeta i aviseu qui administra el servidor.',
  'errors.desk_only':
    'Açò es fa amb la targeta del lloc de treball, i este és el servidor compartit: feu-ho des de Despacho en el vostre equip.',
  'errors.signing_batch_busy':
    'Este lot ja s’està signant. Espereu que acabe o cancel·leu-lo abans de tornar a signar.',
  'errors.pkcs11_module_invalid': 'No es pot usar eixe mòdul PKCS#11: {path}.',
  'errors.export_case_open':
    'Només s’exporten expedients tancats (resolts, notificats, arxivats, desistits o caducats); este continua obert.',
  'errors.export_document_changed':
    'El document {document} no coincidix amb la seua empremta SHA-256 registrada: no s’ha exportat res. Aviseu qui administre el sistema.',
  'errors.export_too_large':
    'L’expedient ocupa més de {limit} MB i no es pot descarregar des d’ací: exporteu-lo amb «despacho export».',
  'errors.training_no_completions':
    'Esta persona encara no ha acabat cap escenari: no hi ha res a certificar.',
  'errors.signing_batch_replaced':
    'Estos documents s’han obert per a signar en una altra finestra o escriptori, que s’ha quedat els seus números. Signeu-los des d’allí, o torneu a la safata i obriu-los ací de nou.',
  'errors.pkcs11_module_invalid.notAbsolute':
    'Escriviu la ruta completa del mòdul PKCS#11 (comença per / o per una lletra d’unitat): {path}.',
  'errors.pkcs11_module_invalid.missing': 'No hi ha cap fitxer en {path}. Comproveu la ruta.',
  'errors.pkcs11_module_invalid.notAFile':
    '{path} no és un fitxer: indiqueu el del mòdul (.so, .dll o .dylib).',
  'errors.pkcs11_module_invalid.notALibrary':
    '{path} no és una biblioteca: el mòdul PKCS#11 és un fitxer .so (Linux), .dll (Windows) o .dylib (macOS).',
  'errors.pkcs11_module_invalid.cannotLoad':
    'El fitxer {path} no es pot carregar com a mòdul PKCS#11 en este equip. No s’ha afegit.',
  'errors.unknown_call': 'Operació desconeguda.',
  'errors.no_connection':
    'Sense connexió amb el servidor local: no s’ha pogut completar. Comproveu que Despacho continua en marxa i torneu-ho a intentar.',
  'errors.forbidden.host_restarted':
    'El servidor local s’ha reiniciat i esta pestanya ja no hi té accés. Obriu Despacho amb l’enllaç nou.',
  'errors.internal': 'S’ha produït un error intern. No s’ha perdut res; torneu-ho a intentar.',
};
