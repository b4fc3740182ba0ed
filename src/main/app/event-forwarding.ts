import type { EventBus } from '../events';
import { eventChannel } from '../preload/channels';

/** A window's webContents as far as events are concerned. */
export interface EventTarget {
  isDestroyed(): boolean;
  send(channel: string, payload: unknown): void;
}

/** Relays every contract event to the live windows; returns the unsubscription. */
export function forwardEvents(events: EventBus, targets: () => Iterable<EventTarget>): () => void {
  return events.subscribe((name, payload) => {
    for (const target of targets()) {
      if (!target.isDestroyed()) target.send(eventChannel(name), payload);
    }
  });
}
