import { reaches, type Audience, type Viewer } from '../shared/api/audience';
import type { EventName, EventPayload } from '../shared/api/index';

export type EventListener = <N extends EventName>(
  name: N,
  payload: EventPayload<N>,
  audience: Audience,
) => void;

/** Main-side fan-out of contract events: services emit, transports (IPC, WebSocket) listen. */
export class EventBus {
  readonly #listeners = new Set<EventListener>();

  /** Every event says who it is for; transports deliver it to those connections only. */
  emit<N extends EventName>(name: N, payload: EventPayload<N>, audience: Audience): void {
    for (const listener of this.#listeners) listener(name, payload, audience);
  }

  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

/** How one transport reaches its connections (windows, WebSockets). */
export interface AudienceDelivery<C> {
  /** The connections open now. */
  connections(): Iterable<C>;
  /** The signed-in user of a connection as they are now; null when signed out. */
  viewerOf(connection: C): Promise<Viewer | null>;
  send(connection: C, name: EventName, payload: unknown): void;
  /** A failure finding who a connection is or sending to it: that connection misses the event, the others go on. */
  onError?(error: unknown): void;
}

/**
 * Subscribes a transport to the bus: each event goes only to the connections whose signed-in user
 * is in its audience (signed-out connections get nothing), in the order the events were emitted.
 * Returns the unsubscription.
 */
export function deliverToAudience<C>(events: EventBus, delivery: AudienceDelivery<C>): () => void {
  let previous = Promise.resolve();
  const viewerOrNobody = (connection: C) =>
    delivery.viewerOf(connection).catch((error: unknown) => {
      delivery.onError?.(error);
      return null;
    });
  return events.subscribe((name, payload, audience) => {
    const connections = [...delivery.connections()];
    const viewers = Promise.all(connections.map(viewerOrNobody));
    previous = previous.then(async () => {
      const resolved = await viewers;
      connections.forEach((connection, index) => {
        if (!reaches(audience, resolved[index] ?? null)) return;
        try {
          delivery.send(connection, name, payload);
        } catch (error) {
          delivery.onError?.(error);
        }
      });
    });
  });
}
