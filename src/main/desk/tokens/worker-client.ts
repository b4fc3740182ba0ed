import { TokenError, tokenErrorFromRv } from './errors';
import {
  resultSchemas,
  workerMessageSchema,
  type WireError,
  type WorkerOp,
  type WorkerRequest,
  type WorkerResult,
} from './protocol';
import type { TokenWorkerLauncher, TokenWorkerProcess } from './worker-process';

/** How long each kind of request may take before the worker is taken for hung and replaced. */
export type WorkerTimeouts = Record<WorkerOp, number>;

export const defaultWorkerTimeouts: WorkerTimeouts = {
  listTokens: 20_000,
  listCertificates: 20_000,
  // Some cards take seconds to log in and read their certificates.
  openSession: 60_000,
  sign: 30_000,
  closeSession: 10_000,
  shutdown: 5_000,
};

interface Pending {
  op: WorkerOp;
  resolve: (result: unknown) => void;
  reject: (error: TokenError) => void;
  timer: NodeJS.Timeout;
}

interface RunningWorker {
  process: TokenWorkerProcess;
  generation: number;
  pending: Map<number, Pending>;
}

export function errorFromWire(error: WireError): TokenError {
  if (error.kind === 'ckr') return tokenErrorFromRv(error.rv, error.fn, error.tokenFlags);
  if (error.kind === 'token') return new TokenError(error.code, error.params);
  return new TokenError('token_failure', { detail: error.message });
}

/**
 * The desk's end of the token worker. The worker starts on first use; when it crashes or hangs,
 * every request in flight fails with a typed error and the next request starts a fresh worker.
 */
export function createWorkerClient(launch: TokenWorkerLauncher, timeouts: Partial<WorkerTimeouts> = {}) {
  const limits: WorkerTimeouts = { ...defaultWorkerTimeouts, ...timeouts };
  let current: RunningWorker | null = null;
  let generation = 0;
  let nextId = 1;
  let closed = false;

  function retire(worker: RunningWorker, error: TokenError): void {
    if (current === worker) current = null;
    for (const pending of worker.pending.values()) {
      clearTimeout(pending.timer);
      pending.reject(error);
    }
    worker.pending.clear();
  }

  function receive(worker: RunningWorker, raw: unknown): void {
    const message = workerMessageSchema.safeParse(raw);
    if (!message.success) {
      worker.process.kill();
      retire(worker, new TokenError('token_worker_crashed'));
      return;
    }
    if (message.data.type === 'ready') return;
    const pending = worker.pending.get(message.data.id);
    if (!pending) return;
    worker.pending.delete(message.data.id);
    clearTimeout(pending.timer);
    if (message.data.type === 'error') return pending.reject(errorFromWire(message.data.error));
    const result = resultSchemas[pending.op].safeParse(message.data.result);
    if (result.success) pending.resolve(result.data);
    else pending.reject(new TokenError('token_failure', { detail: `malformed ${pending.op} result` }));
  }

  function running(): RunningWorker {
    if (current) return current;
    const worker: RunningWorker = { process: launch(), generation: ++generation, pending: new Map() };
    current = worker;
    worker.process.onMessage((message) => receive(worker, message));
    worker.process.onExit(() => retire(worker, new TokenError('token_worker_crashed')));
    return worker;
  }

  function request<Op extends WorkerOp>(
    message: Extract<WorkerRequest, { op: Op }>,
  ): Promise<WorkerResult<Op>> {
    if (closed) return Promise.reject(new TokenError('session_closed'));
    let worker: RunningWorker;
    try {
      worker = running();
    } catch {
      return Promise.reject(new TokenError('token_worker_crashed'));
    }
    const id = nextId++;
    return new Promise<WorkerResult<Op>>((resolve, reject) => {
      const timer = setTimeout(() => {
        worker.process.kill();
        retire(worker, new TokenError('token_worker_timeout'));
      }, limits[message.op]);
      worker.pending.set(id, {
        op: message.op,
        resolve: resolve as (result: unknown) => void,
        reject,
        timer,
      });
      worker.process.send({ id, request: message });
    });
  }

  return {
    request,
    /** Which worker is running now: sessions opened in an earlier one are gone with it. */
    generation: (): number => (current ? current.generation : 0),
    /** Shuts the worker down; every later request is refused, so nothing starts a new one. */
    async close(): Promise<void> {
      const worker = current;
      if (!worker) {
        closed = true;
        return;
      }
      const shutdown = request({ op: 'shutdown' });
      closed = true;
      await shutdown.catch(() => undefined);
      if (current === worker) {
        worker.process.kill();
        retire(worker, new TokenError('session_closed'));
      }
    },
  };
}

export type WorkerClient = ReturnType<typeof createWorkerClient>;
