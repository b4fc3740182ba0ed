import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writePrivateFile } from '../../src/main/server/private-file';

/**
 * `serve --url-file` wrote the token with writeFileSync(path, { mode: 0o600 }): a file already
 * there kept its mode (0644: every local user could read the token) and a symlink planted at the
 * path was followed. The file is now always a new one, mode 0600, renamed over whatever was there.
 */
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'despacho-url-file-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const modeOf = (path: string) => lstatSync(path).mode & 0o777;

describe('the URL file', () => {
  it('is created readable by its owner only', () => {
    const path = join(dir, 'url');
    writePrivateFile(path, 'http://127.0.0.1:1/#token=secret\n');
    expect(readFileSync(path, 'utf8')).toBe('http://127.0.0.1:1/#token=secret\n');
    expect(modeOf(path)).toBe(0o600);
  });

  it('replaces a world-readable file instead of keeping its mode', () => {
    const path = join(dir, 'url');
    writeFileSync(path, 'old', { mode: 0o644 });
    expect(modeOf(path)).toBe(0o644);
    writePrivateFile(path, 'secret');
    expect(readFileSync(path, 'utf8')).toBe('secret');
    expect(modeOf(path)).toBe(0o600);
  });

  it('replaces a planted symlink instead of writing through it', () => {
    const target = join(dir, 'attacker-readable');
    writeFileSync(target, 'untouched', { mode: 0o644 });
    const path = join(dir, 'url');
    symlinkSync(target, path);
    writePrivateFile(path, 'secret');
    expect(readFileSync(target, 'utf8')).toBe('untouched');
    expect(lstatSync(path).isSymbolicLink()).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe('secret');
    expect(modeOf(path)).toBe(0o600);
  });

  it('does not create the target of a dangling symlink', () => {
    const target = join(dir, 'would-be-created');
    const path = join(dir, 'url');
    symlinkSync(target, path);
    writePrivateFile(path, 'secret');
    expect(readdirSync(dir).sort()).toEqual(['url']);
    expect(modeOf(path)).toBe(0o600);
  });

  it('reports a path it cannot take and leaves no scratch file', () => {
    const path = join(dir, 'url');
    mkdirSync(path);
    expect(() => writePrivateFile(path, 'secret')).toThrow();
    expect(readdirSync(dir)).toEqual(['url']);
  });
});
