import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
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
