import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { builtLayout, builtOrSource } from '../../package-root';
import type { TokenWorkerLauncher } from './worker-process';

/** The built worker when this runs from the bundle, its source file when it runs from the sources. */
export function defaultWorkerEntry(): string {
  return builtOrSource(builtLayout.tokenWorker, 'src/main/desk/tokens/worker/token-worker.ts');
}

/** A checkout runs the worker's TypeScript through tsx, resolved from here whatever the working directory. */
const loaderFor = (entry: string): string[] =>
  entry.endsWith('.ts')
    ? ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href]
    : [];

/**
 * The token worker as a Node child process: for the `despacho` command and the tests. What the
 * card's module prints goes to our stderr, never to stdout, which belongs to the command's output.
 */
export function nodeTokenWorkerLauncher(
  entry: string = defaultWorkerEntry(),
  env: NodeJS.ProcessEnv = process.env,
): TokenWorkerLauncher {
  return () => {
    const child = fork(entry, [], {
      env,
      execArgv: loaderFor(entry),
      stdio: ['ignore', 2, 2, 'ipc'],
      serialization: 'json',
    });
    let exited = false;
    const exitListeners: ((reason: string) => void)[] = [];
    const exit = (reason: string) => {
      if (exited) return;
      exited = true;
      exitListeners.forEach((listener) => listener(reason));
    };
    child.on('exit', (code, signal) => exit(signal ? `signal ${signal}` : `exit code ${code}`));
    child.on('error', (error) => {
      child.kill('SIGKILL');
      exit(error.message);
    });
    return {
      // A worker that just died is reported by 'exit' (or 'error', should the send itself fail).
      send: (envelope) => {
        if (child.connected) child.send(envelope);
      },
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => exitListeners.push(listener),
      kill: () => {
        if (!exited) child.kill('SIGKILL');
      },
    };
  };
}
