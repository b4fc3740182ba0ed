import { afterEach, describe, expect, it, vi } from 'vitest';
import { CKF_TOKEN } from '../../../src/main/desk/tokens/constants';
import type { WorkerRequest, WorkerResult } from '../../../src/main/desk/tokens/protocol';
import { createWorkerClient } from '../../../src/main/desk/tokens/worker-client';
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

afterEach(() => {
  vi.useRealTimers();
});

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

  it('ignores ready messages and answers to ids it never asked', async () => {
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

describe('the worker client when the worker hangs', () => {
  it('kills the worker and rejects with token_worker_timeout once the request is overdue', async () => {
    vi.useFakeTimers();
    const { launch, launched } = fakeLauncher();
    const client = createWorkerClient(launch, { listTokens: 50 });
    const hung = tokenErrorOf(client.request(listTokens));
    const worker = only(launched);

    await vi.advanceTimersByTimeAsync(49);
    expect(worker.kills).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(worker.kills).toBe(1);
    expect((await hung).code).toBe('token_worker_timeout');
  });

  it('fails the other requests on the hung worker too, and starts a fresh one next', async () => {
    vi.useFakeTimers();
    const { launch, launched } = fakeLauncher();
    const client = createWorkerClient(launch, { listTokens: 50 });
    const hung = tokenErrorOf(client.request(listTokens));
    const bystander = tokenErrorOf(client.request({ op: 'closeSession', sessionId: 's1' }));
    await vi.advanceTimersByTimeAsync(50);
    expect((await hung).code).toBe('token_worker_timeout');
    expect((await bystander).code).toBe('token_worker_timeout');

    const next = client.request(listTokens);
    expect(launched).toHaveLength(2);
    expect(client.generation()).toBe(2);
    launched[1]!.result(launched[1]!.lastSent().id, tokenList);
    await expect(next).resolves.toEqual(tokenList);
  });

  it('does not time out a request that was answered in time', async () => {
    vi.useFakeTimers();
    const { launch, launched } = fakeLauncher();
    const client = createWorkerClient(launch, { listTokens: 50 });
    const request = client.request(listTokens);
    const worker = only(launched);
    worker.result(worker.lastSent().id, tokenList);
    await expect(request).resolves.toEqual(tokenList);
    await vi.advanceTimersByTimeAsync(1000);
    expect(worker.kills).toBe(0);
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
    vi.useFakeTimers();
    const { launch, launched } = fakeLauncher((envelope, worker) => {
      if (envelope.request.op !== 'shutdown') worker.result(envelope.id, {});
    });
    const client = createWorkerClient(launch, { shutdown: 50 });
    await client.request({ op: 'closeSession', sessionId: 's1' });

    const closing = client.close();
    await vi.advanceTimersByTimeAsync(50);
    await closing;
    expect(only(launched).kills).toBeGreaterThanOrEqual(1);
    expect(client.generation()).toBe(0);
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
