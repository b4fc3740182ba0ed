import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot } from '../../src/main/package-root';
import { isMainBuildFresh } from '../../tests/support/despacho-command';
import { resolutionPdf } from '../../tests/support/pdfs/fixtures';
import { percentile, writeResultsSection } from '../lib/results';
import { createBenchToken, type BenchToken } from '../signing/token';
import type { FloorConfig } from './floor';

/**
 * `despacho` as a user runs it, whole process, wall time from spawn to exit: start-up (`--help`,
 * `deadline`) and a batch of 100 signatures against a one-process floor on the same token.
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
const load = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(' / ');

function timed(command: string, args: string[], options: SpawnSyncOptions = {}): number {
  const started = performance.now();
  const result = spawnSync(command, args, {
    cwd: packageRoot,
    encoding: 'utf8',
    env: childEnv(),
    ...options,
  });
  const ms = performance.now() - started;
  if (result.status !== 0)
    throw new Error(`${command} ${args.slice(0, 3).join(' ')} … exited ${result.status}: ${result.stderr}`);
  return ms;
}

/** Runs every case once per round, round after round, so that a change in load falls on all alike. */
function interleaved<K extends string>(cases: Record<K, () => number>): Record<K, number> {
  const samples = Object.fromEntries(Object.keys(cases).map((key) => [key, [] as number[]])) as Record<
    K,
    number[]
  >;
  for (let run = 0; run < runs; run++)
    for (const key of Object.keys(cases) as K[]) samples[key].push(cases[key]());
  return Object.fromEntries(
    Object.entries(samples).map(([key, values]) => [key, median(values as number[])]),
  ) as Record<K, number>;
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
  const one = join(workDir, 'resolucion.pdf');
  writeFileSync(one, await resolutionPdf(1));
  mkdirSync(join(workDir, 'batch'));
  const files = Array.from({ length: 100 }, (_, index) => {
    const path = join(workDir, 'batch', `resolucion-${String(index + 1).padStart(3, '0')}.pdf`);
    copyFileSync(one, path);
    return path;
  });
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
    const ms = timed(command, [...head, ...signArgs(outDir)], { env, input: `${pin}\n` });
    const written = readdirSync(outDir).length;
    rmSync(outDir, { recursive: true, force: true });
    if (written !== files.length)
      throw new Error(`despacho sign wrote ${written} files, not ${files.length}`);
    return ms;
  };
  return interleaved({
    floor: () => timed(process.execPath, [floorScript, floorConfig], { env }),
    despacho: signing(process.execPath, [despacho]),
    npmCli: signing('npm', ['run', '-s', 'cli', '--']),
  });
}

export async function main(): Promise<void> {
  buildIfStale();
  const loadBefore = load();
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
    const loadAfter = load();

    const startTable = [
      '| command | median wall time | above bare Node |',
      '| --- | --- | --- |',
      `| \`node -e 0\` (bare Node, for scale) | ${fmtS(start.node)} | — |`,
      `| \`despacho --help\` | ${fmtS(start.help)} | ${fmtS(start.help - start.node)} |`,
      `| \`despacho ${deadlineArgs.join(' ')}\` | ${fmtS(start.deadline)} | ${fmtS(start.deadline - start.node)} |`,
      `| \`npm run cli -- ${deadlineArgs.join(' ')}\` (npm + tsx on the sources, the development way) | ${fmtS(start.npmDeadline)} | ${fmtS(start.npmDeadline - start.node)} |`,
    ];
    const batchTable = batch
      ? [
          '| batch of 100 one-page resolutions, SoftHSM2 RSA-2048 | median wall time | vs the floor |',
          '| --- | --- | --- |',
          `| floor: one \`node\` process, pkcs11js directly: one login, per file SHA-256 + \`C_Sign\`, nothing written | ${fmtS(batch.floor)} | 1.0× |`,
          `| \`despacho sign … --out DIR\` + 100 files (PAdES B-B, each written and fsynced) | ${fmtS(batch.despacho)} | ${fmtX(batch.despacho / batch.floor)} |`,
          `| \`npm run cli -- sign …\` (the development way) | ${fmtS(batch.npmCli)} | ${fmtX(batch.npmCli / batch.floor)} |`,
        ]
      : [`No SoftHSM2 token here, so no signing figures: ${noToken}`];
    const targets = [
      ['`despacho --help` starts and ends under 0.3 s', fmtS(start.help), start.help < 300],
      ['`despacho deadline …` starts and ends under 0.3 s', fmtS(start.deadline), start.deadline < 300],
      ...(batch
        ? [
            [
              '`despacho sign` of 100 within 2.5× the whole-process floor',
              fmtX(batch.despacho / batch.floor),
              batch.despacho <= 2.5 * batch.floor,
            ] as const,
          ]
        : []),
    ] as const;
    const markdown = [
      '## The `despacho` command (`bench/cli`)',
      '',
      `Whole processes as a user runs them, wall time from spawn to exit, medians of ${runs} interleaved runs.`,
      "`despacho` is `node bin/despacho.js`, the package's `bin`, on the build (`npm run build`; the bench builds",
      'out/main first when it is missing or older than the sources).',
      `Load average (1 / 5 / 15 min): ${loadBefore} before, ${loadAfter} after, on 2 cores shared with other builds and`,
      `test suites: the machine was busy, as bare Node's own start shows (${fmtS(start.node)}; tens of milliseconds`,
      'on an idle machine). These are upper bounds: a run on a quiet machine refreshes them.',
      '',
      ...startTable,
      '',
      ...batchTable,
      '',
      '| target | measured | met |',
      '| --- | --- | --- |',
      ...targets.map(([target, measured, met]) => `| ${target} | ${measured} | ${met ? 'yes' : '**no**'} |`),
    ].join('\n');
    writeResultsSection('cli', markdown);
    process.stdout.write(`${markdown}\n`);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}
