import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoopbackHost } from '../../src/main/server/host';
import {
  call,
  firstAnswer,
  missingSecurityHeaders,
  rawExchange,
  requestHead,
  startFakeDeskHost,
  writeTinyRenderer,
} from './support/loopback';

/**
 * The loopback host's CSP, nosniff, frame and referrer headers were checked on the index page
 * only. Every kind of answer carries them: a page that reaches loopback may render any of them.
 */
let host: LoopbackHost;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'despacho-headers-'));
  ({ host } = await startFakeDeskHost({ rendererDir: writeTinyRenderer(dir) }));
  await call(host, 'session.signIn', { userId: 'u-headers' }, 'desk-signed-in');
});

afterAll(async () => {
  await host?.close();
  rmSync(dir, { recursive: true, force: true });
});

type Case = [kind: string, status: number, request: () => string];

const withToken = (deskId = 'desk-aaaaaaaa') => [
  `Authorization: Bearer ${host.token}`,
  `X-Despacho-Desk: ${deskId}`,
  'Connection: close',
];
const post = (target: string, headers: string[], body: string) =>
  requestHead('POST', target, host.port, [...headers, `Content-Length: ${Buffer.byteLength(body)}`]) + body;
const get = (target: string, headers: string[] = []) =>
  requestHead('GET', target, host.port, ['Connection: close', ...headers]);
const upgrade = (target: string, token: string) =>
  requestHead('GET', target, host.port, [
    'Upgrade: websocket',
    'Connection: Upgrade',
    'Sec-WebSocket-Version: 13',
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
    `Sec-WebSocket-Protocol: despacho.v1, token.${token}`,
  ]);

const cases: Case[] = [
  ['API success', 200, () => post('/api/call/session.current', withToken(), '{}')],
  ['API invalid input', 400, () => post('/api/call/session.signIn', withToken(), '{"userId":""}')],
  ['API broken JSON', 400, () => post('/api/call/session.current', withToken(), '{not json')],
  ['API without a desk id', 400, () => post('/api/call/session.current', withToken('x'), '{}')],
  ['API without the token', 401, () => post('/api/call/session.current', ['Connection: close'], '{}')],
  ['API needing a sign-in', 401, () => post('/api/call/session.signOut', withToken(), '{}')],
  [
    'API from another origin',
    403,
    () => post('/api/call/session.current', [...withToken(), 'Origin: http://evil.example'], '{}'),
  ],
  ['API unknown call', 404, () => post('/api/call/cases.dropAll', withToken(), '{}')],
  ['API failing inside', 500, () => post('/api/call/cases.queueCounts', withToken('desk-signed-in'), '{}')],
  [
    'API body too large',
    413,
    () =>
      requestHead('POST', '/api/call/session.current', host.port, [
        ...withToken(),
        'Content-Length: 2000000',
      ]),
  ],
  ['launch code refused', 401, () => post('/api/launch', ['Connection: close'], '{"code":"nope"}')],
  ['method not allowed', 405, () => requestHead('PUT', '/', host.port, ['Connection: close'])],
  [
    'expectation refused',
    417,
    () =>
      requestHead('POST', '/api/call/session.current', host.port, ['Expect: telepathy', 'Connection: close']),
  ],
  ['static page', 200, () => get('/')],
  ['static asset', 200, () => get('/assets/app.js')],
  ['static HEAD', 200, () => requestHead('HEAD', '/', host.port, ['Connection: close'])],
  ['static not found', 404, () => get('/missing.js')],
  ['foreign Host', 403, () => 'GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n'],
  ['malformed request-target', 400, () => get('//999.1.1.1/')],
  ['unreadable request', 400, () => 'GET / HTTP/1.1\r\nHost 127.0.0.1\r\n\r\n'],
  ['upgrade refused', 403, () => upgrade('/api/events', 'wrong')],
  ['upgrade to a malformed target', 400, () => upgrade('//999.1.1.1/', host.token)],
  [
    'upgrade ws cannot read',
    400,
    () =>
      upgrade('/api/events', host.token).replace('Sec-WebSocket-Version: 13', 'Sec-WebSocket-Version: 99'),
  ],
];

describe('every answer of the loopback host', () => {
  it.each(cases)('%s (%i) carries the security headers', async (_kind, status, request) => {
    const answer = firstAnswer((await rawExchange(host.port, request())).received);
    expect(answer?.status).toBe(status);
    expect(missingSecurityHeaders(answer!.headers)).toEqual([]);
  });
});
