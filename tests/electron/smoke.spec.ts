import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DespachoBridge } from '../../src/shared/api/bridge';
import { callNames, eventNames } from '../../src/shared/api/index';
import { contentSecurityPolicy } from '../../src/main/server/security-headers';
import { findElectronBinary } from './electron-binary';

const root = fileURLToPath(new URL('../..', import.meta.url));
const binary = findElectronBinary();
if (!binary.found) process.stdout.write(`Electron smoke tests skipped: ${binary.reason}.\n`);

test.describe('the Electron shell', () => {
  test.skip(!binary.found, binary.found ? '' : binary.reason);

  let app: ElectronApplication;
  let page: Page;
  let dataDir: string;

  test.beforeAll(async () => {
    if (!binary.found) return;
    if (
      !existsSync(join(root, 'out', 'main', 'app', 'main.js')) ||
      !existsSync(join(root, 'out', 'renderer'))
    )
      throw new Error('The app is not built: run `npm run build` first.');
    dataDir = mkdtempSync(join(tmpdir(), 'despacho-electron-'));
    app = await electron.launch({ executablePath: binary.path, args: [root, '--data', dataDir], cwd: root });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('opens one window on the app:// origin', async () => {
    expect(app.windows()).toHaveLength(1);
    expect(page.url()).toMatch(/^app:\/\/despacho\//);
  });

  test('exposes exactly the contract on window.despacho, and it answers', async () => {
    const names = await page.evaluate(() => {
      const bridge = (window as unknown as { despacho: DespachoBridge }).despacho;
      return { calls: Object.keys(bridge.calls).sort(), events: Object.keys(bridge.events).sort() };
    });
    expect(names).toEqual({ calls: [...callNames].sort(), events: [...eventNames].sort() });
    const users = await page.evaluate(() =>
      (window as unknown as { despacho: DespachoBridge }).despacho.calls['session.demoUsers']({}),
    );
    expect(users).toMatchObject({ ok: true });
  });

  test('gives the page no Node: no require, no process', async () => {
    const globals = await page.evaluate(() => ({
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
    }));
    expect(globals).toEqual({ require: 'undefined', process: 'undefined' });
  });

  test('serves the page under the desk CSP, which blocks inline scripts', async () => {
    const header = await page.evaluate(async () =>
      (await fetch('app://despacho/index.html')).headers.get('content-security-policy'),
    );
    expect(header).toBe(contentSecurityPolicy());
    const inlineRan = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineScriptRan = true';
      document.head.append(script);
      return (window as unknown as { inlineScriptRan?: boolean }).inlineScriptRan === true;
    });
    expect(inlineRan).toBe(false);
  });
  test('refuses window.open: no second window appears', async () => {
    const opened = await page.evaluate(() => window.open('https://example.org/') === null);
    expect(opened).toBe(true);
    expect(app.windows()).toHaveLength(1);
  });
});
