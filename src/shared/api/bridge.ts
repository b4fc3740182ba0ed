import type { CallName, EventName } from './index';
import type { ApiErrorData } from './errors';

export type BridgeResult = { ok: true; value: unknown } | { ok: false; error: ApiErrorData };

/** Whether a body has a call result's shape (what is in it the client then checks against the contract). */
export const isBridgeResult = (body: unknown): body is BridgeResult =>
  typeof body === 'object' && body !== null && typeof (body as { ok?: unknown }).ok === 'boolean';

/**
 * What the Electron preload puts on `window.despacho`: one function per call (by its full name,
 * e.g. `calls['cases.claim'](input)`) and one subscription per event returning its unsubscribe.
 * Plain data only crosses it; the renderer's client validates and unwraps the results.
 */
export interface DespachoBridge {
  readonly calls: { readonly [N in CallName]: (input: unknown) => Promise<BridgeResult> };
  readonly events: { readonly [E in EventName]: (listener: (payload: unknown) => void) => () => void };
}

const authHeader = 'authorization';
const deskHeader = 'x-despacho-desk';

/** Loopback HTTP host protocol, shared by src/main/server, the renderer's HTTP client and a desk's office client. */
export const loopback = {
  /** POST, JSON body = the call's input; response body = BridgeResult. */
  callPath: (name: CallName) => `/api/call/${name}`,
  /** WebSocket; messages are `{ "event": name, "payload": ... }`. */
  eventsPath: '/api/events',
  /** The page gets the per-launch token in its URL fragment (`#token=...`), never in a query string. */
  tokenFragment: 'token',
  /**
   * Or, in a URL others may see (a browser's command line), a one-time code (`#launch=...`) that the
   * page POSTs as `{ "code": ... }` here, once, for `{ ok: true, value: { token } }`.
   */
  launchFragment: 'launch',
  launchPath: '/api/launch',
  /** Header carrying `Bearer <token>` on calls. */
  authHeader,
  /** Header naming the browser tab's desk connection, so each tab has its own sign-in. */
  deskHeader,
  /** A call's headers: JSON, the token, and the desk connection it is made on. */
  callHeaders: (token: string, deskId: string): Record<string, string> => ({
    'content-type': 'application/json',
    [authHeader]: `Bearer ${token}`,
    [deskHeader]: deskId,
  }),
  /**
   * WebSocket subprotocols: the fixed one, then `token.<token>` and `desk.<desk id>` (browsers
   * cannot set WS headers). The desk id ties the socket to that desk's sign-in: events go to a
   * socket only when its desk's user is in their audience.
   */
  wsProtocol: 'despacho.v1',
  wsTokenPrefix: 'token.',
  wsDeskPrefix: 'desk.',
} as const;
