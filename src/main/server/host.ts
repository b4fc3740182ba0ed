import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { WebSocketServer, type WebSocket } from 'ws';
import { loopback } from '../../shared/api/bridge';
import type { ActorResolver } from '../../shared/api/access';
import { dispatch, type Handlers } from '../../shared/api/dispatch';
import type { EventBus } from '../events';
import { bearerToken, isOwnOrigin, newLaunchToken, tokenMatches, websocketToken } from './access';
import { deskEvents } from './desk-events';
import { DeskSessions } from './desks';
import { guarded } from './guarded';
import { httpStatusFor } from './http-status';
import { BodyTooLarge, readJson } from './json-body';
import { LaunchCodes } from './launch-codes';
import { defaultHostLimits, type HostLimits } from './limits';
import { clientErrorStatus, rawResponse } from './raw-response';
import { requestPath } from './request-target';
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
  /** Tests shrink these; the defaults suit one person's desk. */
  limits?: Partial<HostLimits>;
  /** Tests move it forward to expire launch codes. */
  clock?: () => number;
  /**
   * A signed-in user closed their last page (its events socket closed): a training desk stops the
   * clock of their exercise until they are back.
   */
  onUserLeft?: (userId: string) => Promise<void>;
}

export interface LoopbackHost {
  readonly port: number;
  readonly token: string;
  /**
   * The address with the token itself in the fragment (which browsers never send to servers), for
   * places only the user can read: a 0600 file.
   */
  readonly url: string;
  /**
   * A new address carrying a one-time launch code instead of the token, for places others may read:
   * the command line of a browser.
   */
  launchUrl(): string;
  close(): Promise<void>;
}

const callPrefix = '/api/call/';
const launchBodyBytes = 1024;
const jsonType = 'application/json; charset=utf-8';

/** A body still on its way: announced by the headers, not yet all received. */
const bodyPending = (request: IncomingMessage) =>
  !request.complete &&
  (request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0);

/** A client that goes away in the middle of an answer is no failure of the host. */
const unlessClientLeft = (error: NodeJS.ErrnoException) => {
  if (error.code !== 'ERR_STREAM_PREMATURE_CLOSE') throw error;
};

const expectsContinue = (request: IncomingMessage) =>
  request.headers.expect?.toLowerCase() === '100-continue';

/** The contract and the renderer on 127.0.0.1 only, behind a per-launch token. */
export async function startLoopbackHost(options: LoopbackHostOptions): Promise<LoopbackHost> {
  const token = options.token ?? newLaunchToken();
  const log = options.log ?? (() => undefined);
  const limits = { ...defaultHostLimits, ...options.limits };
  const desks = new DeskSessions(limits.deskCapacity);
  const launchCodes = new LaunchCodes(limits.launchCodeLifetimeMs, options.clock ?? Date.now);
  let port = 0;
  const headers = () => securityHeaders({ connectSrc: [`ws://127.0.0.1:${port}`, `ws://localhost:${port}`] });

  /**
   * Starts every answer. A request whose body is still arriving is not read any further: its
   * connection closes once the answer is out, so no client holds it by trickling a body.
   */
  const answer = (
    request: IncomingMessage,
    response: ServerResponse,
    status: number,
    contentType: string,
    extra: OutgoingHttpHeaders = {},
  ) => {
    const unread = bodyPending(request);
    if (unread) response.once('finish', () => request.socket.destroy());
    return response.writeHead(status, {
      ...headers(),
      'content-type': contentType,
      ...extra,
      ...(unread ? { connection: 'close' } : {}),
    });
  };
  const send = (request: IncomingMessage, response: ServerResponse, status: number, body: unknown) =>
    answer(request, response, status, jsonType).end(JSON.stringify(body));

  const handleCall = async (request: IncomingMessage, response: ServerResponse, name: string) => {
    if (!tokenMatches(token, bearerToken(request.headers))) {
      send(request, response, 401, { ok: false, error: { code: 'forbidden' } });
      return;
    }
    const deskId = request.headers[loopback.deskHeader];
    if (!DeskSessions.isValidId(deskId)) {
      send(request, response, 400, {
        ok: false,
        error: { code: 'invalid_input', params: { field: loopback.deskHeader } },
      });
      return;
    }
    desks.touch(deskId);
    if (expectsContinue(request)) response.writeContinue();
    let input: unknown;
    try {
      input = await readJson(request, limits.maxBodyBytes);
    } catch (error) {
      const status = error instanceof BodyTooLarge ? 413 : 400;
      send(request, response, status, {
        ok: false,
        error: { code: 'invalid_input', params: { field: 'body' } },
      });
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
    const reply = desks.explain(deskId, result);
    send(request, response, reply.ok ? 200 : httpStatusFor(reply.error.code), reply);
  };

  /** The page trades a launch code, once, for the token. */
  const handleLaunch = async (request: IncomingMessage, response: ServerResponse) => {
    if (expectsContinue(request)) response.writeContinue();
    const input = await readJson(request, launchBodyBytes).catch(() => null);
    const code = (input as { code?: unknown } | null)?.code;
    if (typeof code !== 'string' || !launchCodes.redeem(code)) {
      send(request, response, 401, { ok: false, error: { code: 'forbidden' } });
      return;
    }
    send(request, response, 200, { ok: true, value: { token } });
  };

  const handleStatic = async (request: IncomingMessage, response: ServerResponse, path: string) => {
    const file = options.rendererDir ? await resolveStaticFile(options.rendererDir, path) : null;
    if (!file) {
      answer(request, response, 404, 'text/plain; charset=utf-8').end('Not found');
      return;
    }
    answer(request, response, 200, file.contentType, { 'content-length': file.size });
    if (request.method === 'HEAD') response.end();
    else await pipeline(openStaticFile(file), response).catch(unlessClientLeft);
  };

  const handleRequest = async (request: IncomingMessage, response: ServerResponse) => {
    if (!isOwnOrigin(request.headers, port)) {
      send(request, response, 403, { ok: false, error: { code: 'forbidden' } });
      return;
    }
    const path = requestPath(request.url);
    if (path === null) {
      send(request, response, 400, { ok: false, error: { code: 'invalid_input', params: { field: 'url' } } });
      return;
    }
    if (request.method === 'POST' && path.startsWith(callPrefix))
      await handleCall(request, response, path.slice(callPrefix.length));
    else if (request.method === 'POST' && path === loopback.launchPath) await handleLaunch(request, response);
    else if (request.method === 'GET' || request.method === 'HEAD')
      await handleStatic(request, response, path);
    else send(request, response, 405, { ok: false, error: { code: 'unknown_call' } });
  };

  /** Answers on a socket no ServerResponse owns, then closes it. */
  const refuseSocket = (socket: Duplex, status: number) =>
    socket.end(rawResponse(status, headers()), () => socket.destroy());

  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: 4096,
    handleProtocols: (protocols) => (protocols.has(loopback.wsProtocol) ? loopback.wsProtocol : false),
  });
  const handleUpgrade = async (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node gives up the socket on upgrade, error listener included: a reset must not go unheard.
    socket.on('error', () => socket.destroy());
    const path = requestPath(request.url);
    if (path === null) {
      refuseSocket(socket, 400);
      return;
    }
    if (
      path !== loopback.eventsPath ||
      !isOwnOrigin(request.headers, port) ||
      !tokenMatches(token, websocketToken(request.headers))
    ) {
      refuseSocket(socket, 403);
      return;
    }
    sockets.handleUpgrade(request, socket, head, (client: WebSocket) => {
      events.attach(client, request.headers);
      sockets.emit('connection', client);
    });
  };
  // ws has already begun closing a socket that errs, with the code saying why (1009 message too
  // big, 1002 protocol error); the fault is that client's, and the other sockets go on.
  sockets.on('connection', (client: WebSocket) => client.on('error', () => undefined));
  const events = deskEvents({
    events: options.events,
    desks,
    actors: options.actors,
    clients: () => sockets.clients,
    onError: (error) => log(`event delivery failed: ${error instanceof Error ? error.name : 'error'}`),
    ...(options.onUserLeft ? { onUserLeft: options.onUserLeft } : {}),
  });

  const server = createServer({ requireHostHeader: false, connectionsCheckingInterval: 1_000 });
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.maxConnections = limits.maxConnections;

  // One guarded entry per listener: whatever a client sends, no listener throws past itself.
  const onRequest = guarded(handleRequest, (error, request, response) => {
    log(`request failed: ${error instanceof Error ? error.name : 'error'}`);
    if (!response.headersSent) send(request, response, 500, { ok: false, error: { code: 'internal' } });
    else response.destroy();
  });
  server.on('request', onRequest);
  server.on('checkContinue', onRequest);
  server.on(
    'checkExpectation',
    guarded(
      async (request: IncomingMessage, response: ServerResponse) =>
        void send(request, response, 417, {
          ok: false,
          error: { code: 'invalid_input', params: { field: 'expect' } },
        }),
      (_error, _request, response) => response.destroy(),
    ),
  );
  server.on(
    'upgrade',
    guarded(handleUpgrade, (error, _request, socket) => {
      log(`upgrade failed: ${error instanceof Error ? error.name : 'error'}`);
      socket.destroy();
    }),
  );
  sockets.on(
    'wsClientError',
    guarded(
      async (_error: Error, socket: Duplex) => void refuseSocket(socket, 400),
      (_error, _wsError, socket) => socket.destroy(),
    ),
  );
  server.on(
    'clientError',
    guarded(
      async (error: NodeJS.ErrnoException, socket: Duplex) => {
        if (error.code === 'ECONNRESET' || !socket.writable) socket.destroy();
        else refuseSocket(socket, clientErrorStatus(error));
      },
      (_error, _clientError, socket) => socket.destroy(),
    ),
  );

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  server.on('error', (error) => log(`server error: ${error.name}`));
  port = (server.address() as AddressInfo).port;

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/#${loopback.tokenFragment}=${token}`,
    launchUrl: () => `http://127.0.0.1:${port}/#${loopback.launchFragment}=${launchCodes.issue()}`,
    close: async () => {
      events.unsubscribe();
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
