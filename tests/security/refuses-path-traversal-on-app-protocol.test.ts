import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serveAppRequest } from '../../src/main/app/app-protocol';

const parent = mkdtempSync(join(tmpdir(), 'despacho-traversal-'));
const root = join(parent, 'renderer');
mkdirSync(root);
writeFileSync(join(root, 'index.html'), '<!doctype html><title>desk</title>');
writeFileSync(join(parent, 'secret.txt'), 'SECRET-OUTSIDE-THE-RENDERER');
mkdirSync(join(parent, 'renderer-evil'));
writeFileSync(join(parent, 'renderer-evil', 'x.txt'), 'SECRET-IN-A-SIBLING');

describe('app:// never serves a file outside the renderer folder', () => {
  it.each([
    'app://despacho/..%2fsecret.txt',
    'app://despacho/%2e%2e%2fsecret.txt',
    'app://despacho/..%5csecret.txt',
    'app://despacho/assets/..%2f..%2fsecret.txt',
    'app://despacho/..%2frenderer-evil%2fx.txt',
    `app://despacho/${encodeURIComponent(join(parent, 'secret.txt'))}`,
    'app://despacho/index.html%00.txt',
    'app://despacho/%E0%A4%A',
  ])('%s', async (url) => {
    const response = await serveAppRequest(root, new Request(url));
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('SECRET');
  });

  it('normalises plain dot segments back inside the folder', async () => {
    const response = await serveAppRequest(root, new Request('app://despacho/../../secret.txt'));
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('SECRET');
  });
});
