import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { loopback } from '../../shared/api/bridge';

export const newLaunchToken = (): string => randomBytes(32).toString('base64url');

/** Compares in constant time so the token cannot be guessed byte by byte from response times. */
export function tokenMatches(expected: string, offered: string | undefined): boolean {
  if (offered === undefined) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(offered);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function bearerToken(headers: IncomingHttpHeaders): string | undefined {
  const value = headers[loopback.authHeader];
  const match = typeof value === 'string' ? /^Bearer (\S+)$/.exec(value) : null;
  return match?.[1];
}

export function websocketToken(headers: IncomingHttpHeaders): string | undefined {
  const offered = String(headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((protocol) => protocol.trim());
  if (!offered.includes(loopback.wsProtocol)) return undefined;
  return offered
    .find((protocol) => protocol.startsWith(loopback.wsTokenPrefix))
    ?.slice(loopback.wsTokenPrefix.length);
}

/**
 * A page on another site can make the browser send requests to 127.0.0.1 (DNS rebinding, CSRF):
 * the Host must be our loopback name and port, and an Origin, when sent, must be ours.
 */
export function isOwnOrigin(headers: IncomingHttpHeaders, port: number): boolean {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!allowedHosts.includes(String(headers.host ?? ''))) return false;
  const origin = headers.origin;
  return origin === undefined || allowedHosts.some((host) => origin === `http://${host}`);
}
