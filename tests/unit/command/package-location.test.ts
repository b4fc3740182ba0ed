import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { locatePackage, packageRoot, resourcesDir, runsBuilt } from '../../../src/main/package-root';

/** Resource paths counted from a module's depth broke once the module was bundled into out/main. */
const scratch = mkdtempSync(join(tmpdir(), 'despacho-location-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function folder(...parts: string[]): string {
  const path = join(scratch, ...parts);
  mkdirSync(path, { recursive: true });
  return path;
}
const manifest = (dir: string, name: string) =>
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, type: 'module' }));

describe('locatePackage', () => {
  const checkout = folder('checkout');
  manifest(checkout, 'despacho');
  // A package.json of another name on the way up (a dependency's, a nested workspace's) is not the root.
  manifest(folder('checkout', 'node_modules', 'pkijs'), 'pkijs');
  manifest(folder('checkout', 'out'), 'not-despacho');

  it('finds the checkout from a source folder, whatever its depth', () => {
    for (const dir of [
      folder('checkout', 'src', 'main', 'office', 'calendar'),
      folder('checkout', 'src', 'main'),
    ])
      expect(locatePackage(dir)).toEqual({
        packageRoot: checkout,
        runsBuilt: false,
        resourcesDir: join(checkout, 'resources'),
      });
  });

  it('finds the same checkout and resources from the bundle, and knows it runs built', () => {
    for (const dir of [folder('checkout', 'out', 'main', 'chunks'), folder('checkout', 'out', 'main', 'cli')])
      expect(locatePackage(dir)).toEqual({
        packageRoot: checkout,
        runsBuilt: true,
        resourcesDir: join(checkout, 'resources'),
      });
  });

  it('skips package.json files of other names', () => {
    expect(locatePackage(folder('checkout', 'node_modules', 'pkijs', 'build')).packageRoot).toBe(checkout);
  });

  it('finds resources beside the asar archive of an installed app', () => {
    const asar = folder('installed', 'resources', 'app.asar');
    manifest(asar, 'despacho');
    expect(locatePackage(folder('installed', 'resources', 'app.asar', 'out', 'main', 'app'))).toEqual({
      packageRoot: asar,
      runsBuilt: true,
      resourcesDir: join(scratch, 'installed', 'resources', 'resources'),
    });
  });

  it('says where it looked when there is no Despacho above', () => {
    const stray = folder('stray', 'deep');
    expect(() => locatePackage(stray)).toThrow(`No package.json of despacho in ${stray} or above it`);
  });

  it('places this checkout: run from the sources, with its resources', () => {
    expect(packageRoot).toBe(join(import.meta.dirname, '..', '..', '..'));
    expect(runsBuilt).toBe(false);
    expect(resourcesDir).toBe(join(packageRoot, 'resources'));
  });
});
