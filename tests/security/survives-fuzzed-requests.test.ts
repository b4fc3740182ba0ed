import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventBus } from '../../src/main/events';
import type { LoopbackHost } from '../../src/main/server/host';
import {
  call,
  firstAnswer,
  missingSecurityHeaders,
  nextMessage,
  openEvents,
  rawExchange,
  startFakeDeskHost,
} from './support/loopback';

/**
 * Acceptance of issue 7: malformed request-targets, methods, headers, bodies and WebSocket frames,
 * sent raw to 127.0.0.1 from a fixed seed, leave the host up and answering. Every case must be
 * closed by the host (the client half-closes after writing) and every HTTP answer must carry the
 * security headers; a listener throwing would end this test process.
 */
const seed = 0x7d35_0c01;
const caseCount = 1200;
const concurrency = 8;
const token = 'fuzz-token-0123456789-abcdefghijklmnopqrstuvw';

let host: LoopbackHost;
let events: EventBus;
let logged: string[];
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'despacho-fuzz-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Despacho</title>');
  ({ host, events, logged } = await startFakeDeskHost({ token, rendererDir: dir }));
});

afterAll(async () => {
  await host?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function generator(start: number) {
  let state = start >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (below: number) => Math.floor(next() * below);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const chance = (p: number) => next() < p;
  const bytes = (length: number) => Buffer.from(Array.from({ length }, () => int(256)));
  const printable = (length: number) =>
    Array.from({ length }, () => String.fromCharCode(0x21 + int(0x5e))).join('');
  return { int, pick, chance, bytes, printable };
}

type Random = ReturnType<typeof generator>;

/** Most cases are nearly right, so that they reach the checks and handlers behind the parser. */
const mostly = (r: Random, valid: () => string, broken: () => string) => (r.chance(0.9) ? valid() : broken());

/** A target the host knows (a call, the launch, a page) or one it must refuse. */
function requestTarget(r: Random, port: number, forCall: boolean): string {
  return mostly(
    r,
    () =>
      forCall
        ? r.pick([
            ...[
              'session.current',
              'session.signIn',
              'session.signOut',
              'cases.list',
              'cases.claim',
              'nope',
              '',
            ].map((name) => `/api/call/${name}`),
            '/api/launch',
          ])
        : r.pick(['/', '/index.html', '/queues/mine', '/missing.js', '/api/events']),
    () =>
      r.pick([
        () => '/api/call/../../etc/passwd',
        () =>
          r.pick([
            '//999.1.1.1/',
            '//',
            '/\\evil.example',
            '*',
            `http://127.0.0.1:${port}/`,
            'http://[::1/',
            '?a',
            '',
          ]),
        () => r.pick(['/%', '/%00', '/%zz', '/%2e%2e/%2e%2e/', '/a?b#c', '/..%2f..%2f', '/ÿ']),
        () => `/${r.printable(r.int(200))}`,
        () => `/${'a/'.repeat(r.int(5000))}`,
        () => r.bytes(1 + r.int(40)).toString('latin1'),
      ])(),
  );
}

function method(r: Random, forCall: boolean): string {
  return mostly(
    r,
    () => (forCall ? 'POST' : r.pick(['GET', 'HEAD'])),
    () =>
      r.pick([
        () => r.pick(['PUT', 'DELETE', 'OPTIONS', 'PATCH', 'TRACE', 'CONNECT', 'PRI']),
        () => r.pick(['get', 'POST POST', 'G\u0000T', '', 'M-SEARCH', 'X'.repeat(300)]),
        () => r.printable(1 + r.int(12)),
      ])(),
  );
}

function body(r: Random): string {
  return r.pick([
    () => '',
    () => '{}',
    () => r.pick(['{"userId":"u-1"}', '{"queue":"mine"}', '{"code":"nope"}', '{"caseId":"c-1"}']),
    () => '['.repeat(r.int(20_000)),
    () => `{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}`,
    () => `{"userId":"${'\\u0000'.repeat(r.int(50))}"}`,
    () => r.bytes(r.int(3000)).toString('latin1'),
    () => '1e999999',
    () => JSON.stringify({ text: 'a'.repeat(r.int(70_000)) }),
  ])();
}

function headers(r: Random, port: number, payload: string): string[] {
  const lines: string[] = [];
  const length = Buffer.byteLength(payload, 'latin1');
  const optional = (p: number, line: () => string) => {
    if (r.chance(p)) lines.push(line());
  };
  optional(0.95, () =>
    mostly(
      r,
      () => `Host: 127.0.0.1:${port}`,
      () => `Host: ${r.pick([`localhost:${port}`, 'evil.example', '127.0.0.1', ''])}`,
    ),
  );
  optional(0.03, () => `Host: 127.0.0.1:${port}`);
  optional(0.15, () => `Origin: ${r.pick([`http://127.0.0.1:${port}`, 'http://evil.example', 'null'])}`);
  optional(0.85, () =>
    mostly(
      r,
      () => `Authorization: Bearer ${token}`,
      () => `Authorization: ${r.pick(['Bearer x', 'Bearer', `Basic ${'A'.repeat(r.int(9000))}`])}`,
    ),
  );
  optional(0.85, () =>
    mostly(
      r,
      () => `X-Despacho-Desk: ${r.pick(['desk-fuzz-0001', 'desk-fuzz-0002'])}`,
      () => `X-Despacho-Desk: ${r.pick(['x', 'd'.repeat(100), ''])}`,
    ),
  );
  if (r.chance(0.8)) lines.push(`Content-Length: ${length}`);
  else
    r.pick([
      () => lines.push(`Content-Length: ${length + 1 + r.int(100)}`),
      () => lines.push(`Content-Length: ${r.pick(['-1', 'abc', '99999999999999999999', '0x10', ''])}`),
      () => lines.push(`Content-Length: ${length}`, `Content-Length: ${length + 1}`),
      () =>
        lines.push(`Transfer-Encoding: ${r.pick(['chunked', 'chunked', 'chunked, identity', 'gzip', 'x'])}`),
      () => undefined,
    ])();
  optional(0.05, () => `Expect: ${r.pick(['100-continue', '100-Continue', 'telepathy'])}`);
  optional(0.1, () => `Connection: ${r.pick(['close', 'keep-alive', 'Upgrade', 'x'])}`);
  optional(0.1, () => `Content-Type: ${r.pick(['application/json', 'text/plain', r.printable(40)])}`);
  optional(0.05, () =>
    r.pick([
      () => `${r.printable(1 + r.int(30))}: ${r.printable(r.int(200))}`,
      () => 'NoColonHere',
      () => 'X-Folded: a\r\n folded',
      () => 'X-Nul: a\u0000b',
      () => `X-Bytes: ${r.bytes(r.int(60)).toString('latin1')}`,
      () => `X-Huge: ${'h'.repeat(r.int(40_000))}`,
      () => ': no-name',
    ])(),
  );
  return lines;
}

function httpCase(r: Random, port: number): Buffer {
  const payload = body(r);
  const version = mostly(
    r,
    () => 'HTTP/1.1',
    () => r.pick(['HTTP/1.0', 'HTTP/2.0', 'HTTP/1.1x', '']),
  );
  const lines = headers(r, port, payload);
  const chunked = lines.includes('Transfer-Encoding: chunked');
  const size = payload.length.toString(16);
  const sent = chunked
    ? mostly(
        r,
        () => `${size}\r\n${payload}\r\n0\r\n\r\n`,
        () => r.pick([`zz\r\n${payload}`, `${size}\r\n${payload}`]),
      )
    : payload;
  const forCall = r.chance(0.7);
  const requestLine = `${method(r, forCall)} ${requestTarget(r, port, forCall)} ${version}`;
  const request = `${[requestLine, ...lines].join('\r\n')}\r\n\r\n${sent}`;
  // Some clients pipeline: a second request right behind the first.
  const second = r.chance(0.1) ? `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n` : '';
  return Buffer.from(request + second, 'latin1');
}

/** One client frame; `masked` false breaks RFC 6455, the other knobs break it in other ways. */
function frame(r: Random): Buffer {
  const opcode = r.pick([0x1, 0x1, 0x2, 0x0, 0x8, 0x9, 0xa, 0x3, 0x7, 0xb, 0xf]);
  const fin = r.chance(0.85) ? 0x80 : 0;
  const rsv = r.chance(0.1) ? r.pick([0x40, 0x20, 0x10]) : 0;
  const size = r.pick([0, 2, 125, 126, 200, 4095, 4096, 4097, 70_000, r.int(300)]);
  const payload =
    opcode === 0x8 && r.chance(0.5)
      ? Buffer.from([r.int(256), r.int(256), ...r.bytes(r.int(10))])
      : r.chance(0.5)
        ? r.bytes(size)
        : Buffer.from(
            'é'.repeat(size >> 1) + (r.chance(0.3) ? '\u00ff' : ''),
            r.pick(['utf8', 'latin1'] as const),
          );
  const masked = r.chance(0.85);
  const lengthBytes = r.chance(0.05)
    ? [127, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]
    : payload.length < 126
      ? [payload.length]
      : payload.length < 65_536
        ? [126, payload.length >> 8, payload.length & 0xff]
        : [
            127,
            0,
            0,
            0,
            0,
            (payload.length >>> 24) & 0xff,
            (payload.length >> 16) & 0xff,
            (payload.length >> 8) & 0xff,
            payload.length & 0xff,
          ];
  const mask = r.bytes(4);
  const body = masked ? Buffer.from(payload.map((byte, index) => byte ^ mask[index % 4]!)) : payload;
  const header = Buffer.from([
    fin | rsv | opcode,
    (masked ? 0x80 : 0) | lengthBytes[0]!,
    ...lengthBytes.slice(1),
  ]);
  const whole = Buffer.concat([header, masked ? mask : Buffer.alloc(0), body]);
  return r.chance(0.05) ? whole.subarray(0, r.int(whole.length)) : whole;
}

function websocketCase(r: Random, port: number): Buffer {
  const protocols = r.pick([
    `despacho.v1, token.${token}, desk.desk-fuzz-0001`,
    `despacho.v1, token.${token}`,
    'despacho.v1, token.wrong',
    `token.${token}`,
    r.printable(r.int(100)),
  ]);
  const handshake = [
    `GET ${r.chance(0.85) ? '/api/events' : requestTarget(r, port, false)} HTTP/1.1`,
    `Host: ${r.chance(0.95) ? `127.0.0.1:${port}` : 'evil.example'}`,
    `Upgrade: ${r.chance(0.95) ? 'websocket' : 'h2c'}`,
    'Connection: Upgrade',
    `Sec-WebSocket-Version: ${r.chance(0.95) ? '13' : r.pick(['8', '99', 'x'])}`,
    `Sec-WebSocket-Key: ${r.chance(0.95) ? 'dGhlIHNhbXBsZSBub25jZQ==' : r.printable(r.int(40))}`,
    `Sec-WebSocket-Protocol: ${protocols}`,
    ...(r.chance(0.2) ? [`Origin: ${r.pick([`http://127.0.0.1:${port}`, 'http://evil.example'])}`] : []),
    '',
    '',
  ].join('\r\n');
  const frames = Array.from({ length: r.int(6) }, () => frame(r));
  return Buffer.concat([Buffer.from(handshake, 'latin1'), ...frames]);
}

function fuzzCase(r: Random, port: number): Buffer {
  const kind = r.int(10);
  if (kind < 7) return httpCase(r, port);
  if (kind < 9) return websocketCase(r, port);
  return r.bytes(r.int(2000));
}

describe('the loopback host under fuzzed input', () => {
  it(`stays up through ${caseCount} hostile cases and answers a valid call after them`, async () => {
    const r = generator(seed);
    const cases = Array.from({ length: caseCount }, () => fuzzCase(r, host.port));
    const faults: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < cases.length) {
        const index = next++;
        const outcome = await rawExchange(host.port, cases[index]!, { end: true });
        if (!outcome.closedByHost) faults.push(`case ${index}: the host kept the connection open`);
        const answer = firstAnswer(outcome.received);
        if (answer && answer.status !== 100 && answer.status !== 101) {
          const missing = missingSecurityHeaders(answer.headers);
          if (missing.length > 0)
            faults.push(`case ${index}: ${answer.status} without ${missing.join(', ')}`);
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    expect(faults).toEqual([]);
    expect(logged.filter((line) => /^(request|upgrade) failed/.test(line))).toEqual([]);

    await call(host, 'session.signIn', { userId: 'u-after-fuzz' }, 'desk-after-fuzz');
    const current = await call(host, 'session.current', {}, 'desk-after-fuzz');
    expect(current.body.value).toMatchObject({ user: { id: 'u-after-fuzz' } });
    const socket = await openEvents(host, 'desk-after-fuzz');
    const delivered = nextMessage(socket);
    events.emit(
      'cases.changed',
      { caseIds: ['c-9'], departmentId: 'd-urb', kind: 'claimed' },
      { kind: 'everyoneSignedIn' },
    );
    expect(await delivered).toMatchObject({ event: 'cases.changed' });
    socket.close();
  }, 300_000);
});
