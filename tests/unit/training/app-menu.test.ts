import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { otherModeArgs, trainingFromArgs } from '../../../src/main/app/launch-options';
import { applicationMenuTemplate } from '../../../src/main/app/menu';
import { translate } from '../../../src/shared/i18n/index';
import { createElectronMainFake, type MenuEntry } from '../host/electron-main-fake';

const electron = createElectronMainFake();
vi.mock('electron', () => electron.module);

/** The File menu's entries, by label. */
const fileMenu = (menu: readonly MenuEntry[]): MenuEntry[] => menu[0]!.submenu ?? [];
const entry = (menu: readonly MenuEntry[], label: string): MenuEntry => {
  const found = fileMenu(menu).find((item) => item.label === label);
  if (!found) throw new Error(`no "${label}" in ${JSON.stringify(fileMenu(menu).map((item) => item.label))}`);
  return found;
};

describe('the app menu’s training entry', () => {
  it('is in the File menu, in the system’s language, and starts or leaves training mode', () => {
    const toggled: string[] = [];
    const es = applicationMenuTemplate('es', { active: false, toggle: () => toggled.push('es') });
    const ca = applicationMenuTemplate('ca-valencia', { active: true, toggle: () => toggled.push('ca') });
    entry(es as MenuEntry[], 'Modo formación').click!();
    entry(ca as MenuEntry[], 'Eixir del mode formació').click!();
    expect(toggled).toEqual(['es', 'ca']);
    expect(fileMenu(es as MenuEntry[]).at(-1)!.label).toBe('Salir');
  });

  it('switches the command line between the two modes and keeps everything else', () => {
    const desk = ['.', '--data', '/srv/despacho'];
    expect(trainingFromArgs(desk)).toBe(false);
    expect(otherModeArgs(desk)).toEqual(['.', '--data', '/srv/despacho', '--training']);
    expect(trainingFromArgs(otherModeArgs(desk))).toBe(true);
    expect(otherModeArgs(otherModeArgs(desk))).toEqual(desk);
  });
});

// Loading main.ts loads the whole desk's module graph: slow on a busy machine, hence the room.
describe('the shell in training mode', { timeout: 120_000 }, () => {
  it('starts the app again with --training from the menu of a desk', async () => {
    const notAFolder = join(mkdtempSync(join(tmpdir(), 'despacho-menu-')), 'not-a-folder');
    writeFileSync(notAFolder, 'plain file');
    const state = await electron.launch(['--data', notAFolder]);
    expect(state.exitCode).toBe(1);
    expect(state.windows[0]!.options).toMatchObject({ title: 'Despacho' });
    entry(state.menu, translate('es', 'training.menu.start')).click!();
    expect(state.relaunched).toEqual([['.', '--data', notAFolder, '--training']]);
    expect(state.quit).toBe(true);
  });

  it('with --training opens the sandbox beside the data folder (never the folder itself), and leaves it from the menu', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'despacho-menu-')), 'desk');
    // What is beside the data folder is not a sandbox: the training desk refuses it untouched.
    mkdirSync(`${dataDir}-training`);
    writeFileSync(join(`${dataDir}-training`, 'notes.txt'), 'not a sandbox');
    const state = await electron.launch(['--data', dataDir, '--training'], { languages: ['ca-ES'] });
    expect(state.errorBox).toEqual([
      translate('ca-valencia', 'shell.startup.failedTitle'),
      translate('ca-valencia', 'errors.storage_not_a_training_sandbox', { path: `${dataDir}-training` }),
    ]);
    expect(state.windows[0]!.options).toMatchObject({ title: 'Despacho — MODE FORMACIÓ' });
    entry(state.menu, 'Eixir del mode formació').click!();
    expect(state.relaunched).toEqual([['.', '--data', dataDir]]);
  });
});
