import type { WorkerPort } from '../serve-worker';

interface ParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

/**
 * The channel to the desk: Electron's `process.parentPort` in a utility process, Node's IPC channel
 * in a forked child. When the desk goes away, so does the worker (and the PIN with it).
 */
export function workerPort(): WorkerPort {
  const parentPort = (process as { parentPort?: ParentPort }).parentPort;
  if (parentPort)
    return {
      send: (message) => parentPort.postMessage(message),
      onMessage: (listener) => parentPort.on('message', (event) => listener(event.data)),
    };
  if (!process.send) throw new Error('the token worker must be started by the desk');
  process.on('disconnect', () => process.exit(0));
  return {
    send: (message) => process.send!(message),
    onMessage: (listener) => process.on('message', listener),
  };
}
