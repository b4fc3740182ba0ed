import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  TraineeSandboxes,
  type OpenTraineeSandbox,
  type TraineeSandbox,
} from '../../../src/main/compose/trainee-sandboxes';
import type { Handlers } from '../../../src/shared/api/dispatch';
import type { Coaching } from '../../../src/main/training/session/trainee-desk';

/**
 * The registry of trainees' sandboxes on a training desk: each made from the class's start on the
 * trainee's first call (once, however many calls come together), and reset only when the calls
 * under way on it are done, with the calls made meanwhile going to the fresh one.
 */
let scratch: string;
let folders: { template: string; trainees: string };
let opened: { dataDir: string; traineeId: string; closed: boolean }[];

const openFake: OpenTraineeSandbox = async (dataDir, traineeId) => {
  const record = { dataDir, traineeId, closed: false };
  opened.push(record);
  return {
    handlers: {} as Handlers,
    coaching: {} as Coaching,
    cards: null,
    left: async () => undefined,
    close: async () => {
      record.closed = true;
    },
  };
};

beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'despacho-trainee-sandboxes-'));
  folders = { template: join(scratch, 'template'), trainees: join(scratch, 'trainees') };
  mkdirSync(join(folders.template, 'db'), { recursive: true });
  writeFileSync(join(folders.template, 'db', 'data'), 'start');
  opened = [];
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
};

describe('the trainees’ sandboxes', () => {
  it('makes a trainee’s sandbox from the class’s start on their first call, once for calls made together', async () => {
    const sandboxes = new TraineeSandboxes(folders, openFake);
    expect(await sandboxes.ifAny('urb-02', async () => 'read')).toBeNull();
    expect(existsSync(join(folders.trainees, 'urb-02'))).toBe(false);

    const seen = await Promise.all([1, 2, 3].map(() => sandboxes.with('urb-02', async (sandbox) => sandbox)));
    expect(new Set(seen).size).toBe(1);
    expect(opened).toEqual([
      { dataDir: join(folders.trainees, 'urb-02'), traineeId: 'urb-02', closed: false },
    ]);
    expect(readFileSync(join(folders.trainees, 'urb-02', 'db', 'data'), 'utf8')).toBe('start');
    expect(await sandboxes.ifAny('urb-02', async () => 'read')).toBe('read');
    // A name that is not a plain id is spelled in hex, never taken as a path.
    await sandboxes.with('../x', async () => undefined);
    expect(opened.at(-1)!.dataDir).toBe(join(folders.trainees, `x-${Buffer.from('../x').toString('hex')}`));
    await sandboxes.close();
    expect(opened.every((record) => record.closed)).toBe(true);
    await expect(sandboxes.with('urb-02', async () => undefined)).rejects.toMatchObject({
      code: 'storage_unavailable',
    });
  });

  it('resets a sandbox once the calls under way are done; calls made meanwhile go to the fresh one', async () => {
    const sandboxes = new TraineeSandboxes(folders, openFake);
    const first = await sandboxes.with('urb-02', async (sandbox) => sandbox);
    writeFileSync(join(folders.trainees, 'urb-02', 'db', 'data'), 'worked on');

    const busy = deferred();
    const underWay = sandboxes.with('urb-02', async (sandbox) => {
      await busy.promise;
      return sandbox;
    });
    let staged: TraineeSandbox | null = null;
    const reset = sandboxes.reset('urb-02', async (sandbox) => {
      staged = sandbox;
    });
    const meanwhile = sandboxes.with('urb-02', async (sandbox) => sandbox);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(opened).toHaveLength(1);
    expect(opened[0]!.closed).toBe(false);

    busy.resolve();
    expect(await underWay).toBe(first);
    await reset;
    expect(opened[0]!.closed).toBe(true);
    expect(opened).toHaveLength(2);
    expect(await meanwhile).toBe(staged);
    expect(staged).not.toBe(first);
    expect(readFileSync(join(folders.trainees, 'urb-02', 'db', 'data'), 'utf8')).toBe('start');
    await sandboxes.close();
  });

  it('opens a sandbox afresh on the next call when opening it failed', async () => {
    let failures = 1;
    const sandboxes = new TraineeSandboxes(folders, async (dataDir, traineeId) => {
      if (failures-- > 0) throw new Error('the database would not open');
      return openFake(dataDir, traineeId);
    });
    await expect(sandboxes.with('urb-02', async () => undefined)).rejects.toThrow(/would not open/);
    await sandboxes.with('urb-02', async () => undefined);
    expect(opened).toHaveLength(1);
    await sandboxes.close();
  });
});
