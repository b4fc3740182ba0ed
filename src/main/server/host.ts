import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream/promises';
import { WebSocketServer, type WebSocket } from 'ws';
import { loopback } from '../../shared/api/bridge';
import type { ActorResolver } from '../../shared/api/access';
import { dispatch, type Handlers } from '../../shared/api/dispatch';
import type { EventBus } from '../events';
import { bearerToken, isOwnOrigin, newLaunchToken, tokenMatches, websocketToken } from './access';
import { deskEvents } from './desk-events';
import { DeskSessions } from './desks';
import { httpStatusFor } from './http-status';
import { securityHeaders } from './security-headers';
import { openStaticFile, resolveStaticFile } from './static-files';

export interface LoopbackHostOptions {
  handlers: Handlers;
  /** Who a desk's signed-in user is: for each call's access rule and each event's audience. */
  actors: ActorResolver;
  events: EventBus;
  /** The built renderer (out/renderer); null serves the API only. */
  rendererDir: string | null;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed only by tests; otherwise a new random token per launch. */
  token?: string;
  /** Receives call names and error codes of unexpected failures, never inputs. */
  log?: (line: string) => void;
}

export interface LoopbackHost {
  readonly port: number;
  readonly token: string;
  /** The address to open: the token travels in the fragment, which browsers never send to servers. */
  readonly url: string;
  close(): Promise<void>;
}

const maxBodyBytes = 1024 * 1024;
const callPrefix = '/api/call/';

class BodyTooLarge extends Error {}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBodyBytes) throw new BodyTooLarge();
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text.trim() === '' ? {} : (JSON.parse(text) as unknown);
}

/** The contract and the renderer on 127.0.0.1 only, behind a per-launch token. */
export async function startLoopbackHost(options: LoopbackHostOptions): Promise<LoopbackHost> {
  const token = options.token ?? newLaunchToken();
  const log = options.log ?? (() => undefined);
  const desks = new DeskSessions();
  let port = 0;
  const headers = () => securityHeaders({ connectSrc: [`ws://127.0.0.1:${port}`, `ws://localhost:${port}`] });

  const send = (response: ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { ...headers(), 'content-type': 'application/json; charset=utf-8' });
    response.end(JSON.stringify(body));
  };

  const handleCall = async (request: IncomingMessage, response: ServerResponse, name: string) => {
    if (!tokenMatches(token, bearerToken(request.headers))) {
      send(response, 401, { ok: false, error: { code: 'forbidden' } });
      return;
    }
    const deskId = request.headers[loopback.deskHeader];
    if (!DeskSessions.isValidId(deskId)) {
      send(response, 400, {
        ok: false,
        error: { code: 'invalid_input', params: { field: loopback.deskHeader } },
      });
      return;
    }
    let input: unknown;
    try {
      input = await readJson(request);
    } catch (error) {
      const status = error instanceof BodyTooLarge ? 413 : 400;
      send(response, status, { ok: false, error: { code: 'invalid_input', params: { field: 'body' } } });
      return;
    }
    const result = await dispatch(
      { handlers: options.handlers, actors: options.actors },
      name,
      input,
      { connectionId: deskId, session: desks.slot(deskId) },
      {
        onInternalError: (call, error) =>
          log(`${call} failed: ${error instanceof Error ? error.name : 'error'}`),
      },
    );
    send(response, result.ok ? 200 : httpStatusFor(result.error.code), result);
  };

  const handleStatic = async (request: IncomingMessage, response: ServerResponse, path: string) => {
    const file = options.rendererDir ? await resolveStaticFile(options.rendererDir, path) : null;
    if (!file) {
      response.writeHead(404, { ...headers(), 'content-type': 'text/plain; charset=utf-8' });
      response.end('Not found');
      return;
    }
    response.writeHead(200, { ...headers(), 'content-type': file.contentType, 'content-length': file.size });
    if (request.method === 'HEAD') response.end();
    else await pipeline(openStaticFile(file), response);
  };

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (!isOwnOrigin(request.headers, port)) {
      send(response, 403, { ok: false, error: { code: 'forbidden' } });
      return;
    }
    const work =
      path.startsWith(callPrefix) && request.method === 'POST'
        ? handleCall(request, response, path.slice(callPrefix.length))
        : request.method === 'GET' || request.method === 'HEAD'
          ? handleStatic(request, response, path)
          : Promise.resolve(send(response, 405, { ok: false, error: { code: 'unknown_call' } }));
    work.catch((error: unknown) => {
      log(`request failed: ${error instanceof Error ? error.name : 'error'}`);
      if (!response.headersSent) send(response, 500, { ok: false, error: { code: 'internal' } });
      else response.destroy();
    });
  });

  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: 4096,
    handleProtocols: (protocols) => (protocols.has(loopback.wsProtocol) ? loopback.wsProtocol : false),
  });
  server.on('upgrade', (request, socket, head) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (
      path !== loopback.eventsPath ||
      !isOwnOrigin(request.headers, port) ||
      !tokenMatches(token, websocketToken(request.headers))
    ) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (client: WebSocket) => {
      events.attach(client, request.headers);
      sockets.emit('connection', client);
    });
  });
  const events = deskEvents({
    events: options.events,
    desks,
    actors: options.actors,
    clients: () => sockets.clients,
    onError: (error) => log(`event delivery failed: ${error instanceof Error ? error.name : 'error'}`),
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/#${loopback.tokenFragment}=${token}`,
    close: async () => {
      events.unsubscribe();
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
