import type { shell as es } from '../es/shell';

export const shell: Record<keyof typeof es, string> = {
  'shell.window.title': 'Despacho',
  'shell.menu.file': 'Arxiu',
  'shell.menu.quit': 'Eixir',
  'shell.menu.edit': 'Edició',
  'shell.menu.undo': 'Desfer',
  'shell.menu.redo': 'Refer',
  'shell.menu.cut': 'Retallar',
  'shell.menu.copy': 'Copiar',
  'shell.menu.paste': 'Apegar',
  'shell.menu.selectAll': 'Seleccionar-ho tot',
  'shell.menu.view': 'Visualització',
  'shell.menu.reload': 'Tornar a carregar',
  'shell.menu.resetZoom': 'Mida real',
  'shell.menu.zoomIn': 'Ampliar',
  'shell.menu.zoomOut': 'Reduir',
  'shell.menu.fullScreen': 'Pantalla completa',
  'shell.menu.window': 'Finestra',
  'shell.menu.minimize': 'Minimitzar',
  'shell.menu.close': 'Tancar',
  'shell.startup.failedTitle': 'Despacho no s’ha pogut obrir',
  'shell.startup.missingData':
    'Falta la carpeta de dades després de «--data»: indiqueu-ne una, per exemple «--data /ruta/a/carpeta».',
  'shell.startup.unexpected':
    'Error inesperat en obrir les dades de {path}. No s’ha modificat res; torneu-ho a intentar o aviseu el servei d’informàtica.',
};
