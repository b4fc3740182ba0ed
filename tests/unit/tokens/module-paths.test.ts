import { describe, expect, it } from 'vitest';
import { configuredModules, defaultModulePaths } from '../../../src/main/desk/tokens/module-paths';

const linuxOpensc = '/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so';
const linuxDnie = '/usr/lib/libpkcs11-dnie.so';

describe('defaultModulePaths', () => {
  it('lists only DLLs on Windows', () => {
    const paths = defaultModulePaths('win32');
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) expect(path).toMatch(/^C:\\.*\.dll$/i);
  });

  it('lists modules under /Library on macOS', () => {
    const paths = defaultModulePaths('darwin');
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) expect(path.startsWith('/Library/')).toBe(true);
  });

  it('includes OpenSC on Linux', () => {
    expect(defaultModulePaths('linux').some((path) => /opensc-pkcs11\.so$/.test(path))).toBe(true);
  });

  it('uses the Linux paths on other Unixes', () => {
    expect(defaultModulePaths('freebsd')).toEqual(defaultModulePaths('linux'));
  });
});

describe('configuredModules', () => {
  it('keeps only the defaults installed on this machine', () => {
    const installed = new Set([linuxDnie, linuxOpensc]);
    expect(configuredModules([], 'linux', (path) => installed.has(path))).toEqual([linuxOpensc, linuxDnie]);
  });

  it('appends the user paths after the installed defaults, whether or not they exist', () => {
    const modules = configuredModules(['/opt/acme/acme-p11.so'], 'linux', (path) => path === linuxOpensc);
    expect(modules).toEqual([linuxOpensc, '/opt/acme/acme-p11.so']);
  });

  it('lists a module once when the user also gave a default path or gave one twice', () => {
    const modules = configuredModules(
      [linuxOpensc, '/opt/acme/acme-p11.so', '/opt/acme/acme-p11.so'],
      'linux',
      (path) => path === linuxOpensc,
    );
    expect(modules).toEqual([linuxOpensc, '/opt/acme/acme-p11.so']);
  });

  it('asks about the defaults of the given platform only', () => {
    const asked: string[] = [];
    configuredModules([], 'win32', (path) => {
      asked.push(path);
      return false;
    });
    expect(asked).toEqual([...defaultModulePaths('win32')]);
  });

  it('gives nothing when no default is installed and the user added none', () => {
    expect(configuredModules([], 'darwin', () => false)).toEqual([]);
  });
});
