import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/shared/api/access';
import type { ActorContext } from '../../../src/shared/api/dispatch';
import { ApiError } from '../../../src/shared/api/errors';
import { openCardDesk, type CardDesk } from '../../../src/main/compose/card-desk';
import { DeskSettingsFile } from '../../../src/main/compose/desk-settings';
import { nodeTokenWorkerLauncher } from '../../../src/main/desk/tokens/node-launcher';
import { EventBus } from '../../../src/main/events';
import { loadTestToken, type TestToken } from '../../support/softhsm';
import { buildBrokenModules } from '../../support/tokens/broken-modules';
import { timesAsked } from '../../support/tokens/card-presence';

const faultyWorker = fileURLToPath(new URL('../../support/tokens/faulty-token-worker.ts', import.meta.url));

let token: TestToken;
let broken: { aborts: string; hangs: string };
const opened: CardDesk[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((desk) => desk.close()));
});
beforeAll(() => {
  token = loadTestToken();
  broken = buildBrokenModules(mkdtempSync(join(tmpdir(), 'despacho-broken-')));
});

const actor: Actor = { id: 'urb-jefatura', name: 'Jefa', departmentId: 'urb', roles: ['head'] };
const ctx = {
  connectionId: 'test',
  session: { get: () => actor.id, set: () => undefined },
  actor,
} as ActorContext;

function cardDesk(env: NodeJS.ProcessEnv = {}, launch = nodeTokenWorkerLauncher()) {
  const dataDir = mkdtempSync(join(tmpdir(), 'despacho-card-desk-'));
  const events = new EventBus();
  const heard: string[] = [];
  events.subscribe((name) => heard.push(name));
  const desk = openCardDesk({
    launch,
    settings: DeskSettingsFile.in(dataDir),
    env,
    events,
    now: () => new Date(),
    platform: 'linux',
  });
  opened.push(desk);
  return { desk, dataDir, heard };
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof ApiError ? error.toData() : error),
  );

describe('the desk’s cards', () => {
  it('a module added by path is loaded, kept in the data folder’s settings, and its cards listed', async () => {
    const { desk, dataDir, heard } = cardDesk();
    const before = await desk.handlers['tokens.list']({}, ctx);
    expect(before.modules.map((module) => module.path)).not.toContain(token.modulePath);

    const after = await desk.handlers['tokens.addModule']({ path: token.modulePath }, ctx);
    expect(after.modules).toContainEqual(
      expect.objectContaining({ path: token.modulePath, source: 'settings', status: 'loaded' }),
    );
    expect(after.cards.map((card) => card.label)).toContain(token.tokenLabel);
    expect(JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8'))).toEqual({
      pkcs11Modules: [token.modulePath],
    });
    expect(heard).toContain('tokens.changed');
    expect(desk.knows(token.modulePath)).toBe(true);
  });

  it('refuses a path that is not a loadable module, saying why, and keeps nothing', async () => {
    const { desk, dataDir } = cardDesk();
    const folder = mkdtempSync(join(tmpdir(), 'despacho-not-modules-'));
    const text = join(folder, 'notes.txt');
    writeFileSync(text, 'not a library');
    const fake = join(folder, 'fake.so');
    writeFileSync(fake, 'not a library either');
    mkdirSync(join(folder, 'dir.so'));
    const add = (path: string) => refusal(desk.handlers['tokens.addModule']({ path }, ctx));
    expect(await add('relative/opensc.so')).toEqual({
      code: 'pkcs11_module_invalid',
      params: { reason: 'notAbsolute', path: 'relative/opensc.so' },
    });
    expect(await add(join(folder, 'missing.so'))).toMatchObject({ params: { reason: 'missing' } });
    expect(await add(join(folder, 'dir.so'))).toMatchObject({ params: { reason: 'notAFile' } });
    expect(await add(text)).toMatchObject({ params: { reason: 'notALibrary' } });
    expect(await add(fake)).toMatchObject({ params: { reason: 'cannotLoad' } });
    // A module whose driver kills the worker is not kept either; the desk goes on.
    expect(await add(broken.aborts)).toMatchObject({ params: { reason: 'cannotLoad' } });
    expect(() => readFileSync(join(dataDir, 'settings.json'))).toThrow();
  });

  it('never overwrites a settings file it cannot read, and says which file', async () => {
    const { desk, dataDir } = cardDesk();
    const copy = join(mkdtempSync(join(tmpdir(), 'despacho-module-')), 'libsofthsm2.so');
    copyFileSync(token.modulePath, copy);
    writeFileSync(join(dataDir, 'settings.json'), '{ not json');
    expect(await refusal(desk.handlers['tokens.addModule']({ path: copy }, ctx))).toEqual({
      code: 'storage_corrupt',
      params: { path: join(dataDir, 'settings.json') },
    });
    expect(readFileSync(join(dataDir, 'settings.json'), 'utf8')).toBe('{ not json');
  });

  it('lists the modules of DESPACHO_PKCS11_MODULES as the environment’s', async () => {
    const { desk } = cardDesk({ DESPACHO_PKCS11_MODULES: token.modulePath });
    const listing = await desk.handlers['tokens.list']({}, ctx);
    expect(listing.modules).toContainEqual(
      expect.objectContaining({ path: token.modulePath, source: 'environment' }),
    );
  });

  it('tells the desk when a card is taken out and put back, once somebody has listed the cards', async () => {
    const reader = mkdtempSync(join(tmpdir(), 'despacho-reader-'));
    const presence = join(reader, 'card-in');
    writeFileSync(presence, '');
    const { desk, heard } = cardDesk(
      { DESPACHO_PKCS11_MODULES: token.modulePath },
      nodeTokenWorkerLauncher(faultyWorker, {
        ...process.env,
        DESPACHO_TOKEN_FAULT: `present-while-${presence}`,
      }),
    );
    const changes = () => heard.filter((name) => name === 'tokens.changed').length;
    // Waits for the desk's own looks at the reader and for its news, never for a time.
    const poll = { timeout: 60_000, interval: 50 };
    expect((await desk.handlers['tokens.list']({}, ctx)).cards.map((card) => card.label)).toEqual([
      token.tokenLabel,
    ]);
    await expect.poll(() => timesAsked(presence), poll).toBeGreaterThanOrEqual(3);
    expect(changes()).toBe(0);
    rmSync(presence);
    await expect.poll(changes, poll).toBe(1);
    expect((await desk.handlers['tokens.list']({}, ctx)).cards).toEqual([]);
    writeFileSync(presence, '');
    await expect.poll(changes, poll).toBe(2);
  });
});
