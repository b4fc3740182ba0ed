import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serveAppRequest } from '../../src/main/app/app-protocol';
import { contentSecurityPolicy } from '../../src/main/server/security-headers';

const root = mkdtempSync(join(tmpdir(), 'despacho-csp-'));
writeFileSync(join(root, 'index.html'), '<!doctype html>');
writeFileSync(join(root, 'app.js'), '');

describe('every app:// response carries the desk CSP and nosniff', () => {
  it.each([
    ['a file', 'app://despacho/app.js', 'GET'],
    ['the entry page', 'app://despacho/index.html', 'GET'],
    ['a renderer route', 'app://despacho/cases/123', 'GET'],
    ['a missing asset', 'app://despacho/missing.css', 'GET'],
    ['a traversal attempt', 'app://despacho/..%2f..%2fetc%2fpasswd', 'GET'],
    ['a refused method', 'app://despacho/index.html', 'POST'],
    ['a foreign host', 'app://other/index.html', 'GET'],
  ])('%s', async (_what, url, method) => {
    const response = await serveAppRequest(root, new Request(url, { method }));
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('uses a CSP that forbids inline and foreign scripts', () => {
    expect(contentSecurityPolicy()).toMatch(/script-src 'self'(;|$)/);
    expect(contentSecurityPolicy()).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it('lets workers start only from the app itself (the PDF viewer’s pdf.js)', () => {
    expect(contentSecurityPolicy()).toMatch(/worker-src 'self'(;|$)/);
    expect(contentSecurityPolicy()).not.toMatch(/worker-src[^;]*(blob:|data:|\*)/);
  });
});
