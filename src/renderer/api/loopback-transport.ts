import { isBridgeResult, loopback } from '../../shared/api/bridge';
import type { CallName, EventName } from '../../shared/api/index';
import { reconnectDelay } from './backoff';
import type { ConnectionStatus, Transport } from './transport';

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

/**
 * Reconnection attempts before the desk stops and asks the user (about 45 s with the backoff): a
 * stopped host does not come back by itself, and retrying forever hides that from the user.
 */
export const maxReconnectAttempts = 8;

/**
 * The host answers 401 to a token it does not know (it restarted with a new one), and to a call of a
 * signed-out desk (`not_signed_in`, e.g. one the desk cap signed out): only the first is a refusal.
 */
const tokenRefused = (status: number, body: unknown) =>
  status === 401 && !(isBridgeResult(body) && !body.ok && body.error.code === 'not_signed_in');

/** In a plain browser: calls over HTTP POST, events over one WebSocket that reconnects with backoff. */
export function loopbackTransport(options: LoopbackOptions): Transport {
  const schedule = options.setTimeout ?? ((callback, ms) => globalThis.setTimeout(callback, ms));
  const cancel = options.clearTimeout ?? ((handle) => globalThis.clearTimeout(handle as number));
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const connectionListeners = new Set<(status: ConnectionStatus) => void>();
  let socket: SocketLike | null = null;
  let status: ConnectionStatus | null = null;
  let attempt = 0;
  let retryTimer: unknown = null;
  let probing = false;

  const subscriberCount = () => [...listeners.values()].reduce((sum, set) => sum + set.size, 0);
  const setStatus = (value: ConnectionStatus) => {
    if (status === value || status === 'refused') return;
    status = value;
    for (const listener of connectionListeners) listener(value);
  };
  const stopRetrying = () => {
    if (retryTimer !== null) cancel(retryTimer);
    retryTimer = null;
  };
  const refuse = () => {
    stopRetrying();
    setStatus('refused');
  };

  /** Asks the host whether it still knows the token before the next attempt, which a socket cannot tell. */
  const retryLater = async () => {
    probing = true;
    const probe = await post('session.current', {}).catch(() => null);
    probing = false;
    if (status === 'refused' || subscriberCount() === 0 || socket) return;
    if (probe && tokenRefused(probe.status, await probe.json().catch(() => null))) return refuse();
    if (attempt >= maxReconnectAttempts) return setStatus('unreachable');
    retryTimer = schedule(connect, reconnectDelay(attempt++));
  };

  const post = (name: CallName, input: unknown) =>
    options.fetch(`${options.baseUrl}${loopback.callPath(name)}`, {
      method: 'POST',
      headers: loopback.callHeaders(options.token, options.deskId),
      body: JSON.stringify(input ?? {}),
    });

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
          setStatus('connected');
        },
        onMessage: (data) => dispatchMessage(data),
        onClose: () => {
          if (socket !== current) return;
          socket = null;
          if (subscriberCount() === 0) return;
          setStatus('reconnecting');
          void retryLater();
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
    stopRetrying();
    const current = socket;
    socket = null;
    current?.close();
    if (status !== 'refused') status = null;
  };
  const mayConnect = () =>
    !socket && retryTimer === null && !probing && status !== 'refused' && status !== 'unreachable';

  return {
    async call(name, input) {
      const response = await post(name, input);
      const body: unknown = await response.json().catch(() => null);
      if (tokenRefused(response.status, body)) {
        refuse();
        return { ok: false, error: { code: 'forbidden', params: { reason: 'host_restarted' } } };
      }
      if (isBridgeResult(body)) return body;
      return { ok: false, error: { code: response.status === 403 ? 'forbidden' : 'internal' } };
    },
    subscribe(name: EventName, listener) {
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      set.add(listener);
      if (mayConnect()) connect();
      return () => {
        set.delete(listener);
        disconnectIfIdle();
      };
    },
    onConnectionChange(listener) {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
    reconnect() {
      if (status !== 'unreachable') return;
      attempt = 0;
      setStatus('reconnecting');
      if (subscriberCount() > 0) connect();
    },
  };
}
