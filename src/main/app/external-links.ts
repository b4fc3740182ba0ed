/** Where the desk may send the user outside itself: the city hall's own sites, over HTTPS. */
export const externalHostAllowlist: readonly string[] = ['elche.es', 'www.elche.es', 'sede.elche.es'];

export type ExternalOpener = (url: string) => boolean;

/**
 * The one way out of the desk to the system browser. Only https URLs whose host is exactly on the
 * allowlist (no credentials, no other port) are handed to `openExternal`; the rest are refused, so
 * a compromised page cannot launch other protocols or programs.
 */
export function createExternalOpener(
  openExternal: (url: string) => Promise<void>,
  allowlist: readonly string[] = externalHostAllowlist,
): ExternalOpener {
  return (url) => {
    if (!isAllowedExternalUrl(url, allowlist)) return false;
    openExternal(url).catch(() => undefined);
    return true;
  };
}

export function isAllowedExternalUrl(url: string, allowlist: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === 'https:' &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === '' &&
    allowlist.includes(parsed.hostname)
  );
}
