import { actorOf, type ActorResolver } from '../../shared/api/access';
import type { SessionSlot } from '../../shared/api/dispatch';
import { deliverToAudience, type EventBus } from '../events';
import { eventChannel } from '../preload/channels';
import type { SlotOwner } from './session-slots';

/** A window's webContents as far as events are concerned: its sign-in slot is found by it. */
export interface EventTarget extends SlotOwner {
  isDestroyed(): boolean;
  send(channel: string, payload: unknown): void;
}

export interface ForwardingOptions {
  /** The windows open now. */
  targets: () => Iterable<EventTarget>;
  /** The window's sign-in, the same slot the IPC binding uses. */
  slotFor(owner: SlotOwner): SessionSlot;
  actors: ActorResolver;
  onError?: (error: unknown) => void;
}

/**
 * Relays each contract event to the live windows whose signed-in user is in its audience; a
 * signed-out window gets none. Returns the unsubscription.
 */
export function forwardEvents(events: EventBus, options: ForwardingOptions): () => void {
  return deliverToAudience<EventTarget>(events, {
    connections: () => [...options.targets()].filter((target) => !target.isDestroyed()),
    viewerOf: (target) => actorOf(options.slotFor(target), options.actors),
    send: (target, name, payload) => {
      if (!target.isDestroyed()) target.send(eventChannel(name), payload);
    },
    onError: options.onError,
  });
}
