import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CKF_TOKEN, CKM } from '../../../src/main/desk/tokens/constants';
import type {
  WireCertificate,
  WireToken,
  WorkerOp,
  WorkerResult,
} from '../../../src/main/desk/tokens/protocol';
import { defaultTimeLimits, type Timers } from '../../../src/main/desk/tokens/time-limits';
import {
  openTokenService,
  type SlowNotice,
  type TokenService,
} from '../../../src/main/desk/tokens/token-service';
import { manualTimers } from '../../support/tokens/manual-timers';
import { fakeLauncher, type FakeWorker } from './support/fake-worker';
import { tokenErrorOf } from './support/outcome';
import { createTokenPki, type TokenPki } from './support/pki';

const { hung, slow } = defaultTimeLimits;
const opensc = '/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so';
const dnie = '/usr/lib/libpkcs11-dnie.so';
const broken = '/opt/vendor/broken-pkcs11.so';

const present = CKF_TOKEN.TOKEN_INITIALIZED | CKF_TOKEN.USER_PIN_INITIALIZED | CKF_TOKEN.LOGIN_REQUIRED;

function token(label: string, overrides: Partial<WireToken> = {}): WireToken {
  return {
    module: opensc,
    slotId: '0',
    slotDescription: 'Lector de tarjetas 0',
    label,
    manufacturer: 'FNMT-RCM',
    model: 'CERES',
    serial: `serie-${label}`,
    flags: present,
    mechanisms: [CKM.ECDSA_SHA256],
    ...overrides,
  };
}

/** The cards the fake worker sees; tests change it between polls. */
interface Scene {
  tokens: WireToken[];
  missing: Set<string>;
  failed: Set<string>;
  /** A listTokens that includes one of these kills the worker (a module that segfaults). */
  crashing: Set<string>;
  /** A listTokens that includes one of these is never answered (a module that hangs). */
  hanging: Set<string>;
  certificates: WireCertificate[];
  session: WorkerResult<'openSession'> | null;
  /** Requests of these kinds wait in `held` until the test lets the card answer (a slow card). */
  slow: Set<WorkerOp>;
  held: (() => void)[];
}

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

let pki: TokenPki;
beforeAll(() => {
  pki = createTokenPki();
});

let scene: Scene;
let launched: FakeWorker[];
let service: TokenService | null = null;

function answer(worker: FakeWorker, id: number, result: unknown): void {
  const op = worker.sent.find((sent) => sent.id === id)!.request.op;
  if (scene.slow.has(op)) scene.held.push(() => worker.result(id, result));
  // As over IPC: the answer arrives after the request was sent, never inside send().
  else queueMicrotask(() => worker.result(id, result));
}

function start(options: { pollIntervalMs?: number; timers?: Timers } = {}): TokenService {
  scene = {
    tokens: [],
    missing: new Set(),
    failed: new Set(),
    crashing: new Set(),
    hanging: new Set(),
    certificates: [],
    session: null,
    slow: new Set(),
    held: [],
  };
  const fake = fakeLauncher((envelope, worker) => {
    const { id, request } = envelope;
    switch (request.op) {
      case 'listTokens': {
        if (request.modules.some((path) => scene.crashing.has(path)))
          return queueMicrotask(() => worker.exit());
        if (request.modules.some((path) => scene.hanging.has(path))) return;
        return answer(worker, id, {
          modules: request.modules.map((path) =>
            scene.missing.has(path)
              ? { path, status: 'missing' }
              : scene.failed.has(path)
                ? { path, status: 'failed' }
                : { path, status: 'loaded', description: 'PKCS#11 de prueba', manufacturer: 'Pruebas' },
          ),
          tokens: scene.tokens.filter((one) => request.modules.includes(one.module)),
        });
      }
      case 'listCertificates':
        return answer(worker, id, { certificates: scene.certificates });
      case 'openSession':
        return answer(worker, id, scene.session);
      case 'sign': {
        // The card behind CKM_ECDSA_SHA256: hashes what it gets and returns raw r‖s.
        const signature = sign('sha256', Buffer.from(request.data, 'base64'), {
          key: pki.leafKey,
          dsaEncoding: 'ieee-p1363',
        });
        return answer(worker, id, { signature: base64(signature) });
      }
      case 'closeSession':
      case 'shutdown':
        return answer(worker, id, {});
    }
  });
  launched = fake.launched;
  service = openTokenService({
    launch: fake.launch,
    modules: [opensc, dnie],
    pollIntervalMs: options.pollIntervalMs ?? 20,
    ...(options.timers ? { timers: options.timers } : {}),
  });
  return service;
}

afterEach(async () => {
  await service?.close();
  service = null;
});

const sentOps = (op: string) =>
  launched.flatMap((worker) => worker.sent).filter((sent) => sent.request.op === op);
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for what the poller does; the deadline only turns a lost event into a failure, however slow the machine. */
async function until(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await wait(5);
  }
}

describe('listing tokens', () => {
  it('leaves out slots whose token is not initialized', async () => {
    const tokens = start();
    scene.tokens = [
      token('DNIe'),
      token('', { slotId: '1', flags: CKF_TOKEN.USER_PIN_INITIALIZED }),
      token('vacío', { slotId: '2', flags: 0 }),
    ];
    const list = await tokens.listTokens();
    expect(list.tokens.map((one) => one.label)).toEqual(['DNIe']);
  });

  it.each([
    ['ready', present],
    ['countLow', present | CKF_TOKEN.USER_PIN_COUNT_LOW],
    ['finalTry', present | CKF_TOKEN.USER_PIN_FINAL_TRY | CKF_TOKEN.USER_PIN_COUNT_LOW],
    ['locked', present | CKF_TOKEN.USER_PIN_LOCKED | CKF_TOKEN.USER_PIN_FINAL_TRY],
    ['notInitialized', CKF_TOKEN.TOKEN_INITIALIZED],
  ] as const)('reports the PIN as %s from the token flags', async (pin, flags) => {
    const tokens = start();
    scene.tokens = [token('DNIe', { flags })];
    const [listed] = (await tokens.listTokens()).tokens;
    expect(listed?.pin).toBe(pin);
  });

  it('tells a reader with its own PIN pad', async () => {
    const tokens = start();
    scene.tokens = [
      token('con teclado', { flags: present | CKF_TOKEN.PROTECTED_AUTHENTICATION_PATH }),
      token('sin teclado', { slotId: '1' }),
    ];
    const list = await tokens.listTokens();
    expect(list.tokens.map((one) => [one.label, one.pinPad])).toEqual([
      ['con teclado', true],
      ['sin teclado', false],
    ]);
  });

  it('describes each token as the card reports it', async () => {
    const tokens = start();
    scene.tokens = [token('DNIe', { module: dnie, slotId: '4294967296' })];
    const [listed] = (await tokens.listTokens()).tokens;
    expect(listed).toMatchObject({
      module: dnie,
      slotId: '4294967296',
      slotDescription: 'Lector de tarjetas 0',
      manufacturer: 'FNMT-RCM',
      model: 'CERES',
      serial: 'serie-DNIe',
    });
  });

  it('asks the configured modules unless told others', async () => {
    const tokens = start();
    await tokens.listTokens();
    await tokens.listTokens(['/tmp/otro.so']);
    expect(sentOps('listTokens').map((sent) => sent.request)).toEqual([
      { op: 'listTokens', modules: [opensc, dnie] },
      { op: 'listTokens', modules: ['/tmp/otro.so'] },
    ]);
  });

  it('reports each module with its status', async () => {
    const tokens = start();
    scene.missing.add(dnie);
    const { modules } = await tokens.listTokens();
    expect(modules).toEqual([
      { path: opensc, status: 'loaded', description: 'PKCS#11 de prueba', manufacturer: 'Pruebas' },
      { path: dnie, status: 'missing' },
    ]);
  });
});

describe('listing tokens when a module kills the worker', () => {
  it('asks each module alone and reports the one that crashes again', async () => {
    const tokens = start();
    const modules = [opensc, broken];
    scene.crashing.add(broken);
    scene.tokens = [token('DNIe')];

    const list = await tokens.listTokens(modules);
    expect(list.modules.map(({ path, status }) => [path, status])).toEqual([
      [opensc, 'loaded'],
      [broken, 'crashed'],
    ]);
    expect(list.tokens.map((one) => one.label)).toEqual(['DNIe']);
    expect(sentOps('listTokens').map((sent) => sent.request)).toEqual([
      { op: 'listTokens', modules },
      { op: 'listTokens', modules: [opensc] },
      { op: 'listTokens', modules: [broken] },
    ]);
  });

  it('reports a module that hangs the worker as hung, after its own time limit each time', async () => {
    const clock = manualTimers();
    const tokens = start({ timers: clock.timers });
    scene.hanging.add(broken);
    scene.tokens = [token('DNIe')];

    const listing = tokens.listTokens([broken, opensc]);
    await until(() => sentOps('listTokens').length === 1, 'the listing of both');
    clock.advance(hung.listTokens);
    await until(() => sentOps('listTokens').length === 2, 'the hanging module asked alone');
    clock.advance(hung.listTokens);
    const list = await listing;
    expect(list.modules.map(({ path, status }) => [path, status])).toEqual([
      [broken, 'hung'],
      [opensc, 'loaded'],
    ]);
    expect(list.tokens.map((one) => one.label)).toEqual(['DNIe']);
    expect(sentOps('listTokens').map((sent) => sent.request)).toEqual([
      { op: 'listTokens', modules: [broken, opensc] },
      { op: 'listTokens', modules: [broken] },
      { op: 'listTokens', modules: [opensc] },
    ]);
    expect(launched.map((worker) => worker.kills)).toEqual([1, 1, 0]);
  });

  it('passes the crash on when only one module was asked', async () => {
    const tokens = start();
    scene.crashing.add(broken);
    expect((await tokenErrorOf(tokens.listTokens([broken]))).code).toBe('token_worker_crashed');
  });
});

describe('listing certificates', () => {
  it('asks the worker for the certificates of the given slot', async () => {
    const tokens = start();
    await tokens.listCertificates({ module: dnie, slotId: '3' });
    expect(sentOps('listCertificates').map((sent) => sent.request)).toEqual([
      { op: 'listCertificates', module: dnie, slotId: '3' },
    ]);
  });

  it('gives the holder, the issuer, the validity, the key usage and the key type of each', async () => {
    const tokens = start();
    scene.certificates = [{ id: 'e1', label: 'Firma EC P-256', der: base64(pki.leaf) }];
    const [certificate] = await tokens.listCertificates({ module: opensc, slotId: '0' });

    expect(certificate?.id).toBe('e1');
    expect(certificate?.label).toBe('Firma EC P-256');
    expect(Buffer.from(certificate!.der).equals(Buffer.from(pki.leaf))).toBe(true);
    expect(certificate?.holder).toEqual({
      name: 'LUCIA NAVARRO BOIX',
      nif: '34567890V',
      organization: 'AYUNTAMIENTO DE ELCHE (pruebas)',
      position: 'Técnica de Administración General',
    });
    expect(certificate?.issuer).toBe('AC SECTOR PUBLICO PRUEBAS');
    expect(certificate?.notBefore.getTime()).toBe(pki.notBefore.getTime());
    expect(certificate?.notAfter.getTime()).toBe(pki.notAfter.getTime());
    expect(certificate?.keyUsage).toEqual(['digitalSignature', 'nonRepudiation']);
    expect(certificate?.keyType).toBe('EC P-256');
    expect(certificate?.serialHex).toMatch(/^0?3e8$/i);
  });

  it('gives the RSA key size of an RSA certificate', async () => {
    const tokens = start();
    scene.certificates = [{ id: 'ca', label: 'AC', der: base64(pki.intermediate) }];
    const [certificate] = await tokens.listCertificates({ module: opensc, slotId: '0' });
    expect(certificate?.keyType).toBe('RSA-2048');
    expect(certificate?.keyUsage).toEqual(['keyCertSign', 'cRLSign']);
  });
});

describe('listing certificates the desk cannot sign with', () => {
  it('keeps listing the other certificates when one has a key on a curve the desk does not support', async () => {
    const tokens = start();
    const brainpool = generateKeyPairSync('ec', { namedCurve: 'brainpoolP256r1' });
    scene.certificates = [
      {
        id: 'b0',
        label: 'Autenticación brainpool',
        der: base64(pki.issue(brainpool.publicKey, 'BRAINPOOL')),
      },
      { id: 'e1', label: 'Firma EC P-256', der: base64(pki.leaf) },
    ];
    const certificates = await tokens.listCertificates({ module: opensc, slotId: '0' });
    expect(certificates.map((certificate) => certificate.id)).toContain('e1');
  });

  it('does not call a key that is neither RSA nor EC an RSA key', async () => {
    const tokens = start();
    const ed25519 = generateKeyPairSync('ed25519');
    scene.certificates = [
      { id: 'd0', label: 'Ed25519', der: base64(pki.issue(ed25519.publicKey, 'ED25519')) },
    ];
    const listed = await tokens.listCertificates({ module: opensc, slotId: '0' });
    for (const certificate of listed) expect(certificate.keyType).not.toMatch(/^RSA/);
  });
});

describe('opening a signing session', () => {
  const request = { module: opensc, token: 'DNIe', key: { id: 'e1' }, pin: '1234' };

  function withSession(): void {
    scene.tokens = [token('DNIe', { slotId: '7' })];
    scene.session = {
      sessionId: 'session-1',
      certificate: { id: 'e1', label: 'Firma EC P-256', der: base64(pki.leaf) },
      otherCertificates: [
        { id: 'c0', label: 'Raíz', der: base64(pki.root) },
        { id: 'c1', label: 'Intermedia', der: base64(pki.intermediate) },
      ],
      alwaysAuthenticate: false,
      mechanisms: [CKM.ECDSA_SHA256, CKM.SHA256_RSA_PKCS],
    };
  }

  it('refuses a label that matches no token with token_not_found', async () => {
    const tokens = start();
    scene.tokens = [token('Otra tarjeta')];
    const error = await tokenErrorOf(tokens.openSigningSession(request));
    expect(error.code).toBe('token_not_found');
    expect(error.params).toEqual({ token: 'DNIe' });
    expect(sentOps('openSession')).toHaveLength(0);
  });

  it('refuses a label two tokens carry with token_ambiguous', async () => {
    const tokens = start();
    scene.tokens = [token('DNIe'), token('DNIe', { slotId: '1' })];
    const error = await tokenErrorOf(tokens.openSigningSession(request));
    expect(error.code).toBe('token_ambiguous');
    expect(error.params).toEqual({ token: 'DNIe', count: 2 });
    expect(sentOps('openSession')).toHaveLength(0);
  });

  it('reports a missing module with module_not_found', async () => {
    const tokens = start();
    scene.missing.add(opensc);
    const error = await tokenErrorOf(tokens.openSigningSession(request));
    expect(error.code).toBe('module_not_found');
    expect(error.params).toEqual({ module: opensc });
  });

  it('reports a module that does not load with module_load_failed', async () => {
    const tokens = start();
    scene.failed.add(opensc);
    expect((await tokenErrorOf(tokens.openSigningSession(request))).code).toBe('module_load_failed');
  });

  it('looks the token up in the requested module only', async () => {
    const tokens = start();
    scene.tokens = [token('DNIe', { module: dnie })];
    expect((await tokenErrorOf(tokens.openSigningSession(request))).code).toBe('token_not_found');
    expect(sentOps('listTokens').map((sent) => sent.request)).toEqual([
      { op: 'listTokens', modules: [opensc] },
    ]);
  });

  it('opens the session on the slot of the matching token with the PIN', async () => {
    const tokens = start();
    withSession();
    await tokens.openSigningSession(request);
    expect(sentOps('openSession').map((sent) => sent.request)).toEqual([
      {
        op: 'openSession',
        module: opensc,
        slotId: '7',
        key: { id: 'e1' },
        pin: '1234',
        confirmFinalTry: false,
      },
    ]);
  });

  it('gives the certificate, the issuers on the token and the key algorithm', async () => {
    const tokens = start();
    withSession();
    const session = await tokens.openSigningSession(request);
    expect(Buffer.from(session.certificate).equals(Buffer.from(pki.leaf))).toBe(true);
    expect(session.chain.map((der) => Buffer.from(der).toString('base64'))).toEqual([
      base64(pki.intermediate),
    ]);
    expect(session.keyAlgorithm).toEqual({ type: 'ec', curve: 'P-256' });
  });

  it('signs through the worker and returns a DER ECDSA signature that verifies', async () => {
    const tokens = start();
    withSession();
    const session = await tokens.openSigningSession(request);
    const data = new Uint8Array(Buffer.from('atributos firmados'));

    const signature = await session.sign(data, { hash: 'SHA-256', scheme: 'ecdsa' });
    const [sent] = sentOps('sign');
    expect(sent?.request).toMatchObject({ sessionId: 'session-1', mechanism: { type: CKM.ECDSA_SHA256 } });
    expect(verify('sha256', data, { key: pki.leafPublicKey, dsaEncoding: 'der' }, signature)).toBe(true);
  });

  it('refuses a key that is neither RSA nor EC with mechanism_unsupported', async () => {
    const tokens = start();
    withSession();
    const ed25519 = generateKeyPairSync('ed25519');
    scene.session!.certificate = {
      id: 'd0',
      label: 'Ed25519',
      der: base64(pki.issue(ed25519.publicKey, 'ED25519')),
    };
    expect((await tokenErrorOf(tokens.openSigningSession(request))).code).toBe('mechanism_unsupported');
    // The worker's session is closed again, so the card is not left logged in and busy.
    expect(launched[0]!.sent.at(-1)!.request).toEqual({ op: 'closeSession', sessionId: 'session-1' });
  });

  it('refuses to sign with session_closed once the worker that opened it died', async () => {
    const tokens = start();
    withSession();
    const session = await tokens.openSigningSession(request);
    launched[0]!.exit();

    const data = new Uint8Array([1, 2, 3]);
    expect((await tokenErrorOf(session.sign(data, { hash: 'SHA-256', scheme: 'ecdsa' }))).code).toBe(
      'session_closed',
    );
    // A fresh worker does not bring the old session back.
    await tokens.listTokens();
    expect(launched).toHaveLength(2);
    expect((await tokenErrorOf(session.sign(data, { hash: 'SHA-256', scheme: 'ecdsa' }))).code).toBe(
      'session_closed',
    );
    expect(sentOps('sign')).toHaveLength(0);
  });

  it('closes the session in the worker once, and signs no more after', async () => {
    const tokens = start();
    withSession();
    const session = await tokens.openSigningSession(request);
    await session.close();
    await session.close();
    expect(sentOps('closeSession').map((sent) => sent.request)).toEqual([
      { op: 'closeSession', sessionId: 'session-1' },
    ]);
    expect(
      (await tokenErrorOf(session.sign(new Uint8Array([1]), { hash: 'SHA-256', scheme: 'ecdsa' }))).code,
    ).toBe('session_closed');
  });
});

describe('telling that the card is slow to answer', () => {
  const request = { module: opensc, token: 'DNIe', key: { id: 'e1' }, pin: '1234' };
  const answerHeld = () => scene.held.splice(0).forEach((release) => release());

  function slowCard() {
    const clock = manualTimers();
    const tokens = start({ timers: clock.timers });
    scene.tokens = [token('DNIe', { slotId: '7' })];
    scene.session = {
      sessionId: 'session-1',
      certificate: { id: 'e1', label: 'Firma EC P-256', der: base64(pki.leaf) },
      otherCertificates: [],
      alwaysAuthenticate: false,
      mechanisms: [CKM.ECDSA_SHA256],
    };
    const notices: SlowNotice[] = [];
    const stop = tokens.onSlow((notice) => notices.push(notice));
    return { clock, tokens, notices, stop };
  }

  it('names the module and the card while it logs in and while it signs, and says when it answered', async () => {
    const { clock, tokens, notices } = slowCard();
    scene.slow = new Set(['openSession', 'sign']);
    const opening = tokens.openSigningSession(request);
    await until(() => scene.held.length === 1, 'the login on the card');
    clock.advance(slow.openSession!);
    expect(notices).toEqual([{ state: 'slow', operation: 'openSession', modules: [opensc], token: 'DNIe' }]);
    answerHeld();
    const session = await opening;
    expect(notices.at(-1)).toEqual({
      state: 'done',
      operation: 'openSession',
      modules: [opensc],
      token: 'DNIe',
    });

    const data = new Uint8Array(Buffer.from('atributos firmados'));
    const signing = session.sign(data, { hash: 'SHA-256', scheme: 'ecdsa' });
    await until(() => scene.held.length === 1, 'the signature on the card');
    clock.advance(slow.sign!);
    expect(notices.at(-1)).toEqual({ state: 'slow', operation: 'sign', modules: [opensc], token: 'DNIe' });
    answerHeld();
    expect(verify('sha256', data, { key: pki.leafPublicKey, dsaEncoding: 'der' }, await signing)).toBe(true);
    expect(notices.map(({ state, operation }) => `${operation} ${state}`)).toEqual([
      'openSession slow',
      'openSession done',
      'sign slow',
      'sign done',
    ]);
  });

  it('names the card while it looks for it and while it reads its certificates', async () => {
    const { clock, tokens, notices } = slowCard();
    scene.slow = new Set(['listTokens']);
    const opening = tokens.openSigningSession(request);
    await until(() => scene.held.length === 1, 'the listing');
    clock.advance(slow.listTokens!);
    expect(notices).toEqual([{ state: 'slow', operation: 'listTokens', modules: [opensc], token: 'DNIe' }]);
    scene.slow = new Set();
    answerHeld();
    await (await opening).close();

    scene.slow = new Set(['listCertificates']);
    const reading = tokens.listCertificates({ module: dnie, slotId: '3', label: 'FNMT' });
    await until(() => scene.held.length === 1, 'the certificates');
    clock.advance(slow.listCertificates!);
    expect(notices.at(-1)).toEqual({
      state: 'slow',
      operation: 'listCertificates',
      modules: [dnie],
      token: 'FNMT',
    });
    answerHeld();
    await reading;
  });

  it('says nothing to a listener that stopped listening', async () => {
    const { clock, tokens, notices, stop } = slowCard();
    scene.slow = new Set(['listTokens']);
    stop();
    const listing = tokens.listTokens();
    await until(() => scene.held.length === 1, 'the listing');
    clock.advance(slow.listTokens!);
    answerHeld();
    await listing;
    expect(notices).toEqual([]);
  });
});

// The poller runs on the real clock: these tests wait for its polls, however long a busy machine takes.
describe('watching for cards', { timeout: 120_000 }, () => {
  it('tells the listener when a card is inserted, and not while nothing changes', async () => {
    const tokens = start({ pollIntervalMs: 20 });
    scene.tokens = [token('DNIe')];
    const seen: string[][] = [];
    const stop = tokens.onTokensChanged((list) => seen.push(list.tokens.map((one) => one.label)));

    await until(() => sentOps('listTokens').length >= 3, 'three polls');
    expect(seen).toEqual([]);

    scene.tokens = [token('DNIe'), token('FNMT', { slotId: '1' })];
    await until(() => seen.length > 0, 'the change');
    const polls = sentOps('listTokens').length;
    await until(() => sentOps('listTokens').length >= polls + 3, 'three more polls');
    expect(seen).toEqual([['DNIe', 'FNMT']]);
    stop();
  });

  it('tells the listener when a card is removed', async () => {
    const tokens = start({ pollIntervalMs: 20 });
    scene.tokens = [token('DNIe'), token('FNMT', { slotId: '1' })];
    const seen: string[][] = [];
    const stop = tokens.onTokensChanged((list) => seen.push(list.tokens.map((one) => one.label)));
    await until(() => sentOps('listTokens').length >= 2, 'two polls');

    scene.tokens = [token('FNMT', { slotId: '1' })];
    await until(() => seen.length > 0, 'the change');
    expect(seen[0]).toEqual(['FNMT']);
    stop();
  });

  it('tells the listener when the PIN state of a card changes', async () => {
    const tokens = start({ pollIntervalMs: 20 });
    scene.tokens = [token('DNIe')];
    const seen: string[] = [];
    const stop = tokens.onTokensChanged((list) => seen.push(list.tokens[0]?.pin ?? 'none'));
    await until(() => sentOps('listTokens').length >= 2, 'two polls');

    scene.tokens = [token('DNIe', { flags: present | CKF_TOKEN.USER_PIN_COUNT_LOW })];
    await until(() => seen.length > 0, 'the change');
    expect(seen[0]).toBe('countLow');
    stop();
  });

  it('stops polling once the last listener unsubscribes', async () => {
    const tokens = start({ pollIntervalMs: 20 });
    const stop = tokens.onTokensChanged(() => undefined);
    await until(() => sentOps('listTokens').length >= 2, 'two polls');
    stop();
    // A poll already on its way may still be answered; none is sent after.
    await wait(10);
    const polls = sentOps('listTokens').length;
    await wait(120);
    expect(sentOps('listTokens').length).toBe(polls);
  });

  it('keeps polling while another listener remains', async () => {
    const tokens = start({ pollIntervalMs: 20 });
    const stopFirst = tokens.onTokensChanged(() => undefined);
    const stopSecond = tokens.onTokensChanged(() => undefined);
    stopFirst();
    const polls = sentOps('listTokens').length;
    await until(() => sentOps('listTokens').length >= polls + 2, 'two more polls');
    stopSecond();
  });
});
