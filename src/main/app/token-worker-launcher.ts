import type { TokenWorkerLauncher } from '../desk/tokens/worker-process';

/** The part of Electron's UtilityProcess the launcher uses; tests pass a fake. */
export interface UtilityChild {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'error', listener: (type: string) => void): unknown;
  once(event: 'exit', listener: (code: number) => void): unknown;
  once(event: 'spawn', listener: () => void): unknown;
  kill(): boolean;
}

export interface UtilityForkOptions {
  serviceName: string;
  stdio: 'inherit';
  env: NodeJS.ProcessEnv;
}

/** Electron's `utilityProcess` module, as far as the launcher needs it. */
export interface UtilityProcessModule {
  fork(modulePath: string, args: string[], options: UtilityForkOptions): UtilityChild;
}

export interface UtilityTokenWorkerDeps {
  utilityProcess: UtilityProcessModule;
  /** The built worker, out/main/app/token-worker.js. */
  modulePath: string;
  /** The worker's environment; SOFTHSM2_CONF in it points the worker at a SoftHSM2 token store. */
  env: NodeJS.ProcessEnv;
}

/**
 * Starts the token worker as an Electron utility process. The packaged app has the `runAsNode` fuse
 * flipped off (electron-builder.yml), so `child_process.fork` of `process.execPath` cannot run Node
 * there; a utility process is Electron's own way to run a Node child.
 */
export function utilityTokenWorkerLauncher(deps: UtilityTokenWorkerDeps): TokenWorkerLauncher {
  return () => {
    // Worker output goes to the app's own stdout/stderr: an unread 'pipe' would fill up and stall it.
    const child = deps.utilityProcess.fork(deps.modulePath, [], {
      serviceName: 'Despacho token worker',
      stdio: 'inherit',
      env: deps.env,
    });
    // Electron emits 'error' (a V8 fatal error) through a Node EventEmitter, which throws in the main
    // process when nobody listens; 'exit' always follows it, and that is what the desk hears.
    child.on('error', () => undefined);
    return {
      // Safe before 'spawn': Electron queues the message until the worker listens on its parentPort.
      send: (envelope) => child.postMessage(envelope),
      onMessage: (listener) => {
        child.on('message', (message) => listener(message));
      },
      onExit: (listener) => {
        child.once('exit', (code) => listener(`exit code ${code}`));
      },
      kill: () => {
        // Electron's kill() does nothing (returns false) until the process has a pid.
        if (!child.kill()) child.once('spawn', () => child.kill());
      },
    };
  };
}
