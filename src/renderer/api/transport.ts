import type { BridgeResult } from '../../shared/api/bridge';
import type { CallName, EventName } from '../../shared/api/index';

/**
 * How the client reaches main: the Electron preload or the loopback host. Transports move plain
 * data; the client validates it against the contract.
 */
export interface Transport {
  call(name: CallName, input: unknown): Promise<BridgeResult>;
  subscribe(name: EventName, listener: (payload: unknown) => void): () => void;
  /** Told when the event stream drops and when it comes back (events may have been missed). */
  onConnectionChange(listener: (connected: boolean) => void): () => void;
}
