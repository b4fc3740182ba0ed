import { loopback } from '../../shared/api/bridge';

const tokenKey = 'despacho.token';
const deskKey = 'despacho.desk';

export interface LaunchEnvironment {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState'>;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  randomId: () => string;
  /** Trades a one-time launch code for the token; null when the host refuses it. */
  redeemCode: (code: string) => Promise<string | null>;
}

export interface LaunchCredentials {
  token: string | null;
  deskId: string;
}

/**
 * The loopback host hands the per-launch token in the URL fragment: the token itself (`#token=`,
 * from a file only its user reads) or a one-time code (`#launch=`, from a browser's command line,
 * which others can read) to trade for it. Either leaves the address bar at once, so it is not
 * bookmarked, shared or left in the history; the token is kept for this tab only (sessionStorage
 * survives reloads, not other tabs).
 */
export async function readLaunchCredentials(env: LaunchEnvironment): Promise<LaunchCredentials> {
  const fragment = new URLSearchParams(env.location.hash.replace(/^#/, ''));
  const token = fragment.get(loopback.tokenFragment);
  const code = fragment.get(loopback.launchFragment);
  if (token || code) env.history.replaceState(null, '', `${env.location.pathname}${env.location.search}`);
  const handed = token || (code ? await env.redeemCode(code) : null);
  if (handed) env.storage.setItem(tokenKey, handed);
  let deskId = env.storage.getItem(deskKey);
  if (!deskId) {
    deskId = env.randomId();
    env.storage.setItem(deskKey, deskId);
  }
  return { token: handed || env.storage.getItem(tokenKey), deskId };
}

/** Asks the host at `origin` for the token behind a launch code; a refusal or no answer is null. */
export async function redeemLaunchCode(
  fetch: typeof globalThis.fetch,
  origin: string,
  code: string,
): Promise<string | null> {
  try {
    const response = await fetch(`${origin}${loopback.launchPath}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    const body = (await response.json()) as { ok?: unknown; value?: { token?: unknown } } | null;
    return body?.ok === true && typeof body.value?.token === 'string' ? body.value.token : null;
  } catch {
    return null;
  }
}
