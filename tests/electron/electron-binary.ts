import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export type ElectronBinary = { found: true; path: string } | { found: false; reason: string };

/**
 * The Electron binary npm's `electron` package points at, if it was ever downloaded. Its install
 * step fetches the binary from the internet; where that could not happen `require('electron')`
 * throws, or names a file that is not there.
 */
export function findElectronBinary(): ElectronBinary {
  let path: unknown;
  try {
    path = createRequire(import.meta.url)('electron');
  } catch (error) {
    return {
      found: false,
      reason: `no Electron binary is installed (${(error as Error).message.split('\n')[0]})`,
    };
  }
  if (typeof path !== 'string' || !existsSync(path))
    return { found: false, reason: `no Electron binary is installed (nothing at ${String(path)})` };
  return { found: true, path };
}
