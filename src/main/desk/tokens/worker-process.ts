import type { RequestEnvelope } from './protocol';

/**
 * One running token worker, whatever started it: a Node child process (the `despacho` command,
 * tests) or an Electron utility process (the app). The desk checks every message it receives
 * against the protocol, so `onMessage` hands over whatever arrived.
 */
export interface TokenWorkerProcess {
  send(envelope: RequestEnvelope): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Called once when the process has gone, whatever the reason (exit, crash, kill). */
  onExit(listener: (reason: string) => void): void;
  kill(): void;
}

/** Starts a fresh worker; called again after a crash or a hang. */
export type TokenWorkerLauncher = () => TokenWorkerProcess;
