import { EventEmitter } from 'node:events';
import type { ActorResolver } from '../../../src/shared/api/access';
import type { DispatchResult, Handlers } from '../../../src/shared/api/dispatch';
import type { InvokeRegistry } from '../../../src/main/app/ipc-binding';
import type { InvokeEvent, SenderFrame } from '../../../src/main/app/trusted-sender';

/** Electron stands in here: there is no Electron binary on the test machines. */

export const demoUser = {
  id: 'u-demo',
  name: 'Persona de prueba',
  roles: ['processor' as const],
  departmentId: 'd-urb',
  departmentName: 'Urbanismo',
  position: 'Tramitadora',
};

/** Every user id names a processor of Urbanismo, except ids starting with `gone`, who no longer exist. */
export const fakeActors: ActorResolver = {
  resolve: async (userId) =>
    userId.startsWith('gone')
      ? null
      : { id: userId, name: demoUser.name, departmentId: demoUser.departmentId, roles: demoUser.roles },
};

/** Session handlers that really use the per-window slot; every call is recorded. */
export function recordingHandlers(): { handlers: Handlers; ran: string[] } {
  const ran: string[] = [];
  const known: Partial<Handlers> = {
    'session.signIn': async (input, ctx) => {
      ran.push('session.signIn');
      ctx.session.set(input.userId);
      return { user: { ...demoUser, id: input.userId }, mode: 'embedded' };
    },
    'session.current': async (_input, ctx) => {
      ran.push('session.current');
      const userId = ctx.session.get();
      return userId ? { user: { ...demoUser, id: userId }, mode: 'embedded' } : null;
    },
  };
  const handlers = new Proxy(known as Handlers, {
    get: (target, name: string) =>
      target[name as keyof Handlers] ??
      (async () => {
        ran.push(name);
        throw new Error(`${name} is not part of this test`);
      }),
  });
  return { handlers, ran };
}

/** ipcMain: keeps the registered invoke handlers so a test can invoke them like a renderer would. */
export class FakeIpcMain implements InvokeRegistry {
  readonly listeners = new Map<string, (event: InvokeEvent, input: unknown) => Promise<DispatchResult>>();

  handle(channel: string, listener: (event: InvokeEvent, input: unknown) => Promise<DispatchResult>): void {
    if (this.listeners.has(channel)) throw new Error(`second handler for ${channel}`);
    this.listeners.set(channel, listener);
  }

  removeHandler(channel: string): void {
    this.listeners.delete(channel);
  }

  invoke(channel: string, event: InvokeEvent, input: unknown): Promise<DispatchResult> {
    const listener = this.listeners.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    return listener(event, input);
  }
}

let nextToken = 1;

export function frame(url: string, parent: SenderFrame | null = null): SenderFrame {
  nextToken += 1;
  return { frameToken: `frame-${nextToken}`, parent, url };
}

/** A webContents: an id, its main frame, and 'destroyed' like Electron's. */
export class FakeContents extends EventEmitter {
  static #nextId = 1;
  readonly id = FakeContents.#nextId++;
  readonly sent: { channel: string; payload: unknown }[] = [];
  destroyed = false;

  constructor(readonly mainFrame: SenderFrame = frame('app://despacho/index.html')) {
    super();
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }

  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }

  /** An invoke sent from `from` (the main frame unless told otherwise). */
  invokeEvent(from: SenderFrame | null = this.mainFrame): InvokeEvent {
    return { sender: this, senderFrame: from };
  }
}
