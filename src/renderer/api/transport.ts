import type { BridgeResult } from '../../shared/api/bridge';
import type { CallName, EventName } from '../../shared/api/index';

/**
 * The event stream's state: up; down and being retried; given up after a bounded number of
 * attempts (the user may try again); or refused because the host no longer knows this tab's token
 * (it restarted with a new one: only the new address gets in).
 */
export type ConnectionStatus = 'connected' | 'reconnecting' | 'unreachable' | 'refused';

/**
 * How the client reaches main: the Electron preload or the loopback host. Transports move plain
 * data; the client validates it against the contract.
 */
export interface Transport {
  call(name: CallName, input: unknown): Promise<BridgeResult>;
  subscribe(name: EventName, listener: (payload: unknown) => void): () => void;
  /** Told when the event stream drops, gives up, is refused or comes back (events may have been missed). */
  onConnectionChange(listener: (status: ConnectionStatus) => void): () => void;
  /** Starts reconnecting again after the transport gave up. */
  reconnect(): void;
}
