import type { IncomingHttpHeaders } from 'node:http';
import type { WebSocket } from 'ws';
import { actorOf, type ActorResolver } from '../../shared/api/access';
import { loopback } from '../../shared/api/bridge';
import { deliverToAudience, type EventBus } from '../events';
import { DeskSessions } from './desks';

/** The desk a WebSocket names in its subprotocols (`desk.<id>`), if it names a valid one. */
export function websocketDeskId(headers: IncomingHttpHeaders): string | null {
  const deskId = String(headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((protocol) => protocol.trim())
    .find((protocol) => protocol.startsWith(loopback.wsDeskPrefix))
    ?.slice(loopback.wsDeskPrefix.length);
  return DeskSessions.isValidId(deskId) ? deskId : null;
}

export interface DeskEventsOptions {
  events: EventBus;
  desks: DeskSessions;
  actors: ActorResolver;
  clients: () => Iterable<WebSocket>;
  onError?: (error: unknown) => void;
  /** A signed-in user's last open socket closed: their page, or the last of their pages, is gone. */
  onUserLeft?: (userId: string) => Promise<void>;
}

/**
 * The WebSocket side of the events: each socket belongs to the desk it named when it connected,
 * and gets an event only while that desk's signed-in user is in the event's audience. A socket
 * that named no desk gets nothing.
 */
export function deskEvents(options: DeskEventsOptions) {
  const deskOf = new WeakMap<WebSocket, string>();
  const unsubscribe = deliverToAudience<WebSocket>(options.events, {
    connections: () => [...options.clients()].filter((client) => client.readyState === client.OPEN),
    viewerOf: async (client) => {
      const deskId = deskOf.get(client);
      return deskId === undefined ? null : actorOf(options.desks.slot(deskId), options.actors);
    },
    send: (client, name, payload) => {
      if (client.readyState === client.OPEN) client.send(JSON.stringify({ event: name, payload }));
    },
    onError: options.onError,
  });
  let listening = true;
  const userOf = (client: WebSocket) => {
    const deskId = deskOf.get(client);
    return deskId === undefined ? null : options.desks.slot(deskId).get();
  };
  const left = (client: WebSocket) => {
    const userId = userOf(client);
    if (!listening || !options.onUserLeft || userId === null) return;
    const stillHere = [...options.clients()].some(
      (other) => other !== client && other.readyState === other.OPEN && userOf(other) === userId,
    );
    if (!stillHere) options.onUserLeft(userId).catch((error: unknown) => options.onError?.(error));
  };
  return {
    /** Ties a socket that has just connected to the desk its upgrade request named. */
    attach(client: WebSocket, headers: IncomingHttpHeaders): void {
      const deskId = websocketDeskId(headers);
      if (deskId === null) return;
      deskOf.set(client, deskId);
      client.once('close', () => left(client));
    },
    /** Stops delivering events and telling who left: the host is closing its sockets itself. */
    unsubscribe() {
      listening = false;
      unsubscribe();
    },
  };
}
