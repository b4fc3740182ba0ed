import { execFile } from 'node:child_process';

/**
 * Outside tools (pdftotext, qpdf, pdfsig, openssl) run over many files: each run is short and mostly
 * waits on its process, so a few side by side cut the wall time without crowding a small machine.
 */
export interface ToolRun {
  /** The exit status; null when the tool was ended by a signal. */
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `command args` run to its end without blocking the test, whatever its exit status. */
export function runTool(command: string, args: readonly string[]): Promise<ToolRun> {
  return new Promise((resolve) => {
    execFile(command, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error && 'code' in error ? error.code : 0;
      resolve({ status: typeof code === 'number' ? code : null, stdout, stderr });
    });
  });
}

/** How many tool runs go side by side: enough to overlap their waits, few enough for two cores. */
export const toolRunsAtOnce = 4;

/** `work` over every item, at most `atOnce` at a time; the results in the items' order. */
export async function mapAtMost<T, R>(
  items: readonly T[],
  work: (item: T) => Promise<R>,
  atOnce = toolRunsAtOnce,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    for (let index = next++; index < items.length; index = next++) results[index] = await work(items[index]!);
  };
  await Promise.all(Array.from({ length: Math.min(atOnce, items.length) }, lane));
  return results;
}
