import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import WebSocket from 'ws';
import { EventBus } from '../../../src/main/events';
import {
  startLoopbackHost,
  type LoopbackHost,
  type LoopbackHostOptions,
} from '../../../src/main/server/host';
import { securityHeaders } from '../../../src/main/server/security-headers';
import { fakeActors, recordingHandlers } from '../../unit/host/fakes';

/**
 * The real loopback host, in this process, over the fake session handlers of the Electron tests:
 * what these tests try is the transport, not the office behind it.
 */
export async function startFakeDeskHost(
  options: Partial<LoopbackHostOptions> = {},
): Promise<{ host: LoopbackHost; events: EventBus; logged: string[] }> {
  const { handlers } = recordingHandlers();
  const events = new EventBus();
  const logged: string[] = [];
  const host = await startLoopbackHost({
    handlers,
    actors: fakeActors,
    events,
    rendererDir: null,
    log: (line) => logged.push(line),
    ...options,
  });
  return { host, events, logged };
}

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTP request on a connection of its own. */
export function send(
  host: LoopbackHost,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        method,
        path,
        agent: false,
        headers: { host: `127.0.0.1:${host.port}`, ...headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A contract call from a desk holding the token. */
export async function call<Value = unknown>(
  host: LoopbackHost,
  name: string,
  input: unknown,
  deskId = 'desk-aaaaaaaa',
) {
  const reply = await send(
    host,
    'POST',
    `/api/call/${name}`,
    { authorization: `Bearer ${host.token}`, 'x-despacho-desk': deskId, 'content-type': 'application/json' },
    JSON.stringify(input),
  );
  return { status: reply.status, headers: reply.headers, body: JSON.parse(reply.body) as CallReply<Value> };
}

export interface CallReply<Value = unknown> {
  ok: boolean;
  value?: Value;
  error?: { code: string; params?: Record<string, unknown> };
}

/** Far longer than anything here takes on a busy machine: only a hung connection reaches it. */
export const hangLimitMs = 20_000;

export interface RawOutcome {
  /** Every byte the host sent before the connection closed. */
  received: Buffer;
  /** The host closed the connection (or reset it) before `hangLimitMs`. */
  closedByHost: boolean;
}

/**
 * Writes raw bytes to the host from 127.0.0.1 and collects what comes back until the connection
 * closes. With `end`, the client half-closes after writing, as a client with nothing more to say.
 */
export function rawExchange(
  port: number,
  bytes: Buffer | string,
  options: { end?: boolean } = {},
): Promise<RawOutcome> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    let closedByHost = true;
    const limit = setTimeout(() => {
      closedByHost = false;
      socket.destroy();
    }, hangLimitMs);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(limit);
      resolve({ received: Buffer.concat(chunks), closedByHost });
    });
    socket.write(bytes);
    if (options.end) socket.end();
  });
}

/** The status and headers of the first HTTP answer in raw bytes (lower-case names). */
export function firstAnswer(raw: Buffer): { status: number; headers: Map<string, string> } | null {
  const text = raw.toString('latin1');
  const head = text.split('\r\n\r\n', 1)[0] ?? '';
  const [statusLine = '', ...lines] = head.split('\r\n');
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine);
  if (!status) return null;
  const headers = new Map<string, string>();
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { status: Number(status[1]), headers };
}

/** The start of a request from a page on our origin, ready for its own headers and body. */
export const requestHead = (method: string, target: string, port: number, headers: string[] = []) =>
  [`${method} ${target} HTTP/1.1`, `Host: 127.0.0.1:${port}`, ...headers, '', ''].join('\r\n');

/** A WebSocket on the events path, holding the token, for `deskId`. */
export function openEvents(host: LoopbackHost, deskId: string): Promise<WebSocket> {
  const socket = new WebSocket(`ws://127.0.0.1:${host.port}/api/events`, [
    'despacho.v1',
    `token.${host.token}`,
    `desk.${deskId}`,
  ]);
  return new Promise((resolve, reject) => socket.once('open', () => resolve(socket)).once('error', reject));
}

/** The next event message a socket receives. */
export const nextMessage = (socket: WebSocket) =>
  new Promise<unknown>((resolve) => socket.once('message', (data) => resolve(JSON.parse(String(data)))));

/** The names of the desk's security headers that an answer lacks or carries with another value. */
export function missingSecurityHeaders(headers: Map<string, string> | Reply['headers']): string[] {
  const get = (name: string) => (headers instanceof Map ? headers.get(name) : headers[name]);
  const expected = securityHeaders();
  return Object.keys(expected).filter((name) =>
    name === 'content-security-policy'
      ? !String(get(name) ?? '').startsWith(expected[name]!.split('; connect-src')[0]!)
      : get(name) !== expected[name],
  );
}

/** A tiny built renderer in `dir` (an index page and one script), for a host to serve. */
export function writeTinyRenderer(dir: string): string {
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Despacho</title>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
  return dir;
}
