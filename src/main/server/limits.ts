/** How much of the host one client may hold. */
export interface HostLimits {
  /** The largest call input. */
  maxBodyBytes: number;
  /** Open connections, WebSockets included. */
  maxConnections: number;
  /** From connecting to the end of the request headers. */
  headersTimeoutMs: number;
  /** From connecting to the end of the request body. */
  requestTimeoutMs: number;
  /** An idle kept-alive connection between two requests. */
  keepAliveTimeoutMs: number;
  /** Signed-in desks (tabs) kept; past it the one used least recently is signed out. */
  deskCapacity: number;
  /** How long a launch code waits for its page. */
  launchCodeLifetimeMs: number;
}

/**
 * Suited to one person's desk on loopback: a few tabs, each holding a WebSocket and at most six
 * HTTP connections (a browser's limit per host); call inputs are a few kilobytes; nothing on
 * loopback needs seconds to send its headers.
 */
export const defaultHostLimits: HostLimits = {
  maxBodyBytes: 1024 * 1024,
  maxConnections: 48,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  deskCapacity: 200,
  launchCodeLifetimeMs: 5 * 60_000,
};
