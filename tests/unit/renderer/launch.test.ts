import { describe, expect, it } from 'vitest';
import { readLaunchCredentials, type LaunchEnvironment } from '../../../src/renderer/api/launch';

function browserTab(hash: string, stored: Record<string, string> = {}) {
  const storage = new Map(Object.entries(stored));
  const replaced: string[] = [];
  let ids = 0;
  const env: LaunchEnvironment = {
    location: { hash, pathname: '/', search: '' },
    history: { replaceState: (_data, _unused, url) => replaced.push(String(url)) },
    storage: { getItem: (key) => storage.get(key) ?? null, setItem: (key, value) => storage.set(key, value) },
    randomId: () => `desk-${++ids}`,
  };
  return { env, storage, replaced };
}

describe('launch credentials', () => {
  it('takes the token from the fragment, keeps it for the tab and clears the address bar', () => {
    const tab = browserTab('#token=abc123');
    expect(readLaunchCredentials(tab.env)).toEqual({ token: 'abc123', deskId: 'desk-1' });
    expect(tab.replaced).toEqual(['/']);
    expect(tab.storage.get('despacho.token')).toBe('abc123');
  });

  it('after a reload finds the token and the same desk id in session storage, touching no URL', () => {
    const tab = browserTab('#/queues/mine', { 'despacho.token': 'abc123', 'despacho.desk': 'desk-7' });
    expect(readLaunchCredentials(tab.env)).toEqual({ token: 'abc123', deskId: 'desk-7' });
    expect(tab.replaced).toEqual([]);
  });

  it('reports no token when the page was opened without one', () => {
    expect(readLaunchCredentials(browserTab('').env).token).toBeNull();
  });
});
