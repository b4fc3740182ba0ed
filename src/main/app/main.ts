import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  session,
  shell,
  utilityProcess,
} from 'electron';
import { join } from 'node:path';
import type { SessionSlot } from '../../shared/api/dispatch';
import type { Locale } from '../../shared/api/session';
import { translate, type MessageKey, type MessageParams } from '../../shared/i18n/index';
import type { Desk, DeskComposition } from '../compose';
import { startDesk, type StartingDesk } from '../compose/starting-desk';
import { trainingDataDir } from '../compose/training-sandbox';
import { officeFailureMessage } from '../office/cli-support';
import { builtLayout } from '../package-root';
import { appEntryUrl, appScheme, appSchemePrivileges, serveAppRequest } from './app-protocol';
import { guardContents } from './contents-guard';
import { forwardEvents } from './event-forwarding';
import { createExternalOpener } from './external-links';
import { bindIpc } from './ipc-binding';
import { dataDirFromArgs, otherModeArgs, trainingFromArgs } from './launch-options';
import { mainWindowOptions } from './main-window';
import { applicationMenuTemplate, shellLocale } from './menu';
import { denyAllPermissions } from './permissions';
import { createSessionSlots, type SlotOwner } from './session-slots';
import { isTrustedInvoke } from './trusted-sender';
import { utilityTokenWorkerLauncher } from './token-worker-launcher';

// Must happen before `ready`: app:// gets the standard-origin rules (CSP 'self', fetch, storage).
protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
app.enableSandbox();

const openExternal = createExternalOpener((url) => shell.openExternal(url));
let mainWindow: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) => guardContents(contents, openExternal));
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(start);
}

function start(): void {
  const locale = shellLocale(app.getPreferredSystemLanguages());
  const text = (key: MessageKey, params?: MessageParams) => translate(locale, key, params);
  const args = process.argv.slice(1);
  const launch = dataDirFromArgs(args, app.getPath('userData'));
  if ('missingValue' in launch) return failToStart(locale, text('shell.startup.missingData'));
  const training = trainingFromArgs(args);
  // A training desk never opens the desk's own data: its sandbox is a folder beside it.
  const composition: DeskComposition = training
    ? { mode: 'training', dataDir: trainingDataDir(launch.dataDir) }
    : { mode: 'embedded', dataDir: launch.dataDir };

  const appPath = app.getAppPath();
  denyAllPermissions(session.defaultSession);
  protocol.handle(appScheme, (request) => serveAppRequest(join(appPath, 'out', 'renderer'), request));
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      applicationMenuTemplate(locale, { active: training, toggle: () => relaunchWith(otherModeArgs(args)) }),
    ),
  );

  const desk = startDesk(composition, {
    calendarDir: join(resourcesDir(appPath), 'calendars'),
    // The packaged app cannot fork Node (its runAsNode fuse is off): the card's driver runs in a utility process.
    tokenWorker: utilityTokenWorkerLauncher({
      utilityProcess,
      modulePath: join(appPath, builtLayout.tokenWorker),
      env: process.env,
    }),
  });
  // One sign-in per window, read by the calls it makes and by the events it is sent.
  const slots = createSessionSlots();
  bindWindowsTo(desk, slots.slotFor);
  closeBeforeQuit(desk.ready);
  mainWindow = createMainWindow(appPath, text(training ? 'training.window.title' : 'shell.window.title'));
  forwardEvents(desk.events, {
    targets: () => BrowserWindow.getAllWindows().map((window) => window.webContents),
    slotFor: slots.slotFor,
    actors: desk.actors,
  });
  desk.ready.catch((error: unknown) => {
    const failure = officeFailureMessage(error);
    failToStart(
      locale,
      failure
        ? text(failure.key, failure.params)
        : text('shell.startup.unexpected', { path: composition.dataDir }),
    );
  });
}

function bindWindowsTo(desk: StartingDesk, slotFor: (owner: SlotOwner) => SessionSlot): void {
  bindIpc({
    ipcMain,
    handlers: desk.handlers,
    actors: desk.actors,
    isTrusted: (event) =>
      isTrustedInvoke(event, mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents : null),
    slotFor,
    // The error's name only: messages may quote inputs, which may hold personal data.
    onInternalError: (name, error) =>
      console.error(
        `despacho: internal error in ${name} (${error instanceof Error ? error.name : 'unknown'})`,
      ),
  });
}

/** The store is closed (and a seeding in progress finished) before the process goes away. */
function closeBeforeQuit(desk: Promise<Desk>): void {
  let closing = false;
  app.on('before-quit', (event) => {
    if (closing) return;
    closing = true;
    event.preventDefault();
    void desk
      .then((ready) => ready.close())
      .catch(() => undefined)
      .finally(() => app.quit());
  });
}

function createMainWindow(appPath: string, title: string): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(join(appPath, 'out', 'preload', 'index.cjs'), title));
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    mainWindow = null;
  });
  void window.loadURL(appEntryUrl);
  return window;
}

/** The app starts again with `args` once this one has closed its desk and quit. */
function relaunchWith(args: string[]): void {
  app.relaunch({ args });
  app.quit();
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

/** Calendars and other read-only resources: next to the asar when packaged, in the checkout otherwise. */
function resourcesDir(appPath: string): string {
  return app.isPackaged ? join(process.resourcesPath, 'resources') : join(appPath, 'resources');
}

function failToStart(locale: Locale, message: string): void {
  dialog.showErrorBox(translate(locale, 'shell.startup.failedTitle'), message);
  app.exit(1);
}
