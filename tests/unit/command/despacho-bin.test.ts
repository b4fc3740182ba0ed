import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * bin/despacho.js, the package's `bin`, in a copy of the package layout: without a build it says
 * so in the user's language; with one it runs it, arguments and exit code passed through.
 */
const shim = join(import.meta.dirname, '..', '..', '..', 'bin', 'despacho.js');
const scratch = mkdtempSync(join(tmpdir(), 'despacho-bin-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function packageCopy(name: string, built?: string): string {
  const root = join(scratch, name);
  mkdirSync(join(root, 'bin'), { recursive: true });
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'despacho', type: 'module' }));
  copyFileSync(shim, join(root, 'bin', 'despacho.js'));
  if (built !== undefined) {
    mkdirSync(join(root, 'out', 'main', 'cli'), { recursive: true });
    writeFileSync(join(root, 'out', 'main', 'cli', 'despacho.js'), built);
  }
  return root;
}

const run = (root: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, [join(root, 'bin', 'despacho.js'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, DESPACHO_LANG: '', LC_ALL: '', LANG: '', ...env },
  });

describe('bin/despacho.js', () => {
  it('without a build, says in Spanish to run npm run build, and exits 1', () => {
    const result = run(packageCopy('unbuilt-es'), ['deadline']);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Despacho aún no está construido');
    expect(result.stderr).toContain('npm run build');
  });

  it('without a build, says it in Valencian when asked', () => {
    const result = run(packageCopy('unbuilt-ca'), ['--help'], { DESPACHO_LANG: 'ca-valencia' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Despacho encara no està construït');
    expect(result.stderr).toContain('npm run build');
  });

  it('runs the build with the arguments given and its exit code', () => {
    const root = packageCopy(
      'built',
      'process.stdout.write(JSON.stringify(process.argv.slice(2)));\nprocess.exitCode = 3;\n',
    );
    const result = run(root, ['deadline', '--days', '10']);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual(['deadline', '--days', '10']);
    expect(result.status).toBe(3);
  });
});
