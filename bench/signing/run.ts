import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeResultsSection } from '../lib/results';
import { verifyPdf } from '../../src/main/desk/verify/verify-pdf';
import { loadTrustStore } from '../../src/main/desk/crypto/trust-store';
import { makeP12 } from '../../tests/support/pdfs/fixtures';
import { createBenchToken } from './token';
import { createBenchInputs, type BenchInputs } from './fixtures';
import type { CaseConfig } from './case';

type Mode = 'ours' | 'floor' | 'peer';
interface Sample {
  wallMs: number;
  workMs: number;
  afterLoginMs: number;
  maxRssKb: number;
  workerRssKb: number;
}

const caseSource = fileURLToPath(new URL('./case.ts', import.meta.url));
const workerSource = fileURLToPath(
  new URL('../../src/main/desk/tokens/worker/token-worker.ts', import.meta.url),
);

/**
 * The measured child runs as one bundled ESM file on plain node: under `--import tsx` the loader
 * alone holds ~145 MB, which would drown the figures being compared. The token worker is bundled
 * next to it, and the case hands that bundle to the launcher.
 */
async function bundleCase(): Promise<string> {
  const { build } = await import('esbuild');
  // Inside node_modules so that the external packages resolve from the bundle's location.
  const dir = fileURLToPath(new URL('../../node_modules/.cache/despacho-bench/', import.meta.url));
  const bundles = [
    [workerSource, join(dir, 'token-worker.js')],
    [caseSource, join(dir, 'signing-case.mjs')],
  ] as const;
  for (const [entry, outfile] of bundles)
    await build({
      entryPoints: [entry],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      logLevel: 'error',
    });
  return bundles[1][1];
}
let caseScript = '';
const runs = Number(process.env.BENCH_RUNS ?? 5);
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

function runOnce(mode: Mode, config: Omit<CaseConfig, 'outDir'>, workDir: string): Sample {
  const outDir = mkdtempSync(join(workDir, `${mode}-`));
  const configFile = join(outDir, '..', `${mode}-config.json`);
  writeFileSync(configFile, JSON.stringify({ ...config, outDir }));
  const started = performance.now();
  const child = spawnSync(process.execPath, [caseScript, mode, configFile], {
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  const wallMs = performance.now() - started;
  if (child.status !== 0) throw new Error(`bench ${mode} failed: ${child.stderr}`);
  const result = JSON.parse(child.stdout.trim().split('\n').pop()!) as Omit<Sample, 'wallMs'>;
  if (readdirSync(outDir).length !== (mode === 'floor' ? 0 : config.files.length))
    throw new Error(`bench ${mode} wrote the wrong number of files`);
  rmSync(outDir, { recursive: true, force: true });
  return { wallMs, ...result };
}

function summarize(samples: Sample[]) {
  return {
    wallMs: median(samples.map((s) => s.wallMs)),
    workMs: median(samples.map((s) => s.workMs)),
    afterLoginMs: median(samples.map((s) => s.afterLoginMs)),
    maxRssMb: median(samples.map((s) => s.maxRssKb)) / 1024,
    workerRssMb: median(samples.map((s) => s.workerRssKb)) / 1024,
  };
}

const fmtS = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const fmtX = (ratio: number) => `${ratio.toFixed(1)}×`;

export async function main(): Promise<void> {
  const workDir = mkdtempSync(join(tmpdir(), 'despacho-bench-signing-'));
  try {
    caseScript = await bundleCase();
    const inputs = await createBenchInputs(workDir);
    const { card, caDir, softhsmConf } = createBenchToken(workDir);
    // The measured children (and their token workers) inherit this environment: without it they
    // would look for the card in the machine's default SoftHSM2 token directory.
    process.env.SOFTHSM2_CONF = softhsmConf;
    const p12File = join(workDir, 'signer.p12');
    writeFileSync(p12File, makeP12(workDir, 'bench'));
    const base = { card, p12File, p12Passphrase: 'bench' };

    const cases: { key: keyof BenchInputs; label: string }[] = [
      { key: 'one', label: '1-page resolution' },
      { key: 'report200', label: '200-page report' },
      { key: 'big50', label: '50 MB PDF' },
      { key: 'batch100', label: 'batch of 100 resolutions' },
    ];
    const results = new Map<string, Record<Mode, ReturnType<typeof summarize>>>();
    for (const { key, label } of cases) {
      const modes = ['floor', 'ours', 'peer'] as const;
      const samples: Record<Mode, Sample[]> = { floor: [], ours: [], peer: [] };
      // Interleaved, so that a change in the machine's load falls on all three alike.
      for (let run = 0; run < runs; run++) {
        for (const mode of modes) samples[mode].push(runOnce(mode, { ...base, files: inputs[key] }, workDir));
      }
      const row = {} as Record<Mode, ReturnType<typeof summarize>>;
      for (const mode of modes) {
        row[mode] = summarize(samples[mode]);
        process.stdout.write(`${label} ${mode}: ${JSON.stringify(row[mode])}\n`);
      }
      results.set(key, row);
    }

    const bigSizeMb = statSync(inputs.big50[0]!).size / 2 ** 20;
    const one = results.get('one')!;
    const big = results.get('big50')!;
    const batch = results.get('batch100')!;
    const targets = [
      [
        'batch of 100 within 3× the floor (work time)',
        `${fmtX(batch.ours.workMs / batch.floor.workMs)} (after login ${fmtX(batch.ours.afterLoginMs / batch.floor.afterLoginMs)})`,
        batch.ours.workMs <= 3 * batch.floor.workMs,
      ],
      [
        'batch of 100 at least 6× faster than the peer (work time)',
        fmtX(batch.peer.workMs / batch.ours.workMs),
        batch.peer.workMs >= 6 * batch.ours.workMs,
      ],
      [
        '50 MB within 2× the floor (work time)',
        `${fmtX(big.ours.workMs / big.floor.workMs)} (after login ${fmtX(big.ours.afterLoginMs / big.floor.afterLoginMs)})`,
        big.ours.workMs <= 2 * big.floor.workMs,
      ],
      [
        `50 MB peak memory of the signing process under 2× the file (${(2 * bigSizeMb).toFixed(0)} MB); the worker is shown apart`,
        `${big.ours.maxRssMb.toFixed(0)} MB (+ ${big.ours.workerRssMb.toFixed(0)} MB token worker)`,
        big.ours.maxRssMb < 2 * bigSizeMb,
      ],
      [
        'one file, process start included, within 3× the floor',
        fmtX(one.ours.wallMs / one.floor.wallMs),
        one.ours.wallMs <= 3 * one.floor.wallMs,
      ],
    ] as const;

    const conformance = await conformanceNote(inputs, base, workDir, caDir);
    const table = [
      '| case | floor: wall / work / peak RSS (+ worker) | ours: wall / work / peak RSS (+ worker) | peer: wall / work / peak RSS |',
      '| --- | --- | --- | --- |',
      ...cases.map(({ key, label }) => {
        const row = results.get(key)!;
        const worker = (mode: Mode) =>
          row[mode].workerRssMb > 0 ? ` + ${row[mode].workerRssMb.toFixed(0)} MB` : '';
        const cell = (mode: Mode) =>
          `${fmtS(row[mode].wallMs)} / ${fmtS(row[mode].workMs)} / ${row[mode].maxRssMb.toFixed(0)} MB${worker(mode)}`;
        return `| ${label} | ${cell('floor')} | ${cell('ours')} | ${cell('peer')} |`;
      }),
    ].join('\n');
    const markdown = [
      '## Signing (`bench/signing`)',
      '',
      `Load average when the runs ended: ${loadavg()
        .map((value) => value.toFixed(1))
        .join(' / ')} (1 / 5 / 15 min) on a machine shared with other work; ratios move with it.`,
      'The floor writes nothing, while ours writes and fsyncs every signed file (the 50 MB case copies 50 MB).',
      '',
      `SoftHSM2 token (RSA-2048, \`CKM_SHA256_RSA_PKCS\`), medians of ${runs} interleaved runs, each run a fresh child process`,
      '(the bench bundles `case.ts` with esbuild and runs it on plain `node`). *wall* is measured by the parent from spawn to exit (process start included);',
      '*work* inside the child from just before the login to the last file written; *peak RSS* is the',
      "child's `VmHWM` (getrusage's maxRSS would inherit the parent's peak across exec), then `+` the token worker's.",
      'Ours and the floor both reach the card through the token worker process, as the desk does, so both',
      '*work* times include starting it (about 0.15 s) and one IPC round trip per signature; its memory does not grow with the file.',
      'Floor: one login, per file a streaming SHA-256 and one raw `C_Sign`. Peer: `@signpdf/signpdf` 3 with',
      '`@signpdf/placeholder-plain` and a PKCS#12 key, in one process.',
      '',
      table,
      '',
      '| target | measured | met |',
      '| --- | --- | --- |',
      ...targets.map(([target, measured, met]) => `| ${target} | ${measured} | ${met ? 'yes' : '**no**'} |`),
      '',
      conformance,
    ].join('\n');
    writeResultsSection('signing', markdown);
    process.stdout.write(`${markdown}\n`);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** Signs the 1-page resolution once with each signer and says what our verifier finds. */
async function conformanceNote(
  inputs: BenchInputs,
  base: Omit<CaseConfig, 'outDir' | 'files'>,
  workDir: string,
  caDir: string,
): Promise<string> {
  const store = loadTrustStore({ extraDirs: [caDir], env: {} });
  const describe = async (mode: 'ours' | 'peer') => {
    const outDir = mkdtempSync(join(workDir, `conformance-${mode}-`));
    const configFile = join(workDir, `conformance-${mode}.json`);
    writeFileSync(configFile, JSON.stringify({ ...base, files: inputs.one, outDir }));
    const child = spawnSync(process.execPath, [caseScript, mode, configFile], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(child.stderr);
    const [report] = (await verifyPdf(join(outDir, readdirSync(outDir)[0]!), store)).signatures;
    const attributes = report!.signedAttributes.map(
      (oid) =>
        ({
          '1.2.840.113549.1.9.3': 'content-type',
          '1.2.840.113549.1.9.4': 'message-digest',
          '1.2.840.113549.1.9.5': 'signing-time',
          '1.2.840.113549.1.9.16.2.47': 'signing-certificate-v2',
        })[oid] ?? oid,
    );
    return `${report!.subFilter}, signed attributes: ${attributes.join(', ')} → ${report!.format}`;
  };
  return [
    'PAdES conformance of the outputs (our verifier):',
    '',
    `- ours: ${await describe('ours')}`,
    `- peer: ${await describe('peer')} — signing-time present and no signing-certificate-v2, so it can never be PAdES baseline (DSS reports PAdES-BES at best).`,
  ].join('\n');
}
