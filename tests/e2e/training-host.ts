import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveOwnHost, stop, type ServedHost } from './global-setup';
import { test } from './support';

/**
 * A training desk of the spec's own (`despacho serve --training` on a new sandbox with 200 demo
 * cases), started before its tests and stopped after them. Returns its tokenized address, to ask
 * once the tests run.
 */
export function ownTrainingHost(): () => string {
  let dir: string | undefined;
  let served: ServedHost | undefined;
  test.beforeAll(async () => {
    test.setTimeout(600_000);
    dir = mkdtempSync(join(tmpdir(), 'despacho-training-e2e-'));
    served = await serveOwnHost(
      ['--training', '--data', join(dir, 'sandbox'), '--demo-cases', '200'],
      join(dir, 'url'),
    );
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
