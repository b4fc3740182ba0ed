import type { MenuItemConstructorOptions } from 'electron';
import type { Locale } from '../../shared/api/session';
import { translate, type MessageKey } from '../../shared/i18n/index';

/** The system's preferred languages decide the menu's: Catalan/Valencian first wins, Spanish otherwise. */
export function shellLocale(preferredLanguages: readonly string[]): Locale {
  for (const language of preferredLanguages) {
    if (/^(ca|val)\b/i.test(language)) return 'ca-valencia';
    if (/^es\b/i.test(language)) return 'es';
  }
  return 'es';
}

/** The File menu's way into (or out of) training mode: the same app started again in the other mode. */
export interface TrainingSwitch {
  /** This desk is the training desk. */
  active: boolean;
  /** Starts the app again in the other mode (training when it is not, the desk when it is). */
  toggle(): void;
}

/**
 * A small menu: training mode and quitting, the editing shortcuts text fields need, zoom and window
 * handling.
 */
export function applicationMenuTemplate(
  locale: Locale,
  training?: TrainingSwitch,
): MenuItemConstructorOptions[] {
  const label = (key: MessageKey) => translate(locale, key);
  const item = (role: MenuItemConstructorOptions['role'], key: MessageKey): MenuItemConstructorOptions => ({
    role,
    label: label(key),
  });
  return [
    {
      label: label('shell.menu.file'),
      submenu: [
        ...(training
          ? [
              {
                label: label(training.active ? 'training.menu.leave' : 'training.menu.start'),
                click: () => training.toggle(),
              },
              { type: 'separator' as const },
            ]
          : []),
        item('quit', 'shell.menu.quit'),
      ],
    },
    {
      label: label('shell.menu.edit'),
      submenu: [
        item('undo', 'shell.menu.undo'),
        item('redo', 'shell.menu.redo'),
        { type: 'separator' },
        item('cut', 'shell.menu.cut'),
        item('copy', 'shell.menu.copy'),
        item('paste', 'shell.menu.paste'),
        item('selectAll', 'shell.menu.selectAll'),
      ],
    },
    {
      label: label('shell.menu.view'),
      submenu: [
        item('reload', 'shell.menu.reload'),
        { type: 'separator' },
        item('resetZoom', 'shell.menu.resetZoom'),
        item('zoomIn', 'shell.menu.zoomIn'),
        item('zoomOut', 'shell.menu.zoomOut'),
        { type: 'separator' },
        item('togglefullscreen', 'shell.menu.fullScreen'),
      ],
    },
    {
      label: label('shell.menu.window'),
      submenu: [item('minimize', 'shell.menu.minimize'), item('close', 'shell.menu.close')],
    },
  ];
}
