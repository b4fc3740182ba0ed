import type { WorkerMessage } from '../tokens/protocol';
import { serveTokenWorker, type TokenDriver } from '../tokens/serve-worker';
import type { TokenWorkerLauncher, TokenWorkerProcess } from '../tokens/worker-process';

/**
 * The practice card served in this process, over the same protocol as the PKCS#11 worker: the token
 * service cannot tell them apart, and no process is started and no module loaded. Messages go across
 * as copies on a later turn, as they do between processes.
 */
export function practiceCardLauncher(driver: TokenDriver): TokenWorkerLauncher {
  return () => {
    const toDesk: ((message: unknown) => void)[] = [];
    const toCard: ((message: unknown) => void)[] = [];
    const exitListeners: ((reason: string) => void)[] = [];
    let running = true;
    const deliver = (listeners: ((message: unknown) => void)[], message: unknown) => {
      const copy = structuredClone(message);
      setImmediate(() => {
        if (running) listeners.forEach((listener) => listener(copy));
      });
    };
    const stop = (reason: string) => {
      if (!running) return;
      running = false;
      exitListeners.forEach((listener) => listener(reason));
    };
    serveTokenWorker(
      {
        send: (message: WorkerMessage) => deliver(toDesk, message),
        onMessage: (listener) => toCard.push(listener),
      },
      driver,
      () => setImmediate(() => stop('shutdown')),
    );
    const worker: TokenWorkerProcess = {
      send: (envelope) => deliver(toCard, envelope),
      onMessage: (listener) => toDesk.push(listener),
      onExit: (listener) => exitListeners.push(listener),
      kill: () => stop('killed'),
    };
    return worker;
  };
}
