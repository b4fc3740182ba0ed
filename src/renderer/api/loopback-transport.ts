import { loopback, type BridgeResult } from '../../shared/api/bridge';
import type { EventName } from '../../shared/api/index';
import { reconnectDelay } from './backoff';
import type { Transport } from './transport';

/** What the transport needs told about one WebSocket; an error must end in a close. */
export interface SocketHandlers {
  onOpen: () => void;
  onMessage: (data: unknown) => void;
  onClose: () => void;
}

export interface SocketLike {
  close(): void;
}

export interface LoopbackOptions {
  /** Origin of the loopback host, e.g. `http://127.0.0.1:41234`. */
  baseUrl: string;
  token: string;
  /** Identifies this tab's desk connection (its own sign-in) to the host. */
  deskId: string;
  fetch: typeof globalThis.fetch;
  openSocket: (url: string, protocols: string[], handlers: SocketHandlers) => SocketLike;
  /** Timers are injectable so reconnection can be driven step by step. */
  setTimeout?: (callback: () => void, ms: number) => unknown;
  clearTimeout?: (handle: unknown) => void;
}

const isBridgeResult = (body: unknown): body is BridgeResult =>
  typeof body === 'object' && body !== null && typeof (body as { ok?: unknown }).ok === 'boolean';

/** In a plain browser: calls over HTTP POST, events over one WebSocket that reconnects with backoff. */
export function loopbackTransport(options: LoopbackOptions): Transport {
  const schedule = options.setTimeout ?? ((callback, ms) => globalThis.setTimeout(callback, ms));
  const cancel = options.clearTimeout ?? ((handle) => globalThis.clearTimeout(handle as number));
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const connectionListeners = new Set<(connected: boolean) => void>();
  let socket: SocketLike | null = null;
  let connected = false;
  let attempt = 0;
  let retryTimer: unknown = null;

  const subscriberCount = () => [...listeners.values()].reduce((sum, set) => sum + set.size, 0);
  const setConnected = (value: boolean) => {
    if (connected === value) return;
    connected = value;
    for (const listener of connectionListeners) listener(value);
  };

  const connect = () => {
    retryTimer = null;
    const url = `${options.baseUrl.replace(/^http/, 'ws')}${loopback.eventsPath}`;
    const current: SocketLike = options.openSocket(
      url,
      [
        loopback.wsProtocol,
        `${loopback.wsTokenPrefix}${options.token}`,
        `${loopback.wsDeskPrefix}${options.deskId}`,
      ],
      {
        onOpen: () => {
          if (socket !== current) return;
          attempt = 0;
          setConnected(true);
        },
        onMessage: (data) => dispatchMessage(data),
        onClose: () => {
          if (socket !== current) return;
          socket = null;
          setConnected(false);
          if (subscriberCount() > 0) retryTimer = schedule(connect, reconnectDelay(attempt++));
        },
      },
    );
    socket = current;
  };

  const dispatchMessage = (data: unknown) => {
    let message: unknown;
    try {
      message = JSON.parse(typeof data === 'string' ? data : String(data));
    } catch {
      return;
    }
    const { event, payload } = (message ?? {}) as { event?: unknown; payload?: unknown };
    if (typeof event !== 'string') return;
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };

  const disconnectIfIdle = () => {
    if (subscriberCount() > 0) return;
    if (retryTimer !== null) cancel(retryTimer);
    retryTimer = null;
    const current = socket;
    socket = null;
    current?.close();
    connected = false;
  };

  return {
    async call(name, input) {
      const response = await options.fetch(`${options.baseUrl}${loopback.callPath(name)}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [loopback.authHeader]: `Bearer ${options.token}`,
          [loopback.deskHeader]: options.deskId,
        },
        body: JSON.stringify(input ?? {}),
      });
      const body: unknown = await response.json().catch(() => null);
      if (isBridgeResult(body)) return body;
      const code = response.status === 401 || response.status === 403 ? 'forbidden' : 'internal';
      return { ok: false, error: { code } };
    },
    subscribe(name: EventName, listener) {
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      set.add(listener);
      if (!socket && retryTimer === null) connect();
      return () => {
        set.delete(listener);
        disconnectIfIdle();
      };
    },
    onConnectionChange(listener) {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
  };
}
