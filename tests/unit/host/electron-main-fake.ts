import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/**
 * Electron's main-process modules as far as src/main/app/main.ts uses them (there is no Electron
 * binary here), with Electron's own ordering rules: `enableSandbox` and `registerSchemesAsPrivileged`
 * throw once the app is ready, and every new window's webContents is announced through
 * `web-contents-created` before the window can load anything. Every call lands in `log`, in order.
 *
 * Use: `const electron = createElectronMainFake(); vi.mock('electron', () => electron.module);`
 */

type Listener = (event: { url?: string; preventDefault(): void }) => void;
type OpenHandler = (details: { url: string }) => { action: string };
type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
) => void;
type PermissionCheckHandler = (contents: unknown, permission: string) => boolean;

/** A webContents as the contents guard sees it. */
export class FakeWebContents extends EventEmitter {
  static #nextId = 1;
  readonly id = FakeWebContents.#nextId++;
  openHandler: OpenHandler | null = null;

  setWindowOpenHandler(handler: OpenHandler): void {
    this.openHandler = handler;
  }

  /** Fires `name` like Electron does and says whether a listener refused it. */
  attempt(name: string, url?: string): boolean {
    let refused = false;
    this.emit(name, { url, preventDefault: () => (refused = true) } satisfies Parameters<Listener>[0]);
    return refused;
  }
}

export interface WindowRecord {
  options: { webPreferences?: Record<string, unknown> };
  url: string | null;
  webContents: FakeWebContents;
}

/** A menu entry as a template gives it. */
export interface MenuEntry {
  label?: string;
  click?: () => void;
  submenu?: MenuEntry[];
}

export interface LaunchSetup {
  singleInstance?: boolean;
  languages?: string[];
}

export function createElectronMainFake() {
  const state = {
    log: [] as string[],
    ready: false,
    singleInstance: true,
    languages: ['es-ES'],
    exitCode: null as number | null,
    quit: false,
    errorBox: null as [string, string] | null,
    privileged: [] as unknown[],
    protocolHandlers: new Map<string, (request: Request) => Promise<Response> | Response>(),
    permissionRequestHandler: null as PermissionRequestHandler | null,
    permissionCheckHandler: null as PermissionCheckHandler | null,
    ipcChannels: [] as string[],
    windows: [] as WindowRecord[],
    menuLabels: [] as string[],
    /** The application menu's template as main.ts set it (buildFromTemplate hands it back as is). */
    menu: [] as MenuEntry[],
    /** The command lines app.relaunch was asked to start the app again with. */
    relaunched: [] as string[][],
  };
  let becomeReady = () => undefined as void;
  let readyPromise = Promise.resolve();
  let markSettled = () => undefined as void;
  let settled = Promise.resolve();
  const argv = process.argv;

  const app = Object.assign(new EventEmitter(), {
    enableSandbox: () => {
      if (state.ready) throw new Error('app.enableSandbox() must be called before the app is ready');
      state.log.push('app.enableSandbox');
    },
    requestSingleInstanceLock: () => {
      state.log.push('app.requestSingleInstanceLock');
      return state.singleInstance;
    },
    whenReady: () => readyPromise,
    isReady: () => state.ready,
    getPreferredSystemLanguages: () => state.languages,
    getPath: () => '/nonexistent/user-data',
    getAppPath: () => process.cwd(),
    relaunch: (options: { args: string[] }) => state.relaunched.push(options.args),
    isPackaged: false,
    quit: () => {
      state.quit = true;
      markSettled();
    },
    exit: (code: number) => {
      state.exitCode = code;
      markSettled();
    },
  });

  class BrowserWindow extends EventEmitter {
    static getAllWindows = () => windows;
    readonly webContents = new FakeWebContents();
    readonly record: WindowRecord;
    constructor(options: WindowRecord['options']) {
      super();
      state.log.push('new BrowserWindow');
      this.record = { options, url: null, webContents: this.webContents };
      state.windows.push(this.record);
      windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    loadURL(url: string) {
      state.log.push(`loadURL ${url}`);
      this.record.url = url;
      return Promise.resolve();
    }
    isDestroyed = () => false;
    isMinimized = () => false;
    restore = () => undefined;
    focus = () => state.log.push('window.focus');
  }
  let windows: BrowserWindow[] = [];

  const module = {
    app,
    BrowserWindow,
    protocol: {
      registerSchemesAsPrivileged: (schemes: { scheme: string }[]) => {
        if (state.ready)
          throw new Error('registerSchemesAsPrivileged must be called before the app is ready');
        state.log.push(`protocol.registerSchemesAsPrivileged ${schemes.map((entry) => entry.scheme)}`);
        state.privileged.push(...schemes);
      },
      handle: (scheme: string, handler: (request: Request) => Promise<Response> | Response) => {
        state.log.push(`protocol.handle ${scheme}`);
        state.protocolHandlers.set(scheme, handler);
      },
    },
    ipcMain: {
      handle: (channel: string) => state.ipcChannels.push(channel),
      removeHandler: () => undefined,
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: PermissionRequestHandler) => {
          state.log.push('defaultSession.setPermissionRequestHandler');
          state.permissionRequestHandler = handler;
        },
        setPermissionCheckHandler: (handler: PermissionCheckHandler) => {
          state.log.push('defaultSession.setPermissionCheckHandler');
          state.permissionCheckHandler = handler;
        },
      },
    },
    Menu: {
      buildFromTemplate: (template: { label?: string }[]) => template,
      setApplicationMenu: (menu: MenuEntry[]) => {
        state.menu = menu;
        state.menuLabels.push(...menu.map((item) => item.label ?? ''));
      },
    },
    dialog: { showErrorBox: (title: string, message: string) => (state.errorBox = [title, message]) },
    shell: { openExternal: () => Promise.resolve() },
    // The token worker starts on a card's first use, which no start-up test reaches.
    utilityProcess: {
      fork: () => {
        throw new Error('the fake shell starts no token worker');
      },
    },
  };

  /**
   * Loads main.ts afresh with `args` on its command line and the app not yet ready: what main.ts does
   * before `ready` has happened when this resolves.
   */
  async function load(args: string[], setup: LaunchSetup = {}) {
    Object.assign(state, {
      log: [],
      ready: false,
      singleInstance: setup.singleInstance ?? true,
      languages: setup.languages ?? ['es-ES'],
      exitCode: null,
      quit: false,
      errorBox: null,
      privileged: [],
      protocolHandlers: new Map(),
      permissionRequestHandler: null,
      permissionCheckHandler: null,
      ipcChannels: [],
      windows: [],
      menuLabels: [],
      menu: [],
      relaunched: [],
    });
    windows = [];
    app.removeAllListeners();
    app.on('newListener', (event: string) => state.log.push(`app.on ${event}`));
    readyPromise = new Promise<void>(
      (resolve) =>
        (becomeReady = () => {
          state.ready = true;
          state.log.push('ready');
          resolve();
        }),
    );
    settled = new Promise<void>((resolve) => (markSettled = resolve));
    vi.resetModules();
    // main.ts reads its command line once ready: it stays set until main.ts has settled.
    process.argv = ['electron', '.', ...args];
    await import('../../../src/main/app/main');
    return state;
  }

  /** The app becomes ready; resolves when main.ts has quit or exited. */
  async function readyAndSettled() {
    becomeReady();
    await settled;
    process.argv = argv;
    return state;
  }

  return {
    state,
    module,
    load,
    readyAndSettled,
    /** load, ready, and wait until main.ts quits or exits. */
    async launch(args: string[], setup: LaunchSetup = {}) {
      await load(args, setup);
      return readyAndSettled();
    },
  };
}
