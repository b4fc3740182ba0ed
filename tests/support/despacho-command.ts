import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { builtLayout, packageRoot } from '../../src/main/package-root';

/** Newest modification time under `path` (files only). */
function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

/** True when `builtFile` exists and is newer than every file of `sources` (paths from the package root). */
export function isBuildFresh(builtFile: string, sources: readonly string[]): boolean {
  const built = join(packageRoot, builtFile);
  if (!existsSync(built)) return false;
  const newestSource = Math.max(...sources.map((path) => newestMtime(join(packageRoot, path))));
  return statSync(built).mtimeMs >= newestSource;
}

/** What the main build is made from (vite.main.config.ts bundles src/main and src/shared). */
const mainBuildSources = ['src/main', 'src/shared', 'vite.main.config.ts'];

/** Whether out/main holds the command built from the sources as they are now. */
export const isMainBuildFresh = (): boolean => isBuildFresh(builtLayout.cli, mainBuildSources);

export interface DespachoCommand {
  /** Always this Node (`process.execPath`): no npm or npx in between. */
  command: string;
  /** The arguments before the command's own (`despacho <args>`). */
  args: string[];
  /** Whether it runs the build (bin/despacho.js) or the sources through tsx. */
  built: boolean;
}

let chosen: DespachoCommand | undefined;

/**
 * How tests and benchmarks start `despacho`: the real command (bin/despacho.js on the build) when
 * the build is there and newer than its sources, as after `npm run build` in scripts/test-all.sh;
 * otherwise the sources through tsx, so that a test run without a build, or after an edit, tests
 * the code as it is now. DESPACHO_TEST_COMMAND=built or =source forces one. Decided once per process.
 */
export function despachoCommand(): DespachoCommand {
  const forced = process.env.DESPACHO_TEST_COMMAND;
  chosen ??= (forced ? forced === 'built' : isMainBuildFresh())
    ? { command: process.execPath, args: [join(packageRoot, 'bin', 'despacho.js')], built: true }
    : {
        command: process.execPath,
        args: [
          '--import',
          pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href,
          join(packageRoot, 'src', 'main', 'cli', 'main.ts'),
        ],
        built: false,
      };
  return chosen;
}

/** `[command, args]` for spawn/spawnSync/execFile: `despacho <args>`. */
export function despachoArgv(args: readonly string[]): [string, string[]] {
  const { command, args: head } = despachoCommand();
  return [command, [...head, ...args]];
}

/** `despacho <args>` run to its end in `env`, with `input` on its standard input. */
export const runDespacho = (args: readonly string[], env: NodeJS.ProcessEnv, input = '') =>
  spawnSync(...despachoArgv(args), { encoding: 'utf8', input, env });

export interface DespachoOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * `despacho <args>` as a user runs it, without blocking the test (so several may run side by side):
 * in Spanish unless `lang` says otherwise, with `env` over this process's environment.
 */
export function despachoRun(
  args: readonly string[],
  options: { lang?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<DespachoOutcome> {
  return new Promise((resolve) => {
    execFile(
      ...despachoArgv(args),
      { env: { ...process.env, DESPACHO_LANG: options.lang ?? 'es', LC_ALL: '', LANG: '', ...options.env } },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}
