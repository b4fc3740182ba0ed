import { existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { copyClosedFolder } from '../support/copy-closed-folder';
import { serveOwnHost, stop, trainingSandboxEnv, type ServedHost } from './global-setup';
import { test } from './support';

/** `despacho serve --training` on `sandbox`, seeding it with the demo city unless it holds one. */
const serveTraining = (sandbox: string, urlFile: string): Promise<ServedHost> =>
  serveOwnHost(['--training', '--data', sandbox, '--demo-cases', '200'], urlFile);

/**
 * The run's training sandbox as a training desk seeds it, made by the first spec that asks: a
 * training host started once on a new sandbox (it seeds the class's store and the template of the
 * trainees' sandboxes) and stopped before anyone signs in. Made beside its place and renamed into it.
 */
async function runSandbox(place: string): Promise<void> {
  const work = mkdtempSync(join(dirname(place), 'training-sandbox-'));
  try {
    const { host } = await serveTraining(join(work, 'sandbox'), join(work, 'url'));
    await stop(host);
    renameSync(join(work, 'sandbox'), place);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * A training desk on a sandbox of the spec's own under `dir`, with 200 demo cases: a copy of the
 * run's sandbox (seeding is deterministic for a day: every spec seeding its own made the same city
 * at tens of seconds of CPU each), or seeded by the host itself when the specs run against a host
 * started by hand (no global setup).
 */
export async function startTrainingHost(dir: string): Promise<ServedHost> {
  const sandbox = join(dir, 'sandbox');
  const shared = process.env[trainingSandboxEnv];
  if (shared) {
    if (!existsSync(shared)) await runSandbox(shared);
    copyClosedFolder(shared, sandbox);
  }
  return serveTraining(sandbox, join(dir, 'url'));
}

/**
 * A training desk of the spec's own (`startTrainingHost`), started before its tests and stopped
 * after them. Returns its tokenized address, to ask once the tests run.
 */
export function ownTrainingHost(): () => string {
  let dir: string | undefined;
  let served: ServedHost | undefined;
  test.beforeAll(async () => {
    test.setTimeout(600_000);
    dir = mkdtempSync(join(tmpdir(), 'despacho-training-e2e-'));
    served = await startTrainingHost(dir);
  });
  test.afterAll(async () => {
    if (served) await stop(served.host);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    if (!served) throw new Error('the training host did not start');
    return served.url;
  };
}
