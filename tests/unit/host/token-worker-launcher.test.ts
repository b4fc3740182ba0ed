import type { utilityProcess } from 'electron';
import { EventEmitter } from 'node:events';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  utilityTokenWorkerLauncher,
  type UtilityChild,
  type UtilityForkOptions,
  type UtilityProcessModule,
} from '../../../src/main/app/token-worker-launcher';
import type { RequestEnvelope } from '../../../src/main/desk/tokens/protocol';

/** A utility process as Electron's behaves: kill() does nothing until the process has spawned. */
class FakeUtilityChild extends EventEmitter implements UtilityChild {
  readonly posted: unknown[] = [];
  killCalls = 0;
  spawned = false;

  postMessage(message: unknown): void {
    this.posted.push(message);
  }

  kill(): boolean {
    this.killCalls += 1;
    return this.spawned;
  }

  spawn(): void {
    this.spawned = true;
    this.emit('spawn');
  }
}

function fakeUtilityProcess() {
  const forks: {
    modulePath: string;
    args: string[];
    options: UtilityForkOptions;
    child: FakeUtilityChild;
  }[] = [];
  const module: UtilityProcessModule = {
    fork(modulePath, args, options) {
      const child = new FakeUtilityChild();
      forks.push({ modulePath, args, options, child });
      return child;
    },
  };
  return { module, forks };
}

const workerPath = '/opt/Despacho/resources/app.asar/out/main/app/token-worker.js';
const env = { PATH: '/usr/bin', SOFTHSM2_CONF: '/tmp/softhsm2.conf' };
const envelope: RequestEnvelope = {
  id: 7,
  request: { op: 'listTokens', modules: ['/usr/lib/softhsm/libsofthsm2.so'] },
};

function launch() {
  const fake = fakeUtilityProcess();
  const worker = utilityTokenWorkerLauncher({ utilityProcess: fake.module, modulePath: workerPath, env })();
  const fork = fake.forks[0];
  if (!fork) throw new Error('the launcher did not fork');
  return { worker, fork, child: fork.child, forks: fake.forks };
}

describe('utility-process token worker launcher', () => {
  it('accepts Electron’s own utilityProcess module', () => {
    expectTypeOf<typeof utilityProcess>().toExtend<UtilityProcessModule>();
  });

  it('forks the worker module as a named utility process with the given environment', () => {
    const { fork, forks } = launch();
    expect(forks).toHaveLength(1);
    expect(fork.modulePath).toBe(workerPath);
    expect(fork.args).toEqual([]);
    expect(fork.options.serviceName).toBe('Despacho token worker');
    expect(fork.options.stdio).toBe('inherit');
    expect(fork.options.env.SOFTHSM2_CONF).toBe('/tmp/softhsm2.conf');
  });

  it('starts a fresh process on every launch', () => {
    const fake = fakeUtilityProcess();
    const launcher = utilityTokenWorkerLauncher({ utilityProcess: fake.module, modulePath: workerPath, env });
    launcher();
    launcher();
    expect(fake.forks).toHaveLength(2);
    expect(fake.forks[0]?.child).not.toBe(fake.forks[1]?.child);
  });

  it('posts request envelopes unchanged, also before the process has spawned', () => {
    const { worker, child } = launch();
    worker.send(envelope);
    child.spawn();
    worker.send({ id: 8, request: { op: 'shutdown' } });
    expect(child.posted).toEqual([envelope, { id: 8, request: { op: 'shutdown' } }]);
    expect(child.posted[0]).toBe(envelope);
  });

  it('hands every message from the worker to the listener as it arrived', () => {
    const { worker, child } = launch();
    const received: unknown[] = [];
    worker.onMessage((message) => received.push(message));
    const response = { id: 7, ok: true, result: { modules: [], tokens: [] } };
    child.emit('message', response);
    child.emit('message', 'not even an object');
    expect(received).toEqual([response, 'not even an object']);
    expect(received[0]).toBe(response);
  });

  it('reports the exit once, with its code', () => {
    const { worker, child } = launch();
    const reasons: string[] = [];
    worker.onExit((reason) => reasons.push(reason));
    child.emit('exit', 3);
    child.emit('exit', 0);
    expect(reasons).toEqual(['exit code 3']);
  });

  it('survives a V8 fatal error report and reports the exit that follows', () => {
    const { worker, child } = launch();
    const reasons: string[] = [];
    worker.onExit((reason) => reasons.push(reason));
    expect(() => child.emit('error', 'FatalError', 'v8::ToLocalChecked', '{}')).not.toThrow();
    child.emit('exit', 134);
    expect(reasons).toEqual(['exit code 134']);
  });

  it('kills a running worker once', () => {
    const { worker, child } = launch();
    child.spawn();
    worker.kill();
    expect(child.killCalls).toBe(1);
    child.emit('spawn');
    expect(child.killCalls).toBe(1);
  });

  it('kills a worker asked to stop before it spawned as soon as it spawns', () => {
    const { worker, child } = launch();
    worker.kill();
    expect(child.killCalls).toBe(1);
    child.spawn();
    expect(child.killCalls).toBe(2);
  });
});
