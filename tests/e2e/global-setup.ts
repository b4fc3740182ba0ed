import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { copyClosedFolder } from '../support/copy-closed-folder';
import { despachoArgv, isBuildFresh } from '../support/despacho-command';
import { createTestToken, testTokenEnv, type TestToken } from '../support/softhsm';

const root = join(import.meta.dirname, '..', '..');
const seedCases = '300';
const hostStartLimitMs = 180_000;
const hostLog = join(root, '.tmp', 'e2e-host.log');
/** The demo city the global setup seeded, as it was before the shared host opened it. */
const seededCityEnv = 'DESPACHO_E2E_SEEDED';
/** Where the first spec that needs a training sandbox leaves one for the next (training-host.ts). */
export const trainingSandboxEnv = 'DESPACHO_E2E_TRAINING_SANDBOX';

function buildRendererIfStale(): void {
  if (isBuildFresh('out/renderer/index.html', ['src/renderer', 'src/shared', 'vite.renderer.config.ts']))
    return;
  const build = spawnSync('npm', ['run', '-s', 'build:renderer'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`npm run build:renderer failed (exit ${build.status})`);
}

export function cli(args: string[], env: NodeJS.ProcessEnv = process.env): ChildProcess {
  return spawn(...despachoArgv(args), {
    cwd: root,
    env,
    // Its own process group, so teardown stops the command and its token worker together.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** `despacho demo seed` of a throwaway demo city of `cases` cases into `dataDir`. */
export function seed(dataDir: string, cases = seedCases): void {
  const result = spawnSync(...despachoArgv(['demo', 'seed', '--cases', cases, '--data', dataDir]), {
    cwd: root,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`demo seed failed (exit ${result.status}):\n${result.stderr}`);
}

/**
 * A demo city in `dataDir` for a spec's own host: a copy of the one the global setup seeded today
 * (seeding is deterministic for a day: seeding again would make the same city, at seconds of CPU),
 * or one seeded now when the specs run against a host started by hand.
 */
export function demoCity(dataDir: string): void {
  const seeded = process.env[seededCityEnv];
  if (seeded) copyClosedFolder(seeded, dataDir);
  else seed(dataDir);
}

/** Resolves with the URL the host writes once it listens; rejects if it exits or takes too long. */
function waitForUrl(host: ChildProcess, urlFile: string, output: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + hostStartLimitMs;
    const onExit = (code: number | null) =>
      reject(new Error(`despacho serve exited (${code}) before listening:\n${output()}`));
    host.once('exit', onExit);
    const poll = () => {
      const url = existsSync(urlFile) ? readFileSync(urlFile, 'utf8').trim() : '';
      if (url.includes('#token=')) {
        host.off('exit', onExit);
        resolve(url);
      } else if (Date.now() > deadline) {
        host.off('exit', onExit);
        reject(new Error(`despacho serve did not write ${urlFile} in time:\n${output()}`));
      } else setTimeout(poll, 200);
    };
    poll();
  });
}

export interface ServedHost {
  host: ChildProcess;
  /** The desk's address with its launch token. */
  url: string;
}

/**
 * `despacho serve <args> --url-file <urlFile>`, resolved once it listens. Its output is kept to say
 * why it failed, and handed to `record` as it comes; a host that fails to start is stopped.
 */
export async function serveOwnHost(
  args: string[],
  urlFile: string,
  options: { env?: NodeJS.ProcessEnv; record?: (chunk: Buffer) => void } = {},
): Promise<ServedHost> {
  const host = cli(['serve', ...args, '--url-file', urlFile], options.env);
  let output = '';
  const onOutput = (chunk: Buffer) => {
    output += chunk.toString();
    options.record?.(chunk);
  };
  host.stdout?.on('data', onOutput);
  host.stderr?.on('data', onOutput);
  try {
    return { host, url: await waitForUrl(host, urlFile, () => output) };
  } catch (error) {
    await stop(host);
    throw error;
  }
}

export function stop(host: ChildProcess): Promise<void> {
  if (host.exitCode !== null || host.pid === undefined) return Promise.resolve();
  return new Promise((resolve) => {
    host.once('exit', () => resolve());
    process.kill(-host.pid!, 'SIGTERM');
  });
}

/**
 * The head's card: a fresh SoftHSM2 token with the test PKI's public-employee certificates (among
 * them the head of Urbanismo's), which the host finds through DESPACHO_PKCS11_MODULES; the specs
 * find its PINs and test root through DESPACHO_TEST_TOKEN.
 */
function headsCard(dir: string): TestToken {
  const token = createTestToken(dir);
  process.env[testTokenEnv] = join(dir, 'token.json');
  return token;
}

/**
 * Builds the renderer if its sources changed, seeds a throwaway demo city, makes the head's card
 * and starts the loopback host on them; the tests find the host's URL (with its token) in
 * DESPACHO_E2E_URL and its data folder in DESPACHO_E2E_DATA. A copy of the city as seeded is kept
 * for the specs' own hosts (`demoCity`). Set DESPACHO_E2E_URL beforehand to run
 * the specs against a host you started yourself (the signing spec then needs DESPACHO_TEST_TOKEN
 * and DESPACHO_E2E_DATA too).
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (process.env.DESPACHO_E2E_URL) return async () => undefined;
  buildRendererIfStale();
  const dataDir = mkdtempSync(join(tmpdir(), 'despacho-e2e-'));
  seed(join(dataDir, 'data'));
  copyClosedFolder(join(dataDir, 'data'), join(dataDir, 'seeded'));
  const card = headsCard(join(dataDir, 'card'));
  const urlFile = join(dataDir, 'url');
  // The host's output (call names and error codes, never personal data) is kept for post-mortems.
  // It holds the printed URL with the launch token: readable by this user only, never an older file.
  mkdirSync(dirname(hostLog), { recursive: true });
  rmSync(hostLog, { force: true });
  const log = createWriteStream(hostLog, { flags: 'wx', mode: 0o600 });
  let served: ServedHost | undefined;
  try {
    served = await serveOwnHost(['--data', join(dataDir, 'data'), '--port', '0'], urlFile, {
      env: {
        ...process.env,
        SOFTHSM2_CONF: card.softhsmConf,
        DESPACHO_PKCS11_MODULES: card.modulePath,
        // The test PKI's root, as an administrator adds a CA: the office confirms only trusted signatures.
        DESPACHO_TRUST_DIRS: card.anchorsDir,
      },
      record: (chunk) => log.write(chunk),
    });
    // The page itself must answer: a host that wrote its URL and then died fails here.
    const page = await fetch(served.url).catch((error: unknown) => error as Error);
    if (page instanceof Error || !page.ok)
      throw new Error(
        `despacho serve does not answer at ${served.url.split('#')[0]} (its output: ${hostLog})`,
      );
    process.env.DESPACHO_E2E_URL = served.url;
    process.env.DESPACHO_E2E_DATA = join(dataDir, 'data');
    process.env[seededCityEnv] = join(dataDir, 'seeded');
    process.env[trainingSandboxEnv] = join(dataDir, 'training-sandbox');
  } catch (error) {
    if (served) await stop(served.host);
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const { host } = served;
  return async () => {
    await stop(host);
    rmSync(dataDir, { recursive: true, force: true });
  };
}
