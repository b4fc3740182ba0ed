import { loopback } from '../../shared/api/bridge';

const tokenKey = 'despacho.token';
const deskKey = 'despacho.desk';

export interface LaunchEnvironment {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState'>;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  randomId: () => string;
}

export interface LaunchCredentials {
  token: string | null;
  deskId: string;
}

/**
 * The loopback host hands the per-launch token in the URL fragment. Keep it for this tab only
 * (sessionStorage survives reloads, not other tabs) and take it out of the address bar at once so
 * it is not bookmarked, shared or left in the history.
 */
export function readLaunchCredentials(env: LaunchEnvironment): LaunchCredentials {
  const fragment = new URLSearchParams(env.location.hash.replace(/^#/, ''));
  const fromUrl = fragment.get(loopback.tokenFragment);
  if (fromUrl) {
    env.storage.setItem(tokenKey, fromUrl);
    env.history.replaceState(null, '', `${env.location.pathname}${env.location.search}`);
  }
  let deskId = env.storage.getItem(deskKey);
  if (!deskId) {
    deskId = env.randomId();
    env.storage.setItem(deskKey, deskId);
  }
  return { token: fromUrl ?? env.storage.getItem(tokenKey), deskId };
}
