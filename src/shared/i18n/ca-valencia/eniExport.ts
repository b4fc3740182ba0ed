import type { eniExport as es } from '../es/eniExport';

/** L’exportació ENI d’un expedient tancat (issue 9): la línia d’ordes i el botó de la pàgina de l’expedient. */
export const eniExport: Record<keyof typeof es, string> = {
  'eniExport.cli.usage': 'Ús: despacho export NÚMERO-D-EXPEDIENT --out FITXER.zip [--data CARPETA]',
  'eniExport.cli.notZip': 'El fitxer d’eixida {path} ha d’acabar en .zip.',
  'eniExport.cli.notFound': 'No hi ha cap expedient amb el número {number}.',
  'eniExport.cli.open':
    'L’expedient {number} continua obert ({state}): només s’exporten expedients tancats (resolts, notificats, arxivats, desistits o caducats).',
  'eniExport.cli.tampered':
    'El document {document} de l’expedient {number} no coincidix amb la seua empremta SHA-256 registrada: no s’ha exportat res. Restaureu l’original abans d’exportar.',
  'eniExport.cli.written':
    'Expedient {number} exportat en format ENI amb {count} documents en {path}. L’índex va signat amb el segell de pràctiques de l’oficina de demostració (sense validesa).',
  'eniExport.cli.written.one':
    'Expedient {number} exportat en format ENI amb {count} document en {path}. L’índex va signat amb el segell de pràctiques de l’oficina de demostració (sense validesa).',
  'history.action.case.exported_eni': 'S’exporta l’expedient en format ENI ({documents} documents)',
  'eniExport.button': 'Exportar expedient (ENI)',
  'eniExport.working': 'S’està exportant l’expedient…',
  'eniExport.done': 'Expedient exportat: {file}',
  'eniExport.hint':
    'Descarrega un .zip amb els documents, les seues metadades ENI i l’índex signat: amb el segell de l’oficina o, si dirigiu el servei, amb la vostra targeta.',
  'eniExport.done.card': 'Expedient exportat: {file}. L’índex va signat amb la vostra targeta.',
  'eniExport.dialog.title': 'Exportar expedient (ENI)',
  'eniExport.dialog.description':
    'El .zip porta els documents, les seues metadades ENI i l’índex de l’expedient signat. Trieu qui signa l’índex.',
  'eniExport.signer.legend': 'Signatura de l’índex',
  'eniExport.signer.card': 'Amb la meua targeta',
  'eniExport.signer.seal': 'Amb el segell electrònic de l’oficina',
  'eniExport.export': 'Exportar',
  'eniExport.failed': 'No s’ha exportat l’expedient: {reason}',
};
