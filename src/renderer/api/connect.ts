import type { DespachoBridge } from '../../shared/api/bridge';
import { bridgeTransport } from './bridge-transport';
import { createClient, type RendererClient } from './client';
import { readLaunchCredentials, redeemLaunchCode } from './launch';
import { loopbackTransport } from './loopback-transport';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a plain browser. */
    despacho?: DespachoBridge;
  }
}

/**
 * The renderer never knows where it runs: the preload's bridge if present, the loopback host
 * otherwise; null when this tab has no way to the host's token.
 */
export async function connectClient(): Promise<RendererClient | null> {
  if (window.despacho) return createClient(bridgeTransport(window.despacho));
  const { token, deskId } = await readLaunchCredentials({
    location: window.location,
    history: window.history,
    storage: window.sessionStorage,
    randomId: () => crypto.randomUUID(),
    redeemCode: (code) =>
      redeemLaunchCode((input, init) => window.fetch(input, init), window.location.origin, code),
  });
  if (!token) return null;
  return createClient(
    loopbackTransport({
      baseUrl: window.location.origin,
      token,
      deskId,
      fetch: (input, init) => window.fetch(input, init),
      openSocket: (url, protocols, handlers) => {
        const socket = new WebSocket(url, protocols);
        socket.onopen = handlers.onOpen;
        socket.onmessage = (event) => handlers.onMessage(event.data);
        socket.onerror = () => socket.close();
        socket.onclose = handlers.onClose;
        return socket;
      },
    }),
  );
}
