import type { DespachoBridge } from '../../shared/api/bridge';
import type { Transport } from './transport';

/** Inside Electron: the preload's `window.despacho`; IPC has no connection to lose. */
export function bridgeTransport(bridge: DespachoBridge): Transport {
  return {
    call: (name, input) => bridge.calls[name](input),
    subscribe: (name, listener) => bridge.events[name](listener),
    onConnectionChange: () => () => undefined,
    reconnect: () => undefined,
  };
}
