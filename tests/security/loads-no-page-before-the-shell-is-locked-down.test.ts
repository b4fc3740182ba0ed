import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from '../../src/main/server/security-headers';
import { createElectronMainFake, FakeWebContents } from '../unit/host/electron-main-fake';

/*
 * The shell's safeguards are unit-tested one by one elsewhere; this checks that main.ts really wires
 * each of them, and early enough: a safeguard installed after the page has loaded protects nothing.
 */
const electron = createElectronMainFake();
vi.mock('electron', () => electron.module);

/** A data folder the desk cannot open: the window comes up, the desk fails and main.ts exits. */
function unopenableDataFolder(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'despacho-shell-')), 'not-a-folder');
  writeFileSync(path, 'plain file');
  return path;
}

/** Where `entry` happened in main.ts's run, -1 if it never did. */
const at = (log: string[], entry: string) => log.indexOf(entry);
const windowLoad = (log: string[]) => log.findIndex((entry) => entry.startsWith('loadURL '));

const permissions = [
  'media',
  'display-capture',
  'geolocation',
  'notifications',
  'clipboard-read',
  'clipboard-sanitized-write',
  'openExternal',
  'fileSystem',
  'hid',
  'serial',
  'usb',
  'local-fonts',
  'local-network-access',
  'pointerLock',
  'fullscreen',
  'unknown',
];

// Loading main.ts loads the whole desk's module graph: slow on a busy machine, hence the room.
describe('no page loads before the shell is locked down', { timeout: 120_000 }, () => {
  it('turns the OS sandbox on for every renderer before the app is ready', async () => {
    const beforeReady = await electron.load(['--data', unopenableDataFolder()]);
    expect(beforeReady.ready).toBe(false);
    expect(beforeReady.log).toContain('app.enableSandbox');

    const { log } = await electron.readyAndSettled();
    expect(at(log, 'app.enableSandbox')).toBeLessThan(at(log, 'ready'));
  });

  it('denies every permission request and check on the default session before the window loads', async () => {
    const state = await electron.launch(['--data', unopenableDataFolder()]);
    const load = windowLoad(state.log);
    expect(load).toBeGreaterThan(-1);
    expect(at(state.log, 'defaultSession.setPermissionRequestHandler')).toBeGreaterThan(-1);
    expect(at(state.log, 'defaultSession.setPermissionRequestHandler')).toBeLessThan(load);
    expect(at(state.log, 'defaultSession.setPermissionCheckHandler')).toBeGreaterThan(-1);
    expect(at(state.log, 'defaultSession.setPermissionCheckHandler')).toBeLessThan(load);

    const page = state.windows[0]!.webContents;
    for (const permission of permissions) {
      const answers: boolean[] = [];
      state.permissionRequestHandler!(page, permission, (granted) => answers.push(granted));
      expect(answers, permission).toEqual([false]);
      expect(state.permissionCheckHandler!(page, permission), permission).toBe(false);
      expect(state.permissionCheckHandler!(null, permission), permission).toBe(false);
    }
  });

  it('loads the window only from its own app:// origin, privileged before ready and served with the CSP', async () => {
    const state = await electron.launch(['--data', unopenableDataFolder()]);
    expect(state.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(at(state.log, 'protocol.registerSchemesAsPrivileged app')).toBeLessThan(at(state.log, 'ready'));
    expect(at(state.log, 'protocol.handle app')).toBeGreaterThan(-1);
    expect(at(state.log, 'protocol.handle app')).toBeLessThan(windowLoad(state.log));
    expect(state.windows.map((window) => window.url)).toEqual(['app://despacho/index.html']);

    const serve = state.protocolHandlers.get('app')!;
    const page = await serve(new Request('app://despacho/index.html'));
    expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
    const foreign = await serve(new Request('app://elsewhere/index.html'));
    expect(foreign.status).toBe(404);
    expect(foreign.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
  });

  it('guards every webContents, the main window’s before it loads anything', async () => {
    const state = await electron.launch(['--data', unopenableDataFolder()]);
    expect(at(state.log, 'app.on web-contents-created')).toBeGreaterThan(-1);
    expect(at(state.log, 'app.on web-contents-created')).toBeLessThan(at(state.log, 'ready'));

    // Electron announces the window's contents while constructing it, so this guard came first.
    const later = new FakeWebContents();
    electron.module.app.emit('web-contents-created', {}, later);
    for (const contents of [state.windows[0]!.webContents, later]) {
      expect(contents.attempt('will-navigate', 'https://evil.example/')).toBe(true);
      expect(contents.attempt('will-redirect', 'https://evil.example/')).toBe(true);
      expect(contents.attempt('will-attach-webview')).toBe(true);
      expect(contents.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    }
  });

  it('runs one instance: a second launch opens nothing and hands over to the first one', async () => {
    const second = await electron.launch(['--data', unopenableDataFolder()], { singleInstance: false });
    expect(second.quit).toBe(true);
    expect(second.windows).toEqual([]);
    expect(second.ipcChannels).toEqual([]);
    expect(second.protocolHandlers.size).toBe(0);
    expect(second.log).not.toContain('app.on web-contents-created');

    const first = await electron.launch(['--data', unopenableDataFolder()]);
    expect(at(first.log, 'app.requestSingleInstanceLock')).toBeLessThan(at(first.log, 'ready'));
    electron.module.app.emit('second-instance');
    expect(first.log).toContain('window.focus');
  });
});
