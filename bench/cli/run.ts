import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot } from '../../src/main/package-root';
import { isMainBuildFresh } from '../../tests/support/despacho-command';
import { loadAverages, machineIsShared, percentile, writeResultsSection } from '../lib/results';
import { createBatch } from '../signing/fixtures';
import { createBenchToken, type BenchToken } from '../signing/token';
import type { FloorConfig } from '../signing/raw-floor';

/**
 * `despacho` as a user runs it, whole process: wall time from spawn to exit, and the CPU time of the
 * process and its children (the token worker), which a busy machine inflates far less. Start-up
 * (`--help`, `deadline`) and a batch of 100 signatures against a one-process floor on the same token.
 */
const runs = Number(process.env.BENCH_RUNS ?? 9);
const despacho = join(packageRoot, 'bin', 'despacho.js');
/** The measured children get a clean Node: no loader inherited from the runner's tsx. */
const childEnv = (extra: NodeJS.ProcessEnv = {}) => ({ ...process.env, NODE_OPTIONS: '', ...extra });
const deadlineArgs = ['deadline', '--from', '2026-03-02', '--days', '10', '--municipality', 'elche'];

const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
const fmtS = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const fmtX = (ratio: number) => `${ratio.toFixed(1)}×`;

interface Figures {
  wallMs: number;
  cpuMs: number;
}

/**
 * User + system CPU of this process's finished children so far (Linux: cutime + cstime, fields 16
 * and 17 of /proc/self/stat, in clock ticks of 10 ms). A child's own finished children (the token
 * worker) are in its figures, and so in ours once it has exited.
 */
function childrenCpuMs(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

function timed(command: string, args: string[], options: SpawnSyncOptions = {}): Figures {
  const cpuBefore = childrenCpuMs();
  const started = performance.now();
  const result = spawnSync(command, args, {
    cwd: packageRoot,
    encoding: 'utf8',
    env: childEnv(),
    ...options,
  });
  const wallMs = performance.now() - started;
  if (result.status !== 0)
    throw new Error(`${command} ${args.slice(0, 3).join(' ')} … exited ${result.status}: ${result.stderr}`);
  return { wallMs, cpuMs: childrenCpuMs() - cpuBefore };
}

/** Runs every case once per round, round after round, so that a change in load falls on all alike. */
function interleaved<K extends string>(cases: Record<K, () => Figures>): Record<K, Figures> {
  const keys = Object.keys(cases) as K[];
  const samples = new Map<K, Figures[]>(keys.map((key) => [key, []]));
  for (let run = 0; run < runs; run++) for (const key of keys) samples.get(key)!.push(cases[key]());
  const medianOf = (key: K): Figures => ({
    wallMs: median(samples.get(key)!.map((figures) => figures.wallMs)),
    cpuMs: median(samples.get(key)!.map((figures) => figures.cpuMs)),
  });
  return Object.fromEntries(keys.map((key) => [key, medianOf(key)])) as Record<K, Figures>;
}

function buildIfStale(): void {
  if (isMainBuildFresh()) return;
  process.stdout.write('The build is missing or older than the sources: npm run build:main\n');
  const build = spawnSync('npm', ['run', '-s', 'build:main'], { cwd: packageRoot, stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`npm run build:main failed (exit ${build.status})`);
}

function startUp() {
  return interleaved({
    node: () => timed(process.execPath, ['-e', '0']),
    help: () => timed(process.execPath, [despacho, '--help']),
    deadline: () => timed(process.execPath, [despacho, ...deadlineArgs]),
    npmDeadline: () => timed('npm', ['run', '-s', 'cli', '--', ...deadlineArgs]),
  });
}

/** The floor as one bundled file on plain Node, next to node_modules so that pkcs11js resolves. */
async function bundleFloor(): Promise<string> {
  const { build } = await import('esbuild');
  const outfile = join(packageRoot, 'node_modules', '.cache', 'despacho-bench', 'cli-floor.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./floor.ts', import.meta.url))],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
  return outfile;
}

async function signBatch(workDir: string, token: BenchToken) {
  const files = await createBatch(workDir);
  const { module, token: label, key, pin } = token.card;
  if (!('id' in key) || pin === null)
    throw new Error('The bench card is chosen by its CKA_ID and has a PIN.');
  const keyId = key.id;
  const floorConfig = join(workDir, 'floor.json');
  writeFileSync(
    floorConfig,
    JSON.stringify({ module, token: label, keyId, pin, files } satisfies FloorConfig),
  );
  const floorScript = await bundleFloor();
  const env = childEnv({
    SOFTHSM2_CONF: token.softhsmConf,
    DESPACHO_TRUST_DIRS: token.caDir,
    DESPACHO_LANG: 'es',
  });
  const signArgs = (outDir: string) => [
    'sign',
    '--module',
    module,
    '--token',
    label,
    '--cert-id',
    keyId,
    '--pin-stdin',
    '--out',
    outDir,
    ...files,
  ];
  /** One signing run into a fresh folder, checked for its 100 files and then removed. */
  const signing = (command: string, head: string[]) => () => {
    const outDir = mkdtempSync(join(workDir, 'signed-'));
    const figures = timed(command, [...head, ...signArgs(outDir)], { env, input: `${pin}\n` });
    const written = readdirSync(outDir).length;
    rmSync(outDir, { recursive: true, force: true });
    if (written !== files.length)
      throw new Error(`despacho sign wrote ${written} files, not ${files.length}`);
    return figures;
  };
  return interleaved({
    floor: () => timed(process.execPath, [floorScript, floorConfig], { env }),
    despacho: signing(process.execPath, [despacho]),
    npmCli: signing('npm', ['run', '-s', 'cli', '--']),
  });
}

export async function main(): Promise<void> {
  buildIfStale();
  const loadBefore = loadAverages();
  const sharedMachine = machineIsShared();
  const workDir = mkdtempSync(join(tmpdir(), 'despacho-bench-cli-'));
  try {
    const start = startUp();
    let token: BenchToken | null = null;
    let noToken = '';
    try {
      token = createBenchToken(workDir);
    } catch (error) {
      noToken = error instanceof Error ? error.message : String(error);
    }
    const batch = token ? await signBatch(workDir, token) : null;
    const loadAfter = loadAverages();

    const row = (label: string, figures: Figures, floor?: Figures) =>
      floor
        ? `| ${label} | ${fmtS(figures.wallMs)} | ${fmtX(figures.wallMs / floor.wallMs)} | ${fmtS(figures.cpuMs)} | ${fmtX(figures.cpuMs / floor.cpuMs)} |`
        : `| ${label} | ${fmtS(figures.wallMs)} | ${fmtS(figures.cpuMs)} |`;
    const deadline = deadlineArgs.join(' ');
    const startTable = [
      '| command | wall time | CPU time (user + system) |',
      '| --- | --- | --- |',
      row('`node -e 0` (bare Node, for scale)', start.node),
      row('`despacho --help`', start.help),
      row(`\`despacho ${deadline}\``, start.deadline),
      row(
        `\`npm run cli -- ${deadline}\` (npm + tsx on the sources, the development way)`,
        start.npmDeadline,
      ),
    ];
    const batchTable = batch
      ? [
          '| batch of 100 one-page resolutions, SoftHSM2 RSA-2048 | wall time | vs floor | CPU time | vs floor |',
          '| --- | --- | --- | --- | --- |',
          row(
            'floor: one `node` process, pkcs11js directly: one login, per file SHA-256 + `C_Sign`, nothing written',
            batch.floor,
            batch.floor,
          ),
          row(
            '`despacho sign … --out DIR` + 100 files (PAdES B-B, each written and fsynced; token worker included)',
            batch.despacho,
            batch.floor,
          ),
          row('`npm run cli -- sign …` (the development way)', batch.npmCli, batch.floor),
        ]
      : [`No SoftHSM2 token here, so no signing figures: ${noToken}`];
    const met = (yes: boolean) => (yes ? 'yes' : '**no**');
    const underLimit = (label: string, figures: Figures) =>
      `| ${label} | ${fmtS(figures.wallMs)}: ${met(figures.wallMs < 300)} | ${fmtS(figures.cpuMs)}: ${met(figures.cpuMs < 300)} |`;
    const targets = [
      underLimit('`despacho --help` under 0.3 s', start.help),
      underLimit('`despacho deadline …` under 0.3 s', start.deadline),
      ...(batch
        ? [
            `| \`despacho sign\` of 100 within 2.5× the whole-process floor | ${fmtX(batch.despacho.wallMs / batch.floor.wallMs)}: ${met(batch.despacho.wallMs <= 2.5 * batch.floor.wallMs)} | ${fmtX(batch.despacho.cpuMs / batch.floor.cpuMs)}: ${met(batch.despacho.cpuMs <= 2.5 * batch.floor.cpuMs)} |`,
          ]
        : []),
    ];
    const markdown = [
      '## The `despacho` command (`bench/cli`)',
      '',
      `Whole processes as a user runs them, medians of ${runs} interleaved runs: wall time from spawn to exit, and`,
      'CPU time (user + system) of the process and its children, which a busy machine inflates far less.',
      "`despacho` is `node bin/despacho.js`, the package's `bin`, on the build (`npm run build`; the bench builds",
      'out/main first when it is missing or older than the sources).',
      `Load average (1 / 5 / 15 min): ${loadBefore} before, ${loadAfter} after; bare Node's own start took`,
      `${fmtS(start.node.wallMs)} of wall time (tens of milliseconds on an idle machine).`,
      sharedMachine
        ? 'Other work shared the machine when the run began: the wall times are upper bounds.'
        : 'The machine was quiet when the run began (1-minute load average under half its cores).',
      '',
      ...startTable,
      '',
      ...batchTable,
      '',
      '| target | on wall time | on CPU time |',
      '| --- | --- | --- |',
      ...targets,
    ].join('\n');
    writeResultsSection('cli', markdown);
    process.stdout.write(`${markdown}\n`);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}
