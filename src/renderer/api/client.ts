import { ApiError } from '../../shared/api/errors';
import {
  events,
  type CallInput,
  type CallName,
  type CallOutput,
  type DespachoClient,
  type EventName,
  type EventPayload,
} from '../../shared/api/index';
import { unwrapResult } from '../../shared/api/unwrap';
import type { ConnectionStatus, Transport } from './transport';

export interface RendererClient extends DespachoClient {
  onConnectionChange(listener: (status: ConnectionStatus) => void): () => void;
  reconnect(): void;
}

/** The typed client: every result is checked against the contract before the UI sees it. */
export function createClient(transport: Transport): RendererClient {
  return {
    async call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
      let result;
      try {
        result = await transport.call(name, input);
      } catch {
        // The request never got an answer: the local server is stopped or unreachable.
        throw new ApiError('no_connection');
      }
      return unwrapResult(name, result);
    },
    on<N extends EventName>(name: N, listener: (payload: EventPayload<N>) => void): () => void {
      return transport.subscribe(name, (raw) => {
        const payload = events[name].payload.safeParse(raw);
        if (payload.success) listener(payload.data as EventPayload<N>);
      });
    },
    onConnectionChange: (listener) => transport.onConnectionChange(listener),
    reconnect: () => transport.reconnect(),
  };
}
