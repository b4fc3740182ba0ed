import { existsSync } from 'node:fs';

/**
 * Where the card vendors' installers put their PKCS#11 modules: OpenSC (most cards and readers),
 * the DNIe (Policía Nacional), FNMT's cards (AC Sector Público) and ACCV's (bit4id). A module
 * that is not installed is simply not listed; the user adds any other path in the settings or with
 * `--module`.
 */
const vendorModules: Record<'linux' | 'win32' | 'darwin', readonly string[]> = {
  linux: [
    '/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so',
    '/usr/lib/aarch64-linux-gnu/opensc-pkcs11.so',
    '/usr/lib/opensc-pkcs11.so',
    '/usr/lib/libpkcs11-dnie.so',
    '/usr/lib/libpkcs11-fnmtdnie.so',
    '/usr/lib/libbit4xpki.so',
  ],
  win32: [
    'C:\\Windows\\System32\\opensc-pkcs11.dll',
    'C:\\Windows\\System32\\UsrPkcs11.dll',
    'C:\\Windows\\System32\\FNMT_P11_x64.dll',
    'C:\\Windows\\System32\\bit4xpki.dll',
  ],
  darwin: [
    '/Library/OpenSC/lib/opensc-pkcs11.so',
    '/Library/Libpkcs11-dnie/lib/libpkcs11-dnie.so',
    '/Library/Libpkcs11-fnmtdnie/lib/libpkcs11-fnmtdnie.so',
    '/Library/bit4id/pkcs11/libbit4xpki.dylib',
  ],
};

export function defaultModulePaths(platform: NodeJS.Platform = process.platform): readonly string[] {
  return platform === 'win32' || platform === 'darwin' ? vendorModules[platform] : vendorModules.linux;
}

/** The modules to look for cards in: the installed defaults, then the user's own, each once. */
export function configuredModules(
  userPaths: readonly string[],
  platform: NodeJS.Platform = process.platform,
  exists: (path: string) => boolean = existsSync,
): string[] {
  return [...new Set([...defaultModulePaths(platform).filter(exists), ...userPaths])];
}
