import { readFile } from 'node:fs/promises';
import { securityHeaders } from '../server/security-headers';
import { resolveStaticFile } from '../server/static-files';

/** The renderer's own origin: a privileged standard scheme instead of file://. */
export const appScheme = 'app';
export const appHost = 'despacho';
export const appEntryUrl = `${appScheme}://${appHost}/index.html`;

/** For protocol.registerSchemesAsPrivileged, before the app is ready. */
export const appSchemePrivileges = {
  scheme: appScheme,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
} as const;

/** True for URLs of the renderer's origin (the WHATWG origin of a custom scheme is "null"). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${appScheme}:` && parsed.host === appHost;
  } catch {
    return false;
  }
}

/**
 * Serves the built renderer on app://despacho/: files inside `rendererDir` only, index.html for the
 * renderer's routes, and the desk's security headers (CSP, nosniff) on every response, refusals
 * included.
 */
export async function serveAppRequest(rendererDir: string, request: Request): Promise<Response> {
  const headers = securityHeaders();
  if (!isAppUrl(request.url)) return new Response(null, { status: 404, headers });
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return new Response(null, { status: 405, headers });
  const file = await resolveStaticFile(rendererDir, new URL(request.url).pathname);
  if (!file) return new Response(null, { status: 404, headers });
  const body = request.method === 'HEAD' ? null : await readFile(file.path);
  return new Response(body, { status: 200, headers: { ...headers, 'content-type': file.contentType } });
}
