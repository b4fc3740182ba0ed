import { STATUS_CODES } from 'node:http';

/**
 * A complete HTTP/1.1 answer with no body, for sockets that no ServerResponse owns: a refused
 * WebSocket upgrade, a request the HTTP parser could not read.
 */
export function rawResponse(status: number, headers: Record<string, string>): string {
  const lines = Object.entries({ ...headers, connection: 'close', 'content-length': '0' }).map(
    ([name, value]) => `${name}: ${value}\r\n`,
  );
  return `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n${lines.join('')}\r\n`;
}

/** What Node's default answer would be for a request its parser refused. */
export function clientErrorStatus(error: NodeJS.ErrnoException): number {
  if (error.code === 'HPE_HEADER_OVERFLOW') return 431;
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return 408;
  return 400;
}
