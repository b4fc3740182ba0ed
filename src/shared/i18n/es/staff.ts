/** The administrator's `despacho users …`: the staff, their NIF on record and whether they may work. */
export const staff = {
  'office.users.usage':
    'Uso: despacho users list [--data CARPETA]\n' +
    '       despacho users set-nif USUARIO NIF [--data CARPETA]\n' +
    '       despacho users clear-nif USUARIO [--data CARPETA]\n' +
    '       despacho users activate|deactivate USUARIO [--data CARPETA]',
  'office.users.line': '{id} · {name} · {department} · {roles} · NIF {nif} · {state}',
  'office.users.noNif': 'sin registrar (no puede firmar)',
  'office.users.active': 'en activo',
  'office.users.inactive': 'de baja',
  'office.users.changed': 'Hecho: {line}',
  'office.users.unchanged': 'Ya estaba así, no se ha cambiado nada: {line}',
  'office.users.refused.unknown_user':
    'No hay ningún usuario «{id}». Consulte la lista con: despacho users list',
  'office.users.refused.nif_not_valid':
    'Ese NIF no es válido: deben ser 8 cifras y su letra (DNI) o X, Y o Z, 7 cifras y su letra (NIE). No se ha cambiado nada.',
  'office.users.refused.nif_taken':
    'Ese NIF ya está registrado para otro usuario («{holder}»): cada persona firma con su propio certificado. No se ha cambiado nada.',
} as const;
