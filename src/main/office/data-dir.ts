import { homedir } from 'node:os';
import { join } from 'node:path';

/** The user's data folder: %APPDATA%\Despacho on Windows, $XDG_DATA_HOME/despacho elsewhere. */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (platform === 'win32' && env.APPDATA) return join(env.APPDATA, 'Despacho');
  const xdg = env.XDG_DATA_HOME;
  return join(xdg && xdg.startsWith('/') ? xdg : join(homedir(), '.local', 'share'), 'despacho');
}
