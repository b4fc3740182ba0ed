import type { shell as es } from '../es/shell';

export const shell: Record<keyof typeof es, string> = {
  'shell.window.title': 'Despacho',
  'shell.menu.file': 'Arxiu',
  'shell.menu.quit': 'Ix',
  'shell.menu.edit': 'Edició',
  'shell.menu.undo': 'Desfés',
  'shell.menu.redo': 'Refés',
  'shell.menu.cut': 'Retalla',
  'shell.menu.copy': 'Copia',
  'shell.menu.paste': 'Apega',
  'shell.menu.selectAll': 'Selecciona-ho tot',
  'shell.menu.view': 'Visualització',
  'shell.menu.reload': 'Torna a carregar',
  'shell.menu.resetZoom': 'Mida real',
  'shell.menu.zoomIn': 'Amplia',
  'shell.menu.zoomOut': 'Redueix',
  'shell.menu.fullScreen': 'Pantalla completa',
  'shell.menu.window': 'Finestra',
  'shell.menu.minimize': 'Minimitza',
  'shell.menu.close': 'Tanca',
  'shell.startup.failedTitle': 'Despacho no s’ha pogut obrir',
  'shell.startup.missingData':
    'Falta la carpeta de dades després de «--data»: indiqueu-ne una, per exemple «--data /ruta/a/carpeta».',
  'shell.startup.unexpected':
    'Error inesperat en obrir les dades de {path}. No s’ha modificat res; torneu-ho a intentar o aviseu el servei d’informàtica.',
};
