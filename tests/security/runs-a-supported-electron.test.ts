import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

/**
 * The oldest Electron major that still gets security fixes. Electron supports its latest three stable
 * majors: 43–45 in December 2026 (43 leaves when 46 ships, January 2027). Raise it whenever a line
 * leaves the support table; docs/electron.md has the upgrade steps.
 */
const minimumElectronMajor = 43;

// npm's own semver, so ranges read exactly as npm reads them.
const semver = createRequire(import.meta.url)('semver') as {
  major(version: string): number;
  minVersion(range: string): { major: number } | null;
  satisfies(version: string, range: string): boolean;
};

interface Manifest {
  devDependencies: Record<string, string>;
}
interface Lock {
  packages: Record<string, { version?: string; devDependencies?: Record<string, string> }>;
}

const readJson = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`../../${name}`, import.meta.url), 'utf8')) as T;
const range = readJson<Manifest>('package.json').devDependencies['electron']!;
const lock = readJson<Lock>('package-lock.json');
const locked = lock.packages['node_modules/electron']?.version ?? 'not locked';

describe('the Electron the desk is built on', () => {
  it(`is locked at a supported major (${minimumElectronMajor} or newer)`, () => {
    expect(semver.major(locked)).toBeGreaterThanOrEqual(minimumElectronMajor);
  });

  it('cannot drift back to an unsupported major through package.json’s range', () => {
    expect(semver.minVersion(range)?.major).toBeGreaterThanOrEqual(minimumElectronMajor);
  });

  it('is the version package.json asks for, so `npm ci` installs what the lock says', () => {
    expect(lock.packages['']?.devDependencies?.['electron']).toBe(range);
    expect(semver.satisfies(locked, range)).toBe(true);
  });
});
