import type { desk as es } from '../es/desk';

/** El marc del despatx: un enllaç a un expedient que no existix, una pantalla que falla, el servidor perdut. */
export const desk: Record<keyof typeof es, string> = {
  'caseLink.notFound':
    'No hi ha cap expedient «{id}» en el vostre servei. Comproveu l’enllaç o cerqueu l’expedient en la safata.',
  'caseLink.invalidId': '«{id}» no és un identificador d’expedient. Comproveu l’enllaç.',
  'screenError.title': 'No s’ha pogut mostrar esta pantalla',
  'screenError.message': 'Alguna cosa ha fallat en mostrar-la; no s’ha perdut res del que s’havia guardat.',
  'screenError.back': 'Tornar a la safata',
  'connection.unreachable':
    'Sense connexió amb el servidor local: Despacho ha deixat d’intentar-ho. Comproveu que «despacho serve» continua en marxa i torneu-ho a intentar.',
  'connection.retry': 'Tornar a intentar-ho',
  'connection.refused':
    'El servidor local s’ha reiniciat i esta pestanya ja no hi té accés. Obriu Despacho amb l’enllaç nou que mostra «despacho serve» (podeu apegar-lo en esta pestanya) i torneu a identificar-vos; no s’ha perdut res del que s’havia guardat.',
  'connection.reload': 'Recarregar la pàgina',
};
