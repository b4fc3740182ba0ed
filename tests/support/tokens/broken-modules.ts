import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const source = fileURLToPath(new URL('./broken-module.c', import.meta.url));

/** Builds the misbehaving PKCS#11 modules of broken-module.c into `dir` with the system's C compiler. */
export function buildBrokenModules(dir: string): { aborts: string; hangs: string } {
  const build = (define: string, name: string) => {
    const output = join(dir, name);
    execFileSync('cc', ['-shared', '-fPIC', '-O0', `-D${define}`, '-o', output, source]);
    return output;
  };
  return {
    aborts: build('BROKEN_ABORT', 'libaborts-pkcs11.so'),
    hangs: build('BROKEN_HANG', 'libhangs-pkcs11.so'),
  };
}

/**
 * Where the hanging module says it is stuck: give `env` to the worker's environment, then wait
 * until the module has blocked `count` times. The deadline only turns a module that never got
 * called into a failure; it does not time anything.
 */
export function hangMarker(dir: string) {
  const file = join(dir, 'blocked');
  const pids = (): number[] =>
    existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).map(Number) : [];
  return {
    env: { BROKEN_MODULE_MARKER: file },
    /** The process ids of the workers the module blocked, one per time it was called. */
    pids,
    async blocked(count: number, deadlineMs = 100_000): Promise<number[]> {
      const deadline = Date.now() + deadlineMs;
      while (pids().length < count) {
        if (Date.now() > deadline) throw new Error(`the hanging module was not called ${count} time(s)`);
        await sleep(20);
      }
      return pids();
    },
  };
}
