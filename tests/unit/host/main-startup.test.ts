import { EventEmitter } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { callChannel } from '../../../src/main/preload/channels';
import { callNames } from '../../../src/shared/api/index';
import { translate } from '../../../src/shared/i18n/index';

/** Electron's main-process modules, as far as main.ts uses them (no Electron binary here). */
const electron = vi.hoisted(() => {
  const state = {
    singleInstance: true,
    languages: ['es-ES'],
    exitCode: null as number | null,
    quit: false,
    errorBox: null as [string, string] | null,
    protocolHandled: [] as string[],
    privileged: [] as unknown[],
    ipcChannels: [] as string[],
    windows: [] as { options: { webPreferences?: Record<string, unknown> }; url: string | null }[],
    menuLabels: [] as string[],
    /** Resolved when main.ts quits or exits. */
    settled: Promise.resolve(),
    markSettled: () => undefined as void,
    app: null as EventEmitter | null,
  };
  return { state };
});

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const { state } = electron;
  class BrowserWindow extends Emitter {
    static getAllWindows = () => [];
    webContents = { id: 1 };
    record: (typeof state.windows)[number];
    constructor(options: (typeof state.windows)[number]['options']) {
      super();
      this.record = { options, url: null };
      state.windows.push(this.record);
    }
    loadURL(url: string) {
      this.record.url = url;
      return Promise.resolve();
    }
  }
  const app = Object.assign(new Emitter(), {
    enableSandbox: () => undefined,
    requestSingleInstanceLock: () => state.singleInstance,
    whenReady: () => Promise.resolve(),
    getPreferredSystemLanguages: () => state.languages,
    getPath: () => '/nonexistent/user-data',
    getAppPath: () => process.cwd(),
    isPackaged: false,
    quit: () => {
      state.quit = true;
      state.markSettled();
    },
    exit: (code: number) => {
      state.exitCode = code;
      state.markSettled();
    },
  });
  state.app = app;
  return {
    app,
    BrowserWindow,
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => state.privileged.push(...schemes),
      handle: (scheme: string) => state.protocolHandled.push(scheme),
    },
    ipcMain: { handle: (channel: string) => state.ipcChannels.push(channel), removeHandler: () => undefined },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => undefined,
        setPermissionCheckHandler: () => undefined,
      },
    },
    Menu: {
      buildFromTemplate: (template: { label?: string }[]) => template,
      setApplicationMenu: (menu: { label?: string }[]) =>
        state.menuLabels.push(...menu.map((item) => item.label ?? '')),
    },
    dialog: { showErrorBox: (title: string, message: string) => (state.errorBox = [title, message]) },
    shell: { openExternal: () => Promise.resolve() },
  };
});

const argv = process.argv;

beforeEach(() => {
  vi.resetModules();
});

afterEach(() => {
  process.argv = argv;
});

async function launch(args: string[], setup: Partial<typeof electron.state> = {}) {
  Object.assign(electron.state, {
    singleInstance: true,
    languages: ['es-ES'],
    exitCode: null,
    quit: false,
    errorBox: null,
    protocolHandled: [],
    privileged: [],
    ipcChannels: [],
    windows: [],
    menuLabels: [],
    ...setup,
  });
  electron.state.app?.removeAllListeners();
  electron.state.settled = new Promise<void>((resolve) => (electron.state.markSettled = resolve));
  process.argv = ['electron', '.', ...args];
  await import('../../../src/main/app/main');
  await electron.state.settled;
  return electron.state;
}

describe('starting the shell', () => {
  it('leaves a second instance to the first one', async () => {
    const state = await launch([], { singleInstance: false });
    expect(state.quit).toBe(true);
    expect(state.windows).toEqual([]);
    expect(state.ipcChannels).toEqual([]);
  });

  it('refuses --data without a folder, in the system’s language, before opening anything', async () => {
    const state = await launch(['--data'], { languages: ['ca-ES'] });
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
    const state = await launch(['--data', notAFolder]);

    expect(state.privileged).toEqual([expect.objectContaining({ scheme: 'app' })]);
    expect(state.protocolHandled).toEqual(['app']);
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
  it('guards every webContents that appears, not only the main window', async () => {
    const state = await launch(['--data']);
    const contents = new EventEmitter() as EventEmitter & {
      setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void;
      openHandler?: (details: { url: string }) => { action: string };
    };
    contents.setWindowOpenHandler = (handler) => (contents.openHandler = handler);
    state.app!.emit('web-contents-created', {}, contents);

    let refused = 0;
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview'])
      contents.emit(name, { url: 'https://evil.example/', preventDefault: () => (refused += 1) });
    expect(refused).toBe(3);
    expect(contents.openHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });
});
