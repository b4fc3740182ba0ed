import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { applicationMenuTemplate, shellLocale } from '../../../src/main/app/menu';

const labels = (items: MenuItemConstructorOptions[]): string[] =>
  items.flatMap((item) => [
    ...(item.label ? [item.label] : []),
    ...(Array.isArray(item.submenu) ? labels(item.submenu) : []),
  ]);

describe('application menu', () => {
  it('speaks Valencian when the system prefers Catalan or Valencian, Spanish otherwise', () => {
    expect(shellLocale(['ca-ES-valencia', 'es-ES'])).toBe('ca-valencia');
    expect(shellLocale(['ca'])).toBe('ca-valencia');
    expect(shellLocale(['es-ES', 'ca-ES'])).toBe('es');
    expect(shellLocale(['en-GB', 'ca-ES'])).toBe('ca-valencia');
    expect(shellLocale(['en-US'])).toBe('es');
    expect(shellLocale([])).toBe('es');
  });

  it('labels every entry in the chosen language', () => {
    expect(labels(applicationMenuTemplate('es'))).toEqual(
      expect.arrayContaining(['Archivo', 'Salir', 'Edición', 'Copiar', 'Pegar', 'Ver', 'Ventana']),
    );
    expect(labels(applicationMenuTemplate('ca-valencia'))).toEqual(
      expect.arrayContaining(['Arxiu', 'Eixir', 'Edició', 'Copiar', 'Apegar', 'Visualització', 'Finestra']),
    );
  });

  it('has no entry without a label and no developer tools', () => {
    const entries = applicationMenuTemplate('es').flatMap((menu) => [
      menu,
      ...(menu.submenu as MenuItemConstructorOptions[]),
    ]);
    for (const entry of entries) if (entry.type !== 'separator') expect(entry.label).toBeTruthy();
    expect(entries.map((entry) => entry.role)).not.toContain('toggleDevTools');
  });
});
