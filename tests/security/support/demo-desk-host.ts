import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { composeDesk, type Desk } from '../../../src/main/compose';
import {
  startLoopbackHost,
  type LoopbackHost,
  type LoopbackHostOptions,
} from '../../../src/main/server/host';
import { seededDemoCity } from '../../support/seeded-cities';
import { call } from './loopback';

export interface DemoDeskHost {
  /** The test's temp folder: the office's data lives in `data/` below it. */
  dir: string;
  desk: Desk;
  host: LoopbackHost;
  /** Closes the host and the office and removes the temp folder. */
  close(): Promise<void>;
}

/**
 * The real loopback host over a real embedded office: PGlite in a temp folder, holding the demo
 * city of `demoCases` cases (the run's, copied: see `seededDemoCity`). `prepare` may write what a
 * test needs into the temp folder before the host starts, and returns the host options it changes
 * (a renderer to serve, a log).
 */
export async function startDemoDeskHost(
  name: string,
  demoCases: number,
  prepare: (dir: string) => Partial<LoopbackHostOptions> = () => ({}),
): Promise<DemoDeskHost> {
  const dir = mkdtempSync(join(tmpdir(), `despacho-${name}-`));
  let desk: Desk | undefined;
  let host: LoopbackHost | undefined;
  const close = async () => {
    await host?.close();
    await desk?.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const options = prepare(dir);
    await seededDemoCity(join(dir, 'data'), demoCases);
    desk = await composeDesk({ mode: 'embedded', dataDir: join(dir, 'data'), demoCases });
    host = await startLoopbackHost({
      handlers: desk.handlers,
      actors: desk.actors,
      events: desk.events,
      rendererDir: null,
      ...options,
    });
    return { dir, desk, host, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * One demo desk host for the whole test file: started before its tests, closed after them. `call`
 * makes a contract call to it from a desk holding the token.
 */
export function demoDeskHostForFile(
  name: string,
  demoCases: number,
  prepare?: (dir: string) => Partial<LoopbackHostOptions>,
) {
  let served: DemoDeskHost | undefined;
  beforeAll(async () => {
    served = await startDemoDeskHost(name, demoCases, prepare);
  });
  afterAll(() => served?.close());
  const running = (): DemoDeskHost => {
    if (!served) throw new Error('the demo desk host has not started');
    return served;
  };
  return {
    get dir() {
      return running().dir;
    },
    get desk() {
      return running().desk;
    },
    get host() {
      return running().host;
    },
    call: <Value = unknown>(callName: string, input: unknown, deskId?: string) =>
      call<Value>(running().host, callName, input, deskId),
  };
}
