/** One sentence per contract error code (src/shared/api/errors.ts); `errors.<code>`. */
export const errors = {
  'errors.invalid_input': 'Los datos enviados no son válidos ({field}).',
  'errors.not_signed_in': 'Su sesión ha terminado. Vuelva a identificarse.',
  'errors.not_signed_in.evicted':
    'Esta pestaña llevaba tiempo sin usarse y se ha cerrado su sesión para dejar sitio a otras. Vuelva a identificarse; no se ha perdido nada.',
  'errors.forbidden': 'No tiene permiso para hacer esto.',
  'errors.unknown_user': 'Ese usuario no existe.',
  'errors.not_found': 'No se ha encontrado lo que busca.',
  'errors.already_claimed': 'Otra persona acaba de asignarse este expediente.',
  'errors.invalid_transition': 'El expediente no puede pasar de este estado a ese.',
  'errors.calendar_missing_year':
    'No hay calendario de días inhábiles para {year}: no se puede calcular el plazo.',
  'errors.storage_corrupt':
    'La carpeta de datos está dañada o no es de Despacho: {path}. No se ha modificado nada.',
  'errors.storage_unavailable': 'No se puede abrir la base de datos. No se ha modificado nada.',
  'errors.storage_locked':
    'La carpeta de datos {path} está en uso por otro proceso de Despacho (PID {pid}: {command}). Ciérrelo o espere a que termine.',
  'errors.storage_locked_elsewhere':
    'La carpeta de datos {path} está en uso por Despacho en otro equipo ({host}, PID {pid}: {command}). Ciérrelo allí; si ese equipo ya no la usa, borre {lock} y vuelva a intentarlo.',
  'errors.storage_lock_unreadable':
    'No se puede leer el archivo de bloqueo {path}. Si ningún Despacho está usando esta carpeta de datos, bórrelo y vuelva a intentarlo.',
  'errors.unknown_call': 'Operación desconocida.',
  'errors.internal': 'Se ha producido un error interno. No se ha perdido nada; vuelva a intentarlo.',
} as const;
