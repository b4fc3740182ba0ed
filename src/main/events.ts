import type { EventName, EventPayload } from '../shared/api/index';

export type EventListener = <N extends EventName>(name: N, payload: EventPayload<N>) => void;

/** Main-side fan-out of contract events: services emit, transports (IPC, WebSocket) listen. */
export class EventBus {
  readonly #listeners = new Set<EventListener>();

  emit<N extends EventName>(name: N, payload: EventPayload<N>): void {
    for (const listener of this.#listeners) listener(name, payload);
  }

  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
