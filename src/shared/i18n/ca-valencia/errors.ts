import type { errors as es } from '../es/errors';

export const errors: Record<keyof typeof es, string> = {
  'errors.invalid_input': 'Les dades enviades no són vàlides ({field}).',
  'errors.not_signed_in': 'La sessió ha acabat. Torneu a identificar-vos.',
  'errors.not_signed_in.evicted':
    'Esta pestanya feia temps que no s’usava i se n’ha tancat la sessió per a deixar lloc a altres. Torneu a identificar-vos; no s’ha perdut res.',
  'errors.forbidden': 'No teniu permís per a fer açò.',
  'errors.unknown_user': 'Eixe usuari no existix.',
  'errors.not_found': 'No s’ha trobat el que busqueu.',
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
  'errors.unknown_call': 'Operació desconeguda.',
  'errors.internal': 'S’ha produït un error intern. No s’ha perdut res; torneu-ho a intentar.',
};
