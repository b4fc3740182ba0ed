import { apiErrorSchema, ApiError } from '../../shared/api/errors';
import {
  calls,
  events,
  type CallInput,
  type CallName,
  type CallOutput,
  type DespachoClient,
  type EventName,
  type EventPayload,
} from '../../shared/api/index';
import type { Transport } from './transport';

export interface RendererClient extends DespachoClient {
  onConnectionChange(listener: (connected: boolean) => void): () => void;
}

/** The typed client: every result is checked against the contract before the UI sees it. */
export function createClient(transport: Transport): RendererClient {
  return {
    async call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
      let result;
      try {
        result = await transport.call(name, input);
      } catch {
        throw new ApiError('internal');
      }
      if (!result.ok) {
        const error = apiErrorSchema.safeParse(result.error);
        throw error.success ? ApiError.fromData(error.data) : new ApiError('internal');
      }
      const value = calls[name].output.safeParse(result.value);
      if (!value.success) throw new ApiError('internal');
      return value.data as CallOutput<N>;
    },
    on<N extends EventName>(name: N, listener: (payload: EventPayload<N>) => void): () => void {
      return transport.subscribe(name, (raw) => {
        const payload = events[name].payload.safeParse(raw);
        if (payload.success) listener(payload.data as EventPayload<N>);
      });
    },
    onConnectionChange: (listener) => transport.onConnectionChange(listener),
  };
}
