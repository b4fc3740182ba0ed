import { TokenError } from './errors';
import { Pkcs11Failure } from './pkcs11-failure';
import {
  requestEnvelopeSchema,
  type WireError,
  type WorkerMessage,
  type WorkerRequest,
  type WorkerResult,
} from './protocol';

/** What answers the desk's requests inside a worker: the PKCS#11 driver, or the practice card. */
export interface TokenDriver {
  handle(request: WorkerRequest): WorkerResult<WorkerRequest['op']>;
}

/** The worker's end of the channel to the desk, whatever carries it. */
export interface WorkerPort {
  send(message: WorkerMessage): void;
  onMessage(listener: (message: unknown) => void): void;
}

function wireError(error: unknown): WireError {
  if (error instanceof TokenError) return { kind: 'token', code: error.code, params: error.params };
  if (error instanceof Pkcs11Failure)
    return {
      kind: 'ckr',
      rv: error.rv,
      fn: error.fn,
      ...(error.tokenFlags === undefined ? {} : { tokenFlags: error.tokenFlags }),
    };
  return { kind: 'internal', message: error instanceof Error ? error.message : String(error) };
}

const idOf = (message: unknown): number | null => {
  const id = (message as { id?: unknown } | null)?.id;
  return typeof id === 'number' && Number.isInteger(id) && id >= 0 ? id : null;
};

/**
 * Answers the desk's requests one at a time, in order (PKCS#11 calls block this process, never the
 * desk). After `shutdown` has been answered the process ends.
 */
export function serveTokenWorker(port: WorkerPort, driver: TokenDriver, exit: () => void): void {
  port.onMessage((message) => {
    const parsed = requestEnvelopeSchema.safeParse(message);
    if (!parsed.success) {
      const id = idOf(message);
      if (id !== null)
        port.send({ type: 'error', id, error: { kind: 'internal', message: 'malformed request' } });
      return;
    }
    const { id, request } = parsed.data;
    try {
      port.send({ type: 'result', id, result: driver.handle(request) });
    } catch (error) {
      port.send({ type: 'error', id, error: wireError(error) });
    }
    if (request.op === 'shutdown') exit();
  });
  port.send({ type: 'ready' });
}
