import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { LoopbackHost } from '../../src/main/server/host';
import type { HostLimits } from '../../src/main/server/limits';
import {
  call,
  firstAnswer,
  hangLimitMs,
  rawExchange,
  requestHead,
  startFakeDeskHost,
} from './support/loopback';

/**
 * Without the token the host still read a 100 MB body to its end; a body trickled after a 401
 * held its connection past 150 s; nothing capped the connections. The host now refuses before
 * reading, closes a connection whose body it will not read, times out slow headers, slow bodies
 * and idle connections, and accepts a few dozen connections at most. No test here measures time:
 * each waits for the host to close the connection, and only a host that never does fails it.
 */
const hosts: LoopbackHost[] = [];

async function hostWith(limits: Partial<HostLimits> = {}): Promise<LoopbackHost> {
  const { host } = await startFakeDeskHost({ limits });
  hosts.push(host);
  return host;
}

afterEach(async () => {
  await Promise.all(hosts.splice(0).map((host) => host.close()));
});

const hundredMegabytes = 100 * 1024 * 1024;

/** Sends `head`, then as much of a `total`-byte body as the host will take, as fast as it takes it. */
function pushBody(
  port: number,
  head: string,
  total: number,
): Promise<{ written: number; closedByHost: boolean }> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    let written = 0;
    let open = true;
    let closedByHost = true;
    const limit = setTimeout(() => {
      closedByHost = false;
      socket.destroy();
    }, hangLimitMs);
    const pump = () => {
      while (open && written < total) {
        written += chunk.length;
        if (!socket.write(chunk)) return;
      }
    };
    socket.on('drain', pump);
    socket.on('error', () => undefined);
    socket.on('close', () => {
      open = false;
      clearTimeout(limit);
      resolve({ written, closedByHost });
    });
    socket.write(head);
    pump();
  });
}

const withToken = (host: LoopbackHost) => [
  `Authorization: Bearer ${host.token}`,
  'X-Despacho-Desk: desk-aaaaaaaa',
];

describe('a body the host will not read', () => {
  it('of 100 MB without the token is refused before it is read', async () => {
    const host = await hostWith();
    const head = requestHead('POST', '/api/call/session.current', host.port, [
      `Content-Length: ${hundredMegabytes}`,
    ]);
    const outcome = await pushBody(host.port, head, hundredMegabytes);
    expect(outcome.closedByHost).toBe(true);
    expect(outcome.written).toBeLessThan(hundredMegabytes);
  });

  it('trickled after a 401 does not hold the connection', async () => {
    const host = await hostWith();
    const head = requestHead('POST', '/api/call/session.current', host.port, ['Content-Length: 1000']);
    const outcome = await rawExchange(host.port, `${head}{"a`);
    expect(outcome.closedByHost).toBe(true);
    const answer = firstAnswer(outcome.received);
    expect(answer?.status).toBe(401);
    expect(answer?.headers.get('connection')).toBe('close');
  });

  it('announced with Expect: 100-continue is refused without asking for it', async () => {
    const host = await hostWith();
    const head = requestHead('POST', '/api/call/session.current', host.port, [
      `Content-Length: ${hundredMegabytes}`,
      'Expect: 100-continue',
    ]);
    const outcome = await rawExchange(host.port, head);
    expect(outcome.closedByHost).toBe(true);
    expect(outcome.received.toString('latin1')).not.toContain('100 Continue');
    expect(firstAnswer(outcome.received)?.status).toBe(401);
  });

  it('announced over 1 MiB by a token holder gets a 413 before it is sent', async () => {
    const host = await hostWith();
    const head = requestHead('POST', '/api/call/session.current', host.port, [
      ...withToken(host),
      `Content-Length: ${hundredMegabytes}`,
    ]);
    const outcome = await rawExchange(host.port, head);
    expect(outcome.closedByHost).toBe(true);
    expect(firstAnswer(outcome.received)?.status).toBe(413);
  });

  it('sent in chunks past 1 MiB by a token holder is read no further', async () => {
    const host = await hostWith();
    const head = requestHead('POST', '/api/call/session.current', host.port, [
      ...withToken(host),
      'Transfer-Encoding: chunked',
    ]);
    const chunked = (size: number) => `${size.toString(16)}\r\n${'a'.repeat(size)}\r\n`;
    const body = Array.from({ length: 24 }, () => chunked(64 * 1024)).join('');
    const outcome = await pushBody(host.port, head + body, hundredMegabytes);
    expect(outcome.closedByHost).toBe(true);
    expect(outcome.written).toBeLessThan(hundredMegabytes);
  });
});

describe('a slow client', () => {
  const quick = { headersTimeoutMs: 300, requestTimeoutMs: 600, keepAliveTimeoutMs: 300 };

  it('that never ends its headers is timed out with a 408', async () => {
    const host = await hostWith(quick);
    const outcome = await rawExchange(host.port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n`);
    expect(outcome.closedByHost).toBe(true);
    expect(firstAnswer(outcome.received)?.status).toBe(408);
  });

  it('that never ends the body of a call is timed out', async () => {
    const host = await hostWith(quick);
    const head = requestHead('POST', '/api/call/session.current', host.port, [
      ...withToken(host),
      'Content-Length: 100',
    ]);
    const outcome = await rawExchange(host.port, `${head}{"a`);
    expect(outcome.closedByHost).toBe(true);
  });

  it('that keeps an idle connection is let go', async () => {
    const host = await hostWith({ keepAliveTimeoutMs: quick.keepAliveTimeoutMs });
    const outcome = await rawExchange(host.port, requestHead('GET', '/missing', host.port));
    expect(outcome.closedByHost).toBe(true);
    expect(firstAnswer(outcome.received)?.status).toBe(404);
  });
});

describe('the connection cap', () => {
  /** A connection the host has accepted and answered once, left open. */
  function heldConnection(port: number): Promise<Socket> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port });
      socket.once('data', () => resolve(socket));
      socket.once('error', reject);
      socket.write(requestHead('GET', '/missing', port));
    });
  }

  it('turns away connections past it, and the host answers again once they go', async () => {
    const host = await hostWith({ maxConnections: 3 });
    const held = await Promise.all([1, 2, 3].map(() => heldConnection(host.port)));
    const turnedAway = await rawExchange(host.port, requestHead('GET', '/', host.port));
    expect(turnedAway.closedByHost).toBe(true);
    expect(turnedAway.received.length).toBe(0);

    for (const socket of held) socket.destroy();
    // The host counts a connection gone when its side has closed too; a call made before that is
    // turned away like the one above, so it is tried again a bounded number of times.
    let answered = null;
    for (let attempt = 0; attempt < 100 && answered === null; attempt += 1) {
      answered = await call(host, 'session.current', {}).catch(async () => {
        await new Promise((resolve) => setTimeout(resolve, 100));
        return null;
      });
    }
    expect(answered?.status).toBe(200);
  });
});
