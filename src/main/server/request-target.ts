/**
 * The path of an origin-form request-target (`/path?query`), normalised as a browser would against
 * our own origin. Anything else is malformed here: `*`, absolute-form (browsers send it only to
 * proxies) and a target opening with `//` or `/\`, which URL parsers read as another host.
 */
export function requestPath(target: string | undefined): string | null {
  if (target === undefined || !/^\/(?![/\\])/.test(target)) return null;
  return new URL(`http://127.0.0.1${target}`).pathname;
}
