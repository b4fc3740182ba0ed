import { describe, expect, it } from 'vitest';
import {
  readLaunchCredentials,
  redeemLaunchCode,
  type LaunchEnvironment,
} from '../../../src/renderer/api/launch';

function browserTab(hash: string, stored: Record<string, string> = {}, codes: Record<string, string> = {}) {
  const storage = new Map(Object.entries(stored));
  const replaced: string[] = [];
  const redeemed: string[] = [];
  let ids = 0;
  const env: LaunchEnvironment = {
    location: { hash, pathname: '/', search: '' },
    history: { replaceState: (_data, _unused, url) => replaced.push(String(url)) },
    storage: { getItem: (key) => storage.get(key) ?? null, setItem: (key, value) => storage.set(key, value) },
    randomId: () => `desk-${++ids}`,
    redeemCode: async (code) => {
      redeemed.push(code);
      return codes[code] ?? null;
    },
  };
  return { env, storage, replaced, redeemed };
}

describe('launch credentials', () => {
  it('takes the token from the fragment, keeps it for the tab and clears the address bar', async () => {
    const tab = browserTab('#token=abc123');
    expect(await readLaunchCredentials(tab.env)).toEqual({ token: 'abc123', deskId: 'desk-1' });
    expect(tab.replaced).toEqual(['/']);
    expect(tab.storage.get('despacho.token')).toBe('abc123');
    expect(tab.redeemed).toEqual([]);
  });

  it('trades a one-time launch code for the token, clearing the address bar first', async () => {
    const tab = browserTab('#launch=code-1', {}, { 'code-1': 'abc123' });
    expect(await readLaunchCredentials(tab.env)).toEqual({ token: 'abc123', deskId: 'desk-1' });
    expect(tab.redeemed).toEqual(['code-1']);
    expect(tab.replaced).toEqual(['/']);
    expect(tab.storage.get('despacho.token')).toBe('abc123');
  });

  it('reports no token when the host refuses the code (used or expired) and none was kept', async () => {
    const tab = browserTab('#launch=used');
    expect((await readLaunchCredentials(tab.env)).token).toBeNull();
    expect(tab.replaced).toEqual(['/']);
    expect(tab.storage.has('despacho.token')).toBe(false);
  });

  it('after a reload finds the token and the same desk id in session storage, touching no URL', async () => {
    const tab = browserTab('#/queues/mine', { 'despacho.token': 'abc123', 'despacho.desk': 'desk-7' });
    expect(await readLaunchCredentials(tab.env)).toEqual({ token: 'abc123', deskId: 'desk-7' });
    expect(tab.replaced).toEqual([]);
    expect(tab.redeemed).toEqual([]);
  });

  it('reports no token when the page was opened without one', async () => {
    expect((await readLaunchCredentials(browserTab('').env)).token).toBeNull();
  });
});

describe('launch code redemption', () => {
  const answering =
    (status: number, body: unknown, seen: Array<{ url: string; init?: RequestInit }> = []) =>
    async (input: string | URL | Request, init?: RequestInit) => {
      seen.push({ url: String(input), init });
      return new Response(JSON.stringify(body), { status });
    };

  it('posts the code to the host and reads the token from its answer', async () => {
    const seen: Array<{ url: string; init?: RequestInit }> = [];
    const fetch = answering(200, { ok: true, value: { token: 'abc123' } }, seen);
    expect(await redeemLaunchCode(fetch, 'http://127.0.0.1:4000', 'code-1')).toBe('abc123');
    expect(seen).toHaveLength(1);
    expect(seen[0]!.url).toBe('http://127.0.0.1:4000/api/launch');
    expect(seen[0]!.init?.method).toBe('POST');
    expect(JSON.parse(String(seen[0]!.init?.body))).toEqual({ code: 'code-1' });
  });

  it('is null when the host refuses, answers something else, or cannot be reached', async () => {
    const origin = 'http://127.0.0.1:4000';
    expect(
      await redeemLaunchCode(answering(401, { ok: false, error: { code: 'forbidden' } }), origin, 'x'),
    ).toBeNull();
    expect(await redeemLaunchCode(answering(200, { ok: true, value: {} }), origin, 'x')).toBeNull();
    const unreachable = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await redeemLaunchCode(unreachable, origin, 'x')).toBeNull();
  });
});
