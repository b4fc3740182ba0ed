import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { callChannel } from '../../../src/main/preload/channels';
import { callNames } from '../../../src/shared/api/index';
import { translate } from '../../../src/shared/i18n/index';
import { createElectronMainFake } from './electron-main-fake';

// What main.ts wires for safety, and when, is in tests/security/loads-no-page-before-the-shell-is-locked-down.
const electron = createElectronMainFake();
vi.mock('electron', () => electron.module);

// Loading main.ts loads the whole desk's module graph: slow on a busy machine, hence the room.
describe('starting the shell', { timeout: 120_000 }, () => {
  it('refuses --data without a folder, in the system’s language, before opening anything', async () => {
    const state = await electron.launch(['--data'], { languages: ['ca-ES'] });
    expect(state.errorBox).toEqual([
      translate('ca-valencia', 'shell.startup.failedTitle'),
      translate('ca-valencia', 'shell.startup.missingData'),
    ]);
    expect(state.exitCode).toBe(1);
    expect(state.windows).toEqual([]);
  });

  it('opens the sandboxed window on app:// with every call bound, and says why a bad data folder cannot open', async () => {
    const notAFolder = join(mkdtempSync(join(tmpdir(), 'despacho-shell-')), 'not-a-folder');
    writeFileSync(notAFolder, 'plain file');
    const state = await electron.launch(['--data', notAFolder]);

    expect(state.privileged).toEqual([expect.objectContaining({ scheme: 'app' })]);
    expect([...state.protocolHandlers.keys()]).toEqual(['app']);
    expect(state.menuLabels).toContain('Archivo');
    expect(state.ipcChannels.sort()).toEqual(callNames.map(callChannel).sort());
    expect(state.windows).toHaveLength(1);
    expect(state.windows[0]!.url).toBe('app://despacho/index.html');
    expect(state.windows[0]!.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      preload: join(process.cwd(), 'out', 'preload', 'index.cjs'),
    });

    expect(state.errorBox).toEqual([
      translate('es', 'shell.startup.failedTitle'),
      translate('es', 'errors.storage_corrupt', { path: notAFolder }),
    ]);
    expect(state.exitCode).toBe(1);
  });

  it('names the process that has the data folder when another one holds it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'despacho-shell-'));
    const holder = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, '..', '..', 'support', 'hold-data-folder.ts'), dataDir],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    try {
      expect(String((await once(holder.stdout, 'data'))[0])).toContain('"held":true');
      const state = await electron.launch(['--data', dataDir]);
      expect(state.errorBox).toEqual([
        translate('es', 'shell.startup.failedTitle'),
        translate('es', 'errors.storage_locked', {
          path: dataDir,
          pid: String(holder.pid),
          command: 'hold-data-folder.ts',
        }),
      ]);
      expect(state.exitCode).toBe(1);
    } finally {
      holder.kill('SIGKILL');
    }
  });
});
