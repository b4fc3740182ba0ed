import { cpus, loadavg, totalmem, platform, release } from 'node:os';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const resultsFile = fileURLToPath(new URL('../RESULTS.md', import.meta.url));

export function machineDescription(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${platform()} ${release()}, Node ${process.version}`;
}

/** The load averages (1 / 5 / 15 min), as a results section prints them. */
export const loadAverages = (): string =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(' / ');

/** Whether other work shared the machine: a 1-minute load average over half its cores. */
export const machineIsShared = (): boolean => loadavg()[0]! > cpus().length / 2;

/** Replaces this benchmark's section of bench/RESULTS.md (between its markers), leaving the others. */
export function writeResultsSection(name: string, markdown: string): void {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const header =
    '# Benchmark results\n\nWritten by `npm run bench -- <name>`; each section says when and where it ran.\n';
  const current = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : header;
  const section = `${start}\n${markdown.trim()}\n\n_Ran ${new Date().toISOString()} on ${machineDescription()}._\n${end}`;
  const pattern = new RegExp(`${start}[\\s\\S]*?${end}`);
  const next = pattern.test(current)
    ? current.replace(pattern, section)
    : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(resultsFile, next);
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}
