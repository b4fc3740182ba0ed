import type { staff as es } from '../es/staff';

export const staff: Record<keyof typeof es, string> = {
  'office.users.usage':
    'Ús: despacho users list [--data CARPETA]\n' +
    '     despacho users set-nif USUARI NIF [--data CARPETA]\n' +
    '     despacho users clear-nif USUARI [--data CARPETA]\n' +
    '     despacho users activate|deactivate USUARI [--data CARPETA]',
  'office.users.line': '{id} · {name} · {department} · {roles} · NIF {nif} · {state}',
  'office.users.noNif': 'sense registrar (no pot signar)',
  'office.users.active': 'en actiu',
  'office.users.inactive': 'de baixa',
  'office.users.changed': 'Fet: {line}',
  'office.users.unchanged': "Ja estava així, no s'ha canviat res: {line}",
  'office.users.refused.unknown_user':
    'No hi ha cap usuari «{id}». Consulteu la llista amb: despacho users list',
  'office.users.refused.nif_not_valid':
    "Eixe NIF no és vàlid: han de ser 8 xifres i la seua lletra (DNI) o X, Y o Z, 7 xifres i la seua lletra (NIE). No s'ha canviat res.",
  'office.users.refused.nif_taken':
    "Eixe NIF ja està registrat per a un altre usuari («{holder}»): cada persona signa amb el seu propi certificat. No s'ha canviat res.",
} as const;
