import { describe, expect, it } from 'vitest';
import { startEarly } from '../../../src/main/desk/tokens/head-start';
import type { WorkerRequest } from '../../../src/main/desk/tokens/protocol';
import { defaultTimeLimits } from '../../../src/main/desk/tokens/time-limits';
import { createWorkerClient } from '../../../src/main/desk/tokens/worker-client';
import { manualTimers } from '../../support/tokens/manual-timers';
import { fakeLauncher } from './support/fake-worker';
import { tokenErrorOf } from './support/outcome';

const listTokens: Extract<WorkerRequest, { op: 'listTokens' }> = {
  op: 'listTokens',
  modules: ['/usr/lib/opensc-pkcs11.so'],
};
const noTokens = { modules: [], tokens: [] };

/** A worker started by `despacho sign` before the code that talks to it has loaded. */
describe('a token worker started early', () => {
  it('keeps what the worker said before anyone listened, and serves the first requests', async () => {
    const { launch, launched } = fakeLauncher(undefined, { startsReady: false });
    const early = startEarly(launch);
    const worker = launched[0]!;
    worker.emit({ type: 'ready' });

    const clock = manualTimers();
    const client = createWorkerClient(early.launch, { timers: clock.timers });
    const answer = client.request(listTokens);
    worker.result(worker.lastSent().id, noTokens);

    expect(await answer).toEqual(noTokens);
    // Its "ready" reached the client: the start limit passes without the worker being taken for hung.
    clock.advance(defaultTimeLimits.start);
    expect(launched).toHaveLength(1);
    early.release();
    expect(worker.kills).toBe(0);
  });

  it('reports a worker that died before anyone listened, and starts a fresh one next', async () => {
    const { launch, launched } = fakeLauncher(undefined, { startsReady: false });
    const early = startEarly(launch);
    launched[0]!.exit('exit code 1');

    const client = createWorkerClient(early.launch, { timers: manualTimers().timers });
    expect((await tokenErrorOf(client.request(listTokens))).code).toBe('token_worker_crashed');

    const retry = client.request(listTokens);
    expect(launched).toHaveLength(2);
    const fresh = launched[1]!;
    fresh.emit({ type: 'ready' });
    fresh.result(fresh.lastSent().id, noTokens);
    expect(await retry).toEqual(noTokens);
  });

  it('is ended when the command stops before it needs the card', () => {
    const { launch, launched } = fakeLauncher();
    const early = startEarly(launch);
    early.release();
    early.release();
    expect(launched).toHaveLength(1);
    expect(launched[0]!.kills).toBe(1);
  });
});
