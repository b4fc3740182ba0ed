import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isAppUrl, serveAppRequest } from '../../../src/main/app/app-protocol';

let root: string;

beforeAll(() => {
  root = join(mkdtempSync(join(tmpdir(), 'despacho-app-protocol-')), 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Despacho</title>');
  writeFileSync(join(root, 'assets', 'main-abc.js'), 'console.log(1)');
});

const get = (url: string, method = 'GET') => serveAppRequest(root, new Request(url, { method }));

describe('app:// protocol', () => {
  it('serves the renderer’s files with their content type', async () => {
    const index = await get('app://despacho/index.html');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await index.text()).toContain('<title>Despacho</title>');

    const script = await get('app://despacho/assets/main-abc.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
  });

  it('answers the renderer’s routes with index.html so a reload keeps the page', async () => {
    const route = await get('app://despacho/queues/mine');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>Despacho</title>');
  });

  it('answers a missing asset with 404, not with index.html', async () => {
    expect((await get('app://despacho/assets/missing.js')).status).toBe(404);
  });

  it('refuses other hosts and methods that change things', async () => {
    expect((await get('app://elsewhere/index.html')).status).toBe(404);
    expect((await get('app://despacho/index.html', 'POST')).status).toBe(405);
  });

  it('answers HEAD without a body', async () => {
    const head = await get('app://despacho/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('recognises only the desk’s own origin', () => {
    expect(isAppUrl('app://despacho/index.html')).toBe(true);
    expect(isAppUrl('app://despacho.evil/index.html')).toBe(false);
    expect(isAppUrl('https://despacho/index.html')).toBe(false);
    expect(isAppUrl('file:///index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});
