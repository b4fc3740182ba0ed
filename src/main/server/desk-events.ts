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
  return {
    /** Ties a socket that has just connected to the desk its upgrade request named. */
    attach(client: WebSocket, headers: IncomingHttpHeaders): void {
      const deskId = websocketDeskId(headers);
      if (deskId !== null) deskOf.set(client, deskId);
    },
    unsubscribe,
  };
}
