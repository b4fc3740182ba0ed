import type { TokenWorkerLauncher, TokenWorkerProcess } from './worker-process';

/**
 * A worker started before anyone listens to it. What it says before then, and its exit, are kept
 * and handed over in order once someone listens, after the caller has finished setting up (as a
 * process's own events come), never before its first request is on record.
 */
function heldUntilHeard(worker: TokenWorkerProcess): TokenWorkerProcess {
  const messageListeners: ((message: unknown) => void)[] = [];
  const exitListeners: ((reason: string) => void)[] = [];
  let held: unknown[] | null = [];
  let exitReason: string | null = null;
  worker.onMessage((message) => {
    if (held) held.push(message);
    else messageListeners.forEach((listener) => listener(message));
  });
  worker.onExit((reason) => {
    exitReason = reason;
    if (!held) exitListeners.forEach((listener) => listener(reason));
  });
  const handOver = () => {
    const messages = held ?? [];
    held = null;
    messages.forEach((message) => messageListeners.forEach((listener) => listener(message)));
    const reason = exitReason;
    if (reason !== null) exitListeners.forEach((listener) => listener(reason));
  };
  return {
    send: (envelope) => worker.send(envelope),
    kill: () => worker.kill(),
    onMessage(listener) {
      messageListeners.push(listener);
      if (held && messageListeners.length === 1) queueMicrotask(handOver);
    },
    onExit(listener) {
      exitListeners.push(listener);
      const reason = exitReason;
      if (!held && reason !== null) queueMicrotask(() => listener(reason));
    },
  };
}

export interface HeadStart {
  /** For the token service: the worker already starting, then (after it is gone) fresh ones. */
  launch: TokenWorkerLauncher;
  /** Ends the early worker if the token service never took it (the command stopped before the card). */
  release(): void;
}

/**
 * Starts a token worker now, before the code that will use it is loaded: the worker's own start
 * (a Node process loading pkcs11js) then overlaps with the caller's. Starting it touches no card:
 * the card's module is loaded on the first request.
 */
export function startEarly(launch: TokenWorkerLauncher): HeadStart {
  let early: TokenWorkerProcess | null = heldUntilHeard(launch());
  return {
    launch() {
      const worker = early ?? launch();
      early = null;
      return worker;
    },
    release() {
      early?.kill();
      early = null;
    },
  };
}
