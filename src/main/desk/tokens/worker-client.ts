import { TokenError, tokenErrorFromRv } from './errors';
import {
  resultSchemas,
  workerMessageSchema,
  type WireError,
  type WorkerOp,
  type WorkerRequest,
  type WorkerResult,
} from './protocol';
import { realTimers, withOverrides, type TimeLimitOverrides, type Timers } from './time-limits';
import type { TokenWorkerLauncher, TokenWorkerProcess } from './worker-process';

/** Which card a request is about, so that the user can be told which one is slow. */
export interface RequestSubject {
  modules: string[];
  /** The card's label, when the desk knows it. */
  token?: string;
}

/**
 * A request that has been with the card longer than its slow limit (`slow`), and the end of that
 * same request, however it ended (`done`): a UI shows "the card is slow to answer" in between.
 */
export interface SlowNotice extends RequestSubject {
  operation: WorkerOp;
  state: 'slow' | 'done';
}

export interface WorkerClientOptions {
  limits?: TimeLimitOverrides;
  timers?: Timers;
  onSlow?: (notice: SlowNotice) => void;
}

interface Pending {
  op: WorkerOp;
  subject: RequestSubject;
  resolve: (result: unknown) => void;
  reject: (error: TokenError) => void;
  slow: boolean;
}

interface RunningWorker {
  process: TokenWorkerProcess;
  generation: number;
  /** In the order sent, which is the order the worker answers in. */
  pending: Map<number, Pending>;
  ready: boolean;
  startTimer: unknown;
  /** The request the worker is working on now, whose clock runs, and that clock's timers. */
  clocked: number | null;
  clock: unknown[];
}

export function errorFromWire(error: WireError): TokenError {
  if (error.kind === 'ckr') return tokenErrorFromRv(error.rv, error.fn, error.tokenFlags);
  if (error.kind === 'token') return new TokenError(error.code, error.params);
  return new TokenError('token_failure', { detail: error.message });
}

const subjectOf = (request: WorkerRequest): RequestSubject =>
  request.op === 'listTokens'
    ? { modules: request.modules }
    : 'module' in request
      ? { modules: [request.module] }
      : { modules: [] };

/**
 * The desk's end of the token worker. The worker starts on first use; when it crashes or hangs,
 * every request in flight fails with a typed error and the next request starts a fresh worker.
 * Time limits: time-limits.ts.
 */
export function createWorkerClient(launch: TokenWorkerLauncher, options: WorkerClientOptions = {}) {
  const limits = withOverrides(options.limits);
  const timers = options.timers ?? realTimers;
  const notify = (pending: Pending, state: SlowNotice['state']) =>
    options.onSlow?.({ operation: pending.op, ...pending.subject, state });
  let current: RunningWorker | null = null;
  let generation = 0;
  let nextId = 1;
  let closed = false;

  function stopClock(worker: RunningWorker): void {
    worker.clock.forEach((timer) => timers.clearTimeout(timer));
    worker.clock = [];
    worker.clocked = null;
  }

  function retire(worker: RunningWorker, error: TokenError): void {
    if (current === worker) current = null;
    timers.clearTimeout(worker.startTimer);
    stopClock(worker);
    const pending = [...worker.pending.values()];
    worker.pending.clear();
    for (const one of pending) {
      if (one.slow) notify(one, 'done');
      one.reject(error);
    }
  }

  function hung(worker: RunningWorker): void {
    worker.process.kill();
    retire(worker, new TokenError('token_worker_timeout'));
  }

  /** Runs the clock of the oldest request, the one the worker is on, once the worker is ready. */
  function clockHead(worker: RunningWorker): void {
    if (!worker.ready) return;
    const [head] = worker.pending.keys();
    if (head === worker.clocked) return;
    stopClock(worker);
    if (head === undefined) return;
    const pending = worker.pending.get(head)!;
    worker.clocked = head;
    worker.clock.push(timers.setTimeout(() => hung(worker), limits.hung[pending.op]));
    const slowAfter = limits.slow[pending.op];
    if (slowAfter !== null)
      worker.clock.push(
        timers.setTimeout(() => {
          pending.slow = true;
          notify(pending, 'slow');
        }, slowAfter),
      );
  }

  function settle(worker: RunningWorker, id: number): Pending | undefined {
    const pending = worker.pending.get(id);
    if (!pending) return undefined;
    worker.pending.delete(id);
    if (pending.slow) notify(pending, 'done');
    clockHead(worker);
    return pending;
  }

  function receive(worker: RunningWorker, raw: unknown): void {
    const message = workerMessageSchema.safeParse(raw);
    if (!message.success) {
      worker.process.kill();
      retire(worker, new TokenError('token_worker_crashed'));
      return;
    }
    if (message.data.type === 'ready') {
      timers.clearTimeout(worker.startTimer);
      worker.ready = true;
      return clockHead(worker);
    }
    const pending = settle(worker, message.data.id);
    if (!pending) return;
    if (message.data.type === 'error') return pending.reject(errorFromWire(message.data.error));
    const result = resultSchemas[pending.op].safeParse(message.data.result);
    if (result.success) pending.resolve(result.data);
    else pending.reject(new TokenError('token_failure', { detail: `malformed ${pending.op} result` }));
  }

  function running(): RunningWorker {
    if (current) return current;
    const worker: RunningWorker = {
      process: launch(),
      generation: ++generation,
      pending: new Map(),
      ready: false,
      startTimer: null,
      clocked: null,
      clock: [],
    };
    current = worker;
    worker.startTimer = timers.setTimeout(() => hung(worker), limits.start);
    worker.process.onMessage((message) => receive(worker, message));
    worker.process.onExit(() => retire(worker, new TokenError('token_worker_crashed')));
    return worker;
  }

  function request<Op extends WorkerOp>(
    message: Extract<WorkerRequest, { op: Op }>,
    subject: RequestSubject = subjectOf(message),
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
      worker.pending.set(id, {
        op: message.op,
        subject,
        resolve: resolve as (result: unknown) => void,
        reject,
        slow: false,
      });
      worker.process.send({ id, request: message });
      clockHead(worker);
    });
  }

  return {
    request,
    /** Which worker is running now: sessions opened in an earlier one are gone with it. */
    generation: (): number => (current ? current.generation : 0),
    /**
     * Shuts the worker down; every later request is refused, so nothing starts a new one. The
     * worker gets the shutdown limit from now to go, whatever it was busy with.
     */
    async close(): Promise<void> {
      const worker = current;
      if (!worker) {
        closed = true;
        return;
      }
      const shutdown = request({ op: 'shutdown' });
      closed = true;
      const stop = () => {
        if (current !== worker) return;
        worker.process.kill();
        retire(worker, new TokenError('session_closed'));
      };
      const deadline = timers.setTimeout(stop, limits.hung.shutdown);
      await shutdown.catch(() => undefined);
      timers.clearTimeout(deadline);
      stop();
    },
  };
}

export type WorkerClient = ReturnType<typeof createWorkerClient>;
