import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoopbackHost } from '../../src/main/server/host';
import { send, startFakeDeskHost } from './support/loopback';

/**
 * `serve --open` put the URL with the launch token on xdg-open's command line, which every local
 * user reads in /proc. What a browser is handed now is a one-time code: worthless once the page
 * has traded it for the token, or once it expires unused.
 */
let host: LoopbackHost;
let now = 1_000_000;
const lifetimeMs = 60_000;

beforeAll(async () => {
  ({ host } = await startFakeDeskHost({ limits: { launchCodeLifetimeMs: lifetimeMs }, clock: () => now }));
});

afterAll(async () => {
  await host?.close();
});

const codeOf = (url: string) => new URLSearchParams(new URL(url).hash.slice(1)).get('launch') ?? '';
const redeem = (code: unknown, headers: Record<string, string> = {}) =>
  send(
    host,
    'POST',
    '/api/launch',
    { 'content-type': 'application/json', ...headers },
    JSON.stringify({ code }),
  );

describe('a launch URL', () => {
  it('carries a code, not the token', () => {
    const url = host.launchUrl();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#launch=[\w-]{40,}$/);
    expect(url).not.toContain(host.token);
    expect(codeOf(url)).not.toBe(codeOf(host.launchUrl()));
  });

  it('trades its code for the token once, and never again', async () => {
    const code = codeOf(host.launchUrl());
    const first = await redeem(code);
    expect(first.status).toBe(200);
    expect(JSON.parse(first.body)).toEqual({ ok: true, value: { token: host.token } });
    const second = await redeem(code);
    expect(second.status).toBe(401);
    expect(second.body).not.toContain(host.token);
  });

  it('is worthless once its lifetime is over', async () => {
    const code = codeOf(host.launchUrl());
    now += lifetimeMs;
    const late = await redeem(code);
    expect(late.status).toBe(401);
    expect(late.body).not.toContain(host.token);
  });

  it('is refused for a made-up code, a missing one, and from another origin', async () => {
    expect((await redeem('x'.repeat(43))).status).toBe(401);
    expect((await redeem(undefined)).status).toBe(401);
    expect((await send(host, 'POST', '/api/launch', {}, 'not json')).status).toBe(401);
    const code = codeOf(host.launchUrl());
    expect((await redeem(code, { origin: 'http://evil.example' })).status).toBe(403);
    // The code refused from elsewhere is still good for our own page.
    expect((await redeem(code)).status).toBe(200);
  });
});
