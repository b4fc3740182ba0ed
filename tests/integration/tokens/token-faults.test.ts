import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signBatch } from '../../../src/main/desk/signing/batch';
import { defaultWorkerEntry, nodeTokenWorkerLauncher } from '../../../src/main/desk/tokens/node-launcher';
import { defaultTimeLimits } from '../../../src/main/desk/tokens/time-limits';
import {
  openTokenService,
  type SlowNotice,
  type TokenService,
} from '../../../src/main/desk/tokens/token-service';
import { loadTrustStore, type TrustStore } from '../../../src/main/desk/crypto/trust-store';
import { resolutionPdf } from '../../support/pdfs/fixtures';
import { loadTestToken, type TestToken } from '../../support/softhsm';
import { buildBrokenModules, hangMarker } from '../../support/tokens/broken-modules';
import { timesAsked } from '../../support/tokens/card-presence';
import type { Fault } from '../../support/tokens/faulty-token-worker';
import { manualTimers, type ManualTimers } from '../../support/tokens/manual-timers';
import { expectSignedPdfValid } from '../../unit/signing/support/checks';

const faultyWorker = fileURLToPath(new URL('../../support/tokens/faulty-token-worker.ts', import.meta.url));
let token: TestToken;
let broken: { aborts: string; hangs: string };
let store: TrustStore;
const services: { service: TokenService; clock?: ManualTimers }[] = [];
const { hung, slow } = defaultTimeLimits;

beforeAll(() => {
  token = loadTestToken();
  broken = buildBrokenModules(mkdtempSync(join(tmpdir(), 'despacho-broken-')));
  store = loadTrustStore({ extraDirs: [token.anchorsDir], env: {} });
});
afterEach(async () => {
  await Promise.all(
    services.splice(0).map(({ service, clock }) => {
      const closing = service.close();
      // Should a test fail with a worker still stuck in the module, its time is up now.
      clock?.advance(10 * hung.openSession);
      return closing;
    }),
  );
});

interface ServiceOptions {
  fault?: Fault;
  modules?: string[];
  /** A virtual clock for the time limits: nothing is slow or hung until the test moves it. */
  clock?: ManualTimers;
  env?: NodeJS.ProcessEnv;
}

/** The real worker, with the production time limits on the real clock unless a test brings its own. */
function service(options: ServiceOptions = {}): TokenService {
  const launch = options.fault
    ? nodeTokenWorkerLauncher(faultyWorker, { ...process.env, DESPACHO_TOKEN_FAULT: options.fault })
    : nodeTokenWorkerLauncher(defaultWorkerEntry(), { ...process.env, ...options.env });
  const opened = openTokenService({
    launch,
    modules: options.modules ?? [token.modulePath],
    ...(options.clock ? { timers: options.clock.timers } : {}),
  });
  services.push({ service: opened, ...(options.clock ? { clock: options.clock } : {}) });
  return opened;
}

/** The error a promise ends with, or null: lets a test move the clock while the promise waits. */
const outcomeOf = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const open = (tokens: TokenService, pin: string | null = token.userPin, confirmFinalTry = false) =>
  tokens.openSigningSession({
    module: token.modulePath,
    token: token.tokenLabel,
    key: { id: token.keys.rsa2048.id },
    pin,
    confirmFinalTry,
  });

async function resolutions(count: number): Promise<string[]> {
  const inputs = mkdtempSync(join(tmpdir(), 'despacho-batch-in-'));
  return Promise.all(
    Array.from({ length: count }, async (_, index) => {
      const path = join(inputs, `resolucion-${index + 1}.pdf`);
      writeFileSync(path, await resolutionPdf(1, `Resolución 2026/00010${index + 1}`));
      return path;
    }),
  );
}

const labels = async (tokens: TokenService) =>
  (await tokens.listTokens()).tokens.map((listed) => listed.label);

describe('a PKCS#11 module that kills or freezes the worker', () => {
  it('a module that aborts: a clear error, then a fresh worker serves the real token', async () => {
    const tokens = service();
    await expect(tokens.listTokens([broken.aborts])).rejects.toMatchObject({ code: 'token_worker_crashed' });
    expect(await labels(tokens)).toContain(token.tokenLabel);
  });

  it('a module that hangs: the card is said to be slow, then the worker is stopped, and the desk goes on', async () => {
    const clock = manualTimers();
    const hang = hangMarker(mkdtempSync(join(tmpdir(), 'despacho-hang-')));
    const tokens = service({ clock, env: hang.env });
    const notices: SlowNotice[] = [];
    tokens.onSlow((notice) => notices.push(notice));
    // A worker already serving (the healthy token answers on a clock that does not move).
    expect(await labels(tokens)).toContain(token.tokenLabel);

    const verdict = outcomeOf(tokens.listTokens([broken.hangs]));
    const [pid] = await hang.blocked(1);
    clock.advance(slow.listTokens!);
    expect(notices).toEqual([{ state: 'slow', operation: 'listTokens', modules: [broken.hangs] }]);
    clock.advance(hung.listTokens - slow.listTokens!);
    expect(await verdict).toMatchObject({ code: 'token_worker_timeout' });
    expect(notices.at(-1)).toEqual({ state: 'done', operation: 'listTokens', modules: [broken.hangs] });
    await expect.poll(() => alive(pid!), { timeout: 60_000 }).toBe(false);
    expect(await labels(tokens)).toContain(token.tokenLabel);
  });

  it('one faulty module among several is named, and the other modules still show their cards', async () => {
    const clock = manualTimers();
    const hang = hangMarker(mkdtempSync(join(tmpdir(), 'despacho-hang-')));
    const tokens = service({
      modules: [broken.aborts, token.modulePath, broken.hangs],
      clock,
      env: hang.env,
    });
    // The listing of all three dies in the first module; each is then asked alone, the hanging one last.
    const listing = tokens.listTokens();
    await hang.blocked(1);
    clock.advance(hung.listTokens);
    const list = await listing;
    expect(list.modules.map((module) => [module.path, module.status])).toEqual([
      [broken.aborts, 'crashed'],
      [token.modulePath, 'loaded'],
      [broken.hangs, 'hung'],
    ]);
    expect(list.tokens.map((listed) => listed.label)).toContain(token.tokenLabel);
  });

  it('a listing that hangs over several modules: each is asked alone, and the healthy one is not called hung', async () => {
    const clock = manualTimers();
    const hang = hangMarker(mkdtempSync(join(tmpdir(), 'despacho-hang-')));
    const tokens = service({ modules: [token.modulePath, broken.hangs], clock, env: hang.env });
    await tokens.listTokens([token.modulePath]);

    const listing = tokens.listTokens();
    await hang.blocked(1);
    clock.advance(hung.listTokens);
    // A fresh worker answers for the healthy module alone, then blocks in the hanging one again.
    await hang.blocked(2);
    clock.advance(hung.listTokens);
    const list = await listing;
    expect(list.modules.map((module) => [module.path, module.status])).toEqual([
      [token.modulePath, 'loaded'],
      [broken.hangs, 'hung'],
    ]);
    expect(list.tokens.map((listed) => listed.label)).toContain(token.tokenLabel);
  });
});

describe('PIN states SoftHSM2 cannot produce, injected at the PKCS#11 boundary of the real worker', () => {
  it('final try: refuses to log in until the holder confirms; a wrong PIN then locks the card', async () => {
    const tokens = service({ fault: 'pin-final-try' });
    expect((await tokens.listTokens()).tokens[0]!.pin).toBe('finalTry');
    await expect(open(tokens, '0000')).rejects.toMatchObject({ code: 'pin_final_try_needs_confirmation' });
    await expect(open(tokens, '0000', true)).rejects.toMatchObject({ code: 'pin_locked' });
    expect((await tokens.listTokens()).tokens[0]!.pin).toBe('locked');
  });

  it('final try confirmed with the right PIN signs', async () => {
    const tokens = service({ fault: 'pin-final-try' });
    const session = await open(tokens, token.userPin, true);
    expect(
      await session.sign(new Uint8Array([1, 2, 3]), { hash: 'SHA-256', scheme: 'rsa-pkcs1' }),
    ).toHaveLength(256);
    await session.close();
  });

  it('a locked PIN is reported without trying the PIN at all', async () => {
    const tokens = service({ fault: 'pin-locked' });
    expect((await tokens.listTokens()).tokens[0]!.pin).toBe('locked');
    await expect(open(tokens)).rejects.toMatchObject({ code: 'pin_locked' });
  });

  it('a PIN-pad reader is told plainly that the binding cannot leave the PIN to the reader', async () => {
    const tokens = service({ fault: 'pin-pad' });
    expect((await tokens.listTokens()).tokens[0]!.pinPad).toBe(true);
    await expect(open(tokens, null)).rejects.toMatchObject({ code: 'pinpad_unsupported' });
  });

  it('card pulled out mid-batch: finished files are complete and valid, the rest untouched', async () => {
    const files = await resolutions(4);
    const outDir = mkdtempSync(join(tmpdir(), 'despacho-batch-out-'));
    const tokens = service({ fault: 'removed-after-2' });
    const outcome = await signBatch({ files, outDir, openSession: () => open(tokens) });

    expect(outcome.status).toBe('stopped');
    if (outcome.status !== 'stopped') return;
    expect(outcome.error.key).toBe('tokens.error.token_removed');
    expect(outcome.signed.map((result) => result.source)).toEqual(files.slice(0, 2));
    expect(outcome.untouched).toEqual(files.slice(2));
    expect(readdirSync(outDir).sort()).toEqual(['resolucion-1.pdf', 'resolucion-2.pdf']);
    for (const result of outcome.signed)
      await expectSignedPdfValid(result.output, {
        source: result.source,
        signatures: 1,
        caFile: token.root.pem,
        store,
      });

    // The card back in (a worker without the fault): the rest of the batch signs.
    const retry = await signBatch({ files: outcome.untouched, outDir, openSession: () => open(service()) });
    expect(retry.status).toBe('done');
    expect(readdirSync(outDir)).toHaveLength(4);
  });

  it('driver crash mid-batch: the signed file is valid, the rest untouched, and the desk carries on', async () => {
    const files = await resolutions(3);
    const outDir = mkdtempSync(join(tmpdir(), 'despacho-batch-out-'));
    const tokens = service({ fault: 'crash-after-1' });
    const outcome = await signBatch({ files, outDir, openSession: () => open(tokens) });

    expect(outcome).toMatchObject({ status: 'stopped', error: { key: 'tokens.error.token_worker_crashed' } });
    if (outcome.status !== 'stopped') return;
    expect(outcome.untouched).toEqual(files.slice(1));
    expect(readdirSync(outDir)).toEqual(['resolucion-1.pdf']);
    await expectSignedPdfValid(outcome.signed[0]!.output, {
      source: files[0]!,
      signatures: 1,
      caFile: token.root.pem,
      store,
    });
    // The same service starts a fresh worker for whatever the desk asks next.
    expect(await labels(tokens)).toContain(token.tokenLabel);
  });

  it('card pulled out and put back: listeners hear both, without asking', async () => {
    const reader = mkdtempSync(join(tmpdir(), 'despacho-reader-'));
    const presence = join(reader, 'card-in');
    writeFileSync(presence, '');
    const tokens = service({ fault: `present-while-${presence}` });
    const seen: string[][] = [];
    // Waits for events, not for time: the deadlines only turn a lost event into a failure.
    const heard = (count: number) =>
      expect.poll(() => seen.length, { timeout: 60_000, interval: 50 }).toBeGreaterThanOrEqual(count);
    const asked = (count: number) =>
      expect
        .poll(() => timesAsked(presence), { timeout: 60_000, interval: 50 })
        .toBeGreaterThanOrEqual(count);
    const stop = tokens.onTokensChanged((list) => seen.push(list.tokens.map((listed) => listed.label)));
    // A poll starts only once the one before it is done: the third shows the first two saw no change.
    await asked(3);
    expect(seen).toEqual([]);
    rmSync(presence);
    await heard(1);
    writeFileSync(presence, '');
    await heard(2);
    stop();
    expect(seen).toEqual([[], [token.tokenLabel]]);
  });
});
