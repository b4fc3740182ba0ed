import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoopbackHost } from '../../src/main/server/host';
import { guarded } from '../../src/main/server/guarded';
import {
  call,
  firstAnswer,
  missingSecurityHeaders,
  rawExchange,
  requestHead,
  startFakeDeskHost,
} from './support/loopback';

/**
 * `new URL(request.url, base)` threw on `//999.1.1.1/` inside the request listener and ended the
 * `serve` process before any check: an <img> on any page that reaches loopback could stop the
 * desk. Malformed requests get a 400; nothing a client sends ends the process.
 */
let host: LoopbackHost;

beforeAll(async () => {
  ({ host } = await startFakeDeskHost());
});

afterAll(async () => {
  await host?.close();
});

const upgradeHeaders = (token: string) => [
  'Upgrade: websocket',
  'Connection: Upgrade',
  'Sec-WebSocket-Version: 13',
  'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
  `Sec-WebSocket-Protocol: despacho.v1, token.${token}`,
];

describe('a malformed request', () => {
  const targets = ['//999.1.1.1/', '//', '/\\evil.example/', '*', `http://127.0.0.1/`, 'index.html'];

  it.each(targets)('%s gets a 400 with the security headers, and the host answers on', async (target) => {
    const outcome = await rawExchange(host.port, requestHead('GET', target, host.port), { end: true });
    const answer = firstAnswer(outcome.received);
    expect(answer?.status).toBe(400);
    expect(missingSecurityHeaders(answer!.headers)).toEqual([]);
    expect((await call(host, 'session.current', {})).status).toBe(200);
  });

  it.each(targets)('%s on the WebSocket upgrade path gets a 400, and the host answers on', async (target) => {
    const head = requestHead('GET', target, host.port, upgradeHeaders(host.token));
    const outcome = await rawExchange(host.port, head);
    expect(outcome.closedByHost).toBe(true);
    expect(firstAnswer(outcome.received)?.status).toBe(400);
    expect((await call(host, 'session.current', {})).status).toBe(200);
  });

  it('that the HTTP parser cannot read gets a 400 (431 for oversized headers) with the security headers', async () => {
    const unreadable: Array<[string, number]> = [
      ['\u0000\u0001\u0002\r\n\r\n', 400],
      ['GET / HTTP/1.1\r\nHost 127.0.0.1\r\n\r\n', 400],
      [requestHead('POST', '/', host.port, ['Content-Length: 1', 'Content-Length: 2']), 400],
      [requestHead('GET', '/', host.port, [`X-Filler: ${'a'.repeat(20_000)}`]), 431],
    ];
    for (const [bytes, status] of unreadable) {
      const answer = firstAnswer((await rawExchange(host.port, bytes, { end: true })).received);
      expect(answer?.status).toBe(status);
      expect(missingSecurityHeaders(answer!.headers)).toEqual([]);
    }
    expect((await call(host, 'session.current', {})).status).toBe(200);
  });
});

describe('a listener guarded against its own failures', () => {
  it('hands a synchronous throw and a rejection to its recovery, never to the process', async () => {
    const recovered: unknown[] = [];
    const throwing = guarded(
      (() => {
        throw new Error('sync');
      }) as unknown as (value: string) => Promise<void>,
      (error, value) => recovered.push([(error as Error).message, value]),
    );
    const rejecting = guarded(
      async (value: string) => {
        throw new Error(`async ${value}`);
      },
      (error, value) => recovered.push([(error as Error).message, value]),
    );
    const failingRecovery = guarded(
      async () => {
        throw new Error('first');
      },
      () => {
        throw new Error('second');
      },
    );
    expect(() => throwing('a')).not.toThrow();
    rejecting('b');
    failingRecovery();
    await new Promise((resolve) => setImmediate(resolve));
    expect(recovered).toEqual([
      ['sync', 'a'],
      ['async b', 'b'],
    ]);
  });
});
