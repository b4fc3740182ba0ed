import { describe, expect, it } from 'vitest';
import { CKF_TOKEN } from '../../../src/main/desk/tokens/constants';
import type { WorkerRequest, WorkerResult } from '../../../src/main/desk/tokens/protocol';
import { defaultTimeLimits } from '../../../src/main/desk/tokens/time-limits';
import { createWorkerClient, type SlowNotice } from '../../../src/main/desk/tokens/worker-client';
import { manualTimers } from '../../support/tokens/manual-timers';
import { fakeLauncher, type FakeWorker } from './support/fake-worker';
import { tokenErrorOf } from './support/outcome';

const listTokens: Extract<WorkerRequest, { op: 'listTokens' }> = {
  op: 'listTokens',
  modules: ['/usr/lib/opensc-pkcs11.so'],
};

const tokenList: WorkerResult<'listTokens'> = {
  modules: [
    { path: '/usr/lib/opensc-pkcs11.so', status: 'loaded', description: 'OpenSC', manufacturer: 'OpenSC' },
  ],
  tokens: [
    {
      module: '/usr/lib/opensc-pkcs11.so',
      slotId: '0',
      slotDescription: 'Lector 1',
      label: 'DNIe',
      manufacturer: 'DGP-FNMT',
      model: 'PKCS#15',
      serial: '0123456789',
      flags: 0x40c,
      mechanisms: [0x40],
    },
  ],
};

function only(launched: FakeWorker[]): FakeWorker {
  expect(launched).toHaveLength(1);
  return launched[0]!;
}

describe('the worker client', () => {
  it('does not start the worker until the first request', () => {
    const { launch, launched } = fakeLauncher();
    const client = createWorkerClient(launch);
    expect(launched).toHaveLength(0);
    expect(client.generation()).toBe(0);

    void client.request(listTokens).catch(() => undefined);
    const worker = only(launched);
    expect(worker.lastSent().request).toEqual(listTokens);
    expect(client.generation()).toBe(1);
  });

  it('sends every request to the same worker with its own id', () => {
    const { launch, launched } = fakeLauncher();
    const client = createWorkerClient(launch);
    void client.request(listTokens).catch(() => undefined);
    void client.request({ op: 'closeSession', sessionId: 's1' }).catch(() => undefined);
    const worker = only(launched);
    const [first, second] = worker.sent;
    expect(first!.id).not.toBe(second!.id);
  });

  it('resolves a request with the result the worker answers', async () => {
    const { launch, launched } = fakeLauncher((envelope, worker) => worker.result(envelope.id, tokenList));
    const client = createWorkerClient(launch);
    await expect(client.request(listTokens)).resolves.toEqual(tokenList);
    expect(only(launched).kills).toBe(0);
  });

  it('matches answers to requests by id, whatever their order', async () => {
    const { launch, launched } = fakeLauncher();
    const client = createWorkerClient(launch);
    const first = client.request({ op: 'sign', sessionId: 's', mechanism: { type: 0x40 }, data: 'AQ==' });
    const second = client.request({ op: 'sign', sessionId: 's', mechanism: { type: 0x40 }, data: 'Ag==' });
    const worker = only(launched);
    worker.result(worker.sent[1]!.id, { signature: 'Ag==' });
    worker.result(worker.sent[0]!.id, { signature: 'AQ==' });
    await expect(first).resolves.toEqual({ signature: 'AQ==' });
    await expect(second).resolves.toEqual({ signature: 'Ag==' });
  });

  it('rejects a result that does not fit its operation with token_failure and keeps the worker', async () => {
    const { launch, launched } = fakeLauncher((envelope, worker) =>
      worker.result(envelope.id, { tokens: 'not a list' }),
    );
    const client = createWorkerClient(launch);
    const error = await tokenErrorOf(client.request(listTokens));
    expect(error.code).toBe('token_failure');
    expect(error.params.detail).toContain('listTokens');
    expect(only(launched).kills).toBe(0);
    expect(client.generation()).toBe(1);
  });

  it('maps a PKCS#11 return value with the token flags read after it', async () => {
    const { launch } = fakeLauncher((envelope, worker) =>
      worker.emit({
        type: 'error',
        id: envelope.id,
        error: { kind: 'ckr', rv: 0xa0, fn: 'C_Login', tokenFlags: CKF_TOKEN.USER_PIN_COUNT_LOW },
      }),
    );
    const client = createWorkerClient(launch);
    const request = client.request({
      op: 'openSession',
      module: '/m.so',
      slotId: '0',
      key: { id: 'a1' },
      pin: '0000',
      confirmFinalTry: false,
    });
    expect((await tokenErrorOf(request)).code).toBe('pin_incorrect_low');
  });

  it('passes a typed error from the worker through with its params', async () => {
    const { launch } = fakeLauncher((envelope, worker) =>
      worker.emit({
        type: 'error',
        id: envelope.id,
        error: { kind: 'token', code: 'key_ambiguous', params: { count: 2 } },
      }),
    );
    const error = await tokenErrorOf(createWorkerClient(launch).request(listTokens));
    expect(error.code).toBe('key_ambiguous');
    expect(error.params).toEqual({ count: 2 });
  });

  it('reports an internal worker error as token_failure with its message', async () => {
    const { launch } = fakeLauncher((envelope, worker) =>
      worker.emit({
        type: 'error',
        id: envelope.id,
        error: { kind: 'internal', message: 'malformed request' },
      }),
    );
    const error = await tokenErrorOf(createWorkerClient(launch).request(listTokens));
    expect(error.code).toBe('token_failure');
    expect(error.params.detail).toBe('malformed request');
  });

  it('ignores a repeated ready message and answers to ids it never asked', async () => {
    const { launch, launched } = fakeLauncher();
    const client = createWorkerClient(launch);
    const request = client.request(listTokens);
    const worker = only(launched);
    worker.emit({ type: 'ready' });
    worker.result(worker.lastSent().id + 100, tokenList);
    worker.result(worker.lastSent().id, tokenList);
    await expect(request).resolves.toEqual(tokenList);
    expect(worker.kills).toBe(0);
  });
});

describe('the worker client when the worker dies', () => {
  it('rejects every request in flight with token_worker_crashed', async () => {
    const { launch, launched } = fakeLauncher();
    const client = createWorkerClient(launch);
    const first = client.request(listTokens);
    const second = client.request({ op: 'listCertificates', module: '/m.so', slotId: '1' });
    only(launched).exit('signal SIGSEGV');
    expect((await tokenErrorOf(first)).code).toBe('token_worker_crashed');
    expect((await tokenErrorOf(second)).code).toBe('token_worker_crashed');
  });

  it('starts a fresh worker for the next request, in a new generation', async () => {
    const { launch, launched } = fakeLauncher();
    const client = createWorkerClient(launch);
    const lost = client.request(listTokens);
    expect(client.generation()).toBe(1);
    launched[0]!.exit();
    await tokenErrorOf(lost);

    void client.request(listTokens).catch(() => undefined);
    expect(launched).toHaveLength(2);
    expect(launched[1]!.sent).toHaveLength(1);
    expect(client.generation()).toBe(2);
  });

  it('does not let the dead worker answer for the new one', async () => {
    const { launch, launched } = fakeLauncher();
    const client = createWorkerClient(launch);
    const lost = client.request(listTokens);
    const dead = launched[0]!;
    dead.exit();
    await tokenErrorOf(lost);
    const next = client.request(listTokens);
    dead.result(launched[1]!.lastSent().id, tokenList);
    launched[1]!.result(launched[1]!.lastSent().id, { modules: [], tokens: [] });
    await expect(next).resolves.toEqual({ modules: [], tokens: [] });
  });

  it('kills a worker that sends a message outside the protocol and fails what was pending', async () => {
    const { launch, launched } = fakeLauncher();
    const client = createWorkerClient(launch);
    const pending = client.request(listTokens);
    const worker = only(launched);
    worker.emit({ type: 'result', id: -1, result: {} });
    expect(worker.kills).toBe(1);
    expect((await tokenErrorOf(pending)).code).toBe('token_worker_crashed');

    void client.request(listTokens).catch(() => undefined);
    expect(launched).toHaveLength(2);
  });
});

const { hung, slow } = defaultTimeLimits;
const sign: Extract<WorkerRequest, { op: 'sign' }> = {
  op: 'sign',
  sessionId: 's1',
  mechanism: { type: 0x40 },
  data: 'AQ==',
};

describe('the worker client when the worker hangs', () => {
  it('kills the worker and rejects with token_worker_timeout once the request passes its hung limit', async () => {
    const clock = manualTimers();
    const { launch, launched } = fakeLauncher();
    const client = createWorkerClient(launch, { timers: clock.timers });
    const hanging = tokenErrorOf(client.request(listTokens));
    const worker = only(launched);

    clock.advance(hung.listTokens - 1);
    expect(worker.kills).toBe(0);
    clock.advance(1);
    expect(worker.kills).toBe(1);
    expect((await hanging).code).toBe('token_worker_timeout');
  });

  it('fails the other requests on the hung worker too, and starts a fresh one next', async () => {
    const clock = manualTimers();
    const { launch, launched } = fakeLauncher();
    const client = createWorkerClient(launch, { timers: clock.timers });
    const hanging = tokenErrorOf(client.request(listTokens));
    const bystander = tokenErrorOf(client.request({ op: 'closeSession', sessionId: 's1' }));
    clock.advance(hung.listTokens);
    expect((await hanging).code).toBe('token_worker_timeout');
    expect((await bystander).code).toBe('token_worker_timeout');

    const next = client.request(listTokens);
    expect(launched).toHaveLength(2);
    expect(client.generation()).toBe(2);
    launched[1]!.result(launched[1]!.lastSent().id, tokenList);
    await expect(next).resolves.toEqual(tokenList);
  });

  it('does not time out a request that was answered in time', async () => {
    const clock = manualTimers();
    const { launch, launched } = fakeLauncher();
    const client = createWorkerClient(launch, { timers: clock.timers });
    const request = client.request(listTokens);
    const worker = only(launched);
    clock.advance(hung.listTokens - 1);
    worker.result(worker.lastSent().id, tokenList);
    await expect(request).resolves.toEqual(tokenList);
    clock.advance(10 * hung.listTokens);
    expect(worker.kills).toBe(0);
    expect(clock.pending()).toBe(0);
  });

  it("starts a request's clock when the worker starts on it, not while it waits its turn", async () => {
    const clock = manualTimers();
    const { launch, launched } = fakeLauncher();
    const client = createWorkerClient(launch, { timers: clock.timers });
    const listing = client.request(listTokens);
    const signing = tokenErrorOf(client.request(sign));
    const worker = only(launched);

    clock.advance(hung.listTokens - 1);
    worker.result(worker.sent[0]!.id, tokenList);
    await expect(listing).resolves.toEqual(tokenList);
    clock.advance(hung.sign - 1);
    expect(worker.kills).toBe(0);
    clock.advance(1);
    expect(worker.kills).toBe(1);
    expect((await signing).code).toBe('token_worker_timeout');
  });

  it('does not count the time the worker takes to start against the request', async () => {
    const clock = manualTimers();
    const { launch, launched } = fakeLauncher(undefined, { startsReady: false });
    const limits = { start: 100, hung: { listTokens: 50 } };
    const client = createWorkerClient(launch, { timers: clock.timers, limits });
    const hanging = tokenErrorOf(client.request(listTokens));
    const worker = only(launched);

    clock.advance(99);
    worker.emit({ type: 'ready' });
    clock.advance(49);
    expect(worker.kills).toBe(0);
    clock.advance(1);
    expect(worker.kills).toBe(1);
    expect((await hanging).code).toBe('token_worker_timeout');
  });

  it('stops a worker that never says it is ready after the start limit', async () => {
    const clock = manualTimers();
    const { launch, launched } = fakeLauncher(undefined, { startsReady: false });
    const client = createWorkerClient(launch, { timers: clock.timers });
    const waiting = tokenErrorOf(client.request(listTokens));
    clock.advance(defaultTimeLimits.start - 1);
    expect(only(launched).kills).toBe(0);
    clock.advance(1);
    expect(only(launched).kills).toBe(1);
    expect((await waiting).code).toBe('token_worker_timeout');
  });
});

describe('the worker client when the card is slow', () => {
  function slowClient() {
    const clock = manualTimers();
    const { launch, launched } = fakeLauncher();
    const notices: SlowNotice[] = [];
    const client = createWorkerClient(launch, {
      timers: clock.timers,
      onSlow: (notice) => notices.push(notice),
    });
    return { clock, launched, notices, client };
  }

  it('says a request is slow once it passes its slow limit, and that it ended when answered', async () => {
    const { clock, launched, notices, client } = slowClient();
    const request = client.request(listTokens);
    const worker = only(launched);

    clock.advance(slow.listTokens! - 1);
    expect(notices).toEqual([]);
    clock.advance(1);
    expect(notices).toEqual([
      { state: 'slow', operation: 'listTokens', modules: ['/usr/lib/opensc-pkcs11.so'] },
    ]);
    worker.result(worker.lastSent().id, tokenList);
    await expect(request).resolves.toEqual(tokenList);
    expect(notices.map((notice) => notice.state)).toEqual(['slow', 'done']);
    expect(worker.kills).toBe(0);
  });

  it('says nothing about a request answered before its slow limit', async () => {
    const { clock, launched, notices, client } = slowClient();
    const request = client.request(listTokens);
    clock.advance(slow.listTokens! - 1);
    only(launched).result(only(launched).lastSent().id, tokenList);
    await request;
    clock.advance(10 * hung.listTokens);
    expect(notices).toEqual([]);
  });

  it('names the card the caller said the request is about', async () => {
    const { clock, notices, client } = slowClient();
    void client
      .request(sign, { modules: ['/usr/lib/libpkcs11-dnie.so'], token: 'DNI electrónico' })
      .catch(() => undefined);
    clock.advance(slow.sign!);
    expect(notices).toEqual([
      { state: 'slow', operation: 'sign', modules: ['/usr/lib/libpkcs11-dnie.so'], token: 'DNI electrónico' },
    ]);
  });

  it('says the card is slow well before it calls the worker hung, and that it ended when it does', async () => {
    const { clock, launched, notices, client } = slowClient();
    const hanging = tokenErrorOf(client.request(sign));
    clock.advance(slow.sign!);
    expect(notices.map((notice) => notice.state)).toEqual(['slow']);
    expect(only(launched).kills).toBe(0);
    clock.advance(hung.sign - slow.sign!);
    expect(notices.map((notice) => notice.state)).toEqual(['slow', 'done']);
    expect((await hanging).code).toBe('token_worker_timeout');
  });

  it('reports only the request the worker is on; the next is timed from when its turn comes', async () => {
    const { clock, launched, notices, client } = slowClient();
    const first = client.request(listTokens);
    void client.request(sign).catch(() => undefined);
    const worker = only(launched);
    clock.advance(slow.listTokens!);
    expect(notices.map((notice) => notice.operation)).toEqual(['listTokens']);
    worker.result(worker.sent[0]!.id, tokenList);
    await first;
    clock.advance(slow.sign! - 1);
    expect(notices.map((notice) => notice.operation)).toEqual(['listTokens', 'listTokens']);
    clock.advance(1);
    expect(notices.at(-1)).toMatchObject({ state: 'slow', operation: 'sign' });
  });
});

describe('the production time limits', () => {
  const kinds = Object.keys(hung) as (keyof typeof hung)[];

  it('give a card at least half a minute before it is called hung (only shutting down is quicker)', () => {
    for (const kind of kinds.filter((one) => one !== 'shutdown'))
      expect(hung[kind], kind).toBeGreaterThanOrEqual(30_000);
  });

  it('say the card is slow within ten seconds, and at most a fifth of the way to hung', () => {
    for (const kind of kinds) {
      const after = slow[kind];
      if (after === null) continue;
      expect(after, kind).toBeLessThanOrEqual(10_000);
      expect(after * 5, kind).toBeLessThanOrEqual(hung[kind]);
    }
    expect(kinds.filter((kind) => slow[kind] === null)).toEqual(['shutdown']);
  });
});

describe('closing the worker client', () => {
  it('asks the worker to shut down and kills it when it stays', async () => {
    const { launch, launched } = fakeLauncher((envelope, worker) => worker.result(envelope.id, {}));
    const client = createWorkerClient(launch);
    await client.request({ op: 'closeSession', sessionId: 's1' });
    const worker = only(launched);

    await client.close();
    expect(worker.lastSent().request).toEqual({ op: 'shutdown' });
    expect(worker.kills).toBe(1);
    expect(client.generation()).toBe(0);
  });

  it('does not kill a worker that exited after shutting down', async () => {
    const { launch, launched } = fakeLauncher((envelope, worker) => {
      worker.result(envelope.id, {});
      if (envelope.request.op === 'shutdown') worker.exit('exit code 0');
    });
    const client = createWorkerClient(launch);
    await client.request({ op: 'closeSession', sessionId: 's1' });

    await client.close();
    expect(only(launched).kills).toBe(0);
  });

  it('kills a worker that does not answer the shutdown in time', async () => {
    const clock = manualTimers();
    const { launch, launched } = fakeLauncher((envelope, worker) => {
      if (envelope.request.op !== 'shutdown') worker.result(envelope.id, {});
    });
    const client = createWorkerClient(launch, { timers: clock.timers });
    await client.request({ op: 'closeSession', sessionId: 's1' });

    const closing = client.close();
    clock.advance(hung.shutdown);
    await closing;
    expect(only(launched).kills).toBeGreaterThanOrEqual(1);
    expect(client.generation()).toBe(0);
  });

  it('does not wait for a hung request to reach its own limit before closing', async () => {
    const clock = manualTimers();
    const { launch, launched } = fakeLauncher();
    const client = createWorkerClient(launch, { timers: clock.timers });
    const stuck = tokenErrorOf(client.request(sign));

    const closing = client.close();
    clock.advance(hung.shutdown);
    await closing;
    expect(hung.shutdown).toBeLessThan(hung.sign);
    expect(only(launched).kills).toBe(1);
    expect((await stuck).code).toBe('session_closed');
  });

  it('starts no worker just to close it', async () => {
    const { launch, launched } = fakeLauncher();
    await createWorkerClient(launch).close();
    expect(launched).toHaveLength(0);
  });

  it('refuses every request after close, so nothing starts a worker behind its back', async () => {
    const { launch, launched } = fakeLauncher((envelope, worker) => worker.result(envelope.id, {}));
    const client = createWorkerClient(launch);
    await client.request({ op: 'closeSession', sessionId: 's1' });
    await client.close();

    expect((await tokenErrorOf(client.request(listTokens))).code).toBe('session_closed');
    expect(launched).toHaveLength(1);
  });

  it('a launcher that cannot start the worker gives a typed error, not an exception', async () => {
    const client = createWorkerClient(() => {
      throw new Error('spawn ENOENT');
    });
    expect((await tokenErrorOf(client.request(listTokens))).code).toBe('token_worker_crashed');
  });
});
