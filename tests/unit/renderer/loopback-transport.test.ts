import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import {
  loopbackTransport,
  maxReconnectAttempts,
  type SocketHandlers,
} from '../../../src/renderer/api/loopback-transport';
import type { ConnectionStatus } from '../../../src/renderer/api/transport';

/** A real HTTP + WebSocket server on 127.0.0.1 speaking the loopback protocol, recording what it got. */
interface Host {
  baseUrl: string;
  requests: { url: string; headers: IncomingMessage['headers']; body: string }[];
  protocols: string[][];
  sockets: Set<WebSocket>;
  reply: { status: number; body: string };
  server: Server;
  wss: WebSocketServer;
}

async function startHost(port = 0): Promise<Host> {
  const host = {
    requests: [],
    protocols: [],
    sockets: new Set(),
    reply: { status: 200, body: '' },
  } as unknown as Host;
  host.server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      host.requests.push({ url: request.url ?? '', headers: request.headers, body });
      response.writeHead(host.reply.status, { 'content-type': 'application/json' });
      response.end(host.reply.body);
    });
  });
  host.wss = new WebSocketServer({
    server: host.server,
    path: '/api/events',
    handleProtocols: (protocols) => protocols.values().next().value ?? false,
  });
  host.wss.on('connection', (socket, request) => {
    host.protocols.push(String(request.headers['sec-websocket-protocol']).split(/,\s*/));
    host.sockets.add(socket);
    socket.on('close', () => host.sockets.delete(socket));
  });
  await new Promise<void>((resolve) => host.server.listen(port, '127.0.0.1', resolve));
  host.baseUrl = `http://127.0.0.1:${(host.server.address() as AddressInfo).port}`;
  return host;
}

const openWs = (url: string, protocols: string[], handlers: SocketHandlers) => {
  const socket = new WebSocket(url, protocols);
  socket.on('open', handlers.onOpen);
  socket.on('message', (data) => handlers.onMessage(data.toString()));
  socket.on('error', () => socket.close());
  socket.on('close', handlers.onClose);
  return socket;
};

/** Resolves when `predicate` holds, checking after each event-loop turn (no fixed sleeps). */
async function until(predicate: () => boolean): Promise<void> {
  while (!predicate()) await new Promise((resolve) => setImmediate(resolve));
}

describe('loopback transport against a real host', () => {
  let host: Host;
  const pendingRetries: (() => void)[] = [];
  const transportFor = () =>
    loopbackTransport({
      baseUrl: host.baseUrl,
      token: 'tok123',
      deskId: 'desk-a',
      fetch: globalThis.fetch,
      openSocket: openWs,
      // Reconnection is driven by the test, one retry at a time.
      setTimeout: (callback) => pendingRetries.push(callback),
      clearTimeout: () => undefined,
    });

  beforeEach(async () => {
    host = await startHost();
    pendingRetries.length = 0;
  });
  afterEach(async () => {
    for (const socket of host.sockets) socket.terminate();
    await new Promise((resolve) => host.wss.close(resolve));
    await new Promise((resolve) => host.server.close(resolve));
  });

  it('POSTs the input to /api/call/<name> with the bearer token and the desk header', async () => {
    host.reply = { status: 200, body: JSON.stringify({ ok: true, value: null }) };
    const result = await transportFor().call('session.current', { a: 1 });
    expect(result).toEqual({ ok: true, value: null });
    const [request] = host.requests;
    expect(request?.url).toBe('/api/call/session.current');
    expect(request?.headers.authorization).toBe('Bearer tok123');
    expect(request?.headers['x-despacho-desk']).toBe('desk-a');
    expect(JSON.parse(request?.body ?? '')).toEqual({ a: 1 });
  });

  it('passes typed errors through and maps a refused token to forbidden because the host restarted', async () => {
    host.reply = { status: 409, body: JSON.stringify({ ok: false, error: { code: 'already_claimed' } }) };
    expect(await transportFor().call('cases.claim', { caseId: 'x' })).toEqual({
      ok: false,
      error: { code: 'already_claimed' },
    });
    host.reply = { status: 401, body: 'no' };
    const transport = transportFor();
    const states: ConnectionStatus[] = [];
    transport.onConnectionChange((status) => states.push(status));
    expect(await transport.call('cases.claim', { caseId: 'x' })).toEqual({
      ok: false,
      error: { code: 'forbidden', params: { reason: 'host_restarted' } },
    });
    expect(states).toEqual(['refused']);
  });

  it('a signed-out desk (401 not_signed_in, e.g. signed out by the desk cap) is told so, and the tab is not refused', async () => {
    const signedOut = { ok: false, error: { code: 'not_signed_in', params: { reason: 'evicted' } } };
    host.reply = { status: 401, body: JSON.stringify(signedOut) };
    const transport = transportFor();
    const states: ConnectionStatus[] = [];
    transport.onConnectionChange((status) => states.push(status));
    expect(await transport.call('cases.list', { queue: 'unassigned' })).toEqual(signedOut);
    expect(states).toEqual([]);
  });

  it('receives events over the WebSocket and reconnects after the host drops it', async () => {
    const transport = transportFor();
    const states: ConnectionStatus[] = [];
    transport.onConnectionChange((status) => states.push(status));
    const received: unknown[] = [];
    const stop = transport.subscribe('cases.changed', (payload) => received.push(payload));
    await until(() => host.sockets.size === 1 && states.length === 1);
    // The socket names its desk, so the host sends it only what that desk's signed-in user may see.
    expect(host.protocols[0]).toEqual(['despacho.v1', 'token.tok123', 'desk.desk-a']);

    const send = (payload: unknown) => {
      for (const socket of host.sockets) socket.send(JSON.stringify({ event: 'cases.changed', payload }));
    };
    send({ n: 1 });
    await until(() => received.length === 1);

    for (const socket of host.sockets) socket.close();
    await until(() => pendingRetries.length === 1);
    expect(states).toEqual(['connected', 'reconnecting']);
    pendingRetries.shift()?.();
    await until(() => host.sockets.size === 1 && states.length === 3);
    expect(states).toEqual(['connected', 'reconnecting', 'connected']);
    send({ n: 2 });
    await until(() => received.length === 2);
    expect(received).toEqual([{ n: 1 }, { n: 2 }]);

    stop();
    await until(() => host.sockets.size === 0);
    expect(pendingRetries).toHaveLength(0);
  });

  it('stops retrying once a stopped host missed every attempt, and tries again when asked', async () => {
    const transport = transportFor();
    const states: ConnectionStatus[] = [];
    transport.onConnectionChange((status) => states.push(status));
    const stop = transport.subscribe('cases.changed', () => undefined);
    await until(() => host.sockets.size === 1 && states.length === 1);
    const port = new URL(host.baseUrl).port;
    for (const socket of host.sockets) socket.terminate();
    await new Promise((resolve) => host.wss.close(resolve));
    await new Promise((resolve) => host.server.close(resolve));
    for (let attempt = 0; attempt < maxReconnectAttempts; attempt++) {
      await until(() => pendingRetries.length === 1);
      pendingRetries.shift()?.();
    }
    await until(() => states.length === 3);
    expect(states).toEqual(['connected', 'reconnecting', 'unreachable']);
    expect(pendingRetries).toHaveLength(0);

    host = await startHost(Number(port));
    transport.reconnect();
    await until(() => host.sockets.size === 1 && states.length === 5);
    expect(states).toEqual(['connected', 'reconnecting', 'unreachable', 'reconnecting', 'connected']);
    stop();
  });

  it('stops at once, refused, when the restarted host no longer knows the token', async () => {
    const transport = transportFor();
    const states: ConnectionStatus[] = [];
    transport.onConnectionChange((status) => states.push(status));
    const stop = transport.subscribe('cases.changed', () => undefined);
    await until(() => host.sockets.size === 1 && states.length === 1);
    host.reply = { status: 401, body: JSON.stringify({ ok: false, error: { code: 'forbidden' } }) };
    for (const socket of host.sockets) socket.close();
    await until(() => states.length === 3);
    expect(states).toEqual(['connected', 'reconnecting', 'refused']);
    expect(pendingRetries).toHaveLength(0);
    expect(host.requests.at(-1)?.url).toBe('/api/call/session.current');
    transport.reconnect();
    expect(states).toEqual(['connected', 'reconnecting', 'refused']);
    stop();
  });
});
