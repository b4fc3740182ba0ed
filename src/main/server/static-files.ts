import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json',
};

export interface StaticFile {
  path: string;
  contentType: string;
  size: number;
}

/**
 * Maps a URL path to a file inside `root`, never outside it (`..`, encoded slashes, NUL); paths
 * that name no file fall back to index.html so the renderer's own routes survive a reload.
 */
export async function resolveStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const base = resolve(root);
  const wanted = resolve(base, `.${decoded.startsWith('/') ? decoded : `/${decoded}`}`);
  if (wanted !== base && !wanted.startsWith(base + sep)) return null;
  const file =
    (await fileAt(wanted)) ?? (extname(wanted) === '' ? await fileAt(resolve(base, 'index.html')) : null);
  return file;
}

async function fileAt(path: string): Promise<StaticFile | null> {
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) {
    if (info?.isDirectory()) return fileAt(resolve(path, 'index.html'));
    return null;
  }
  return { path, size: info.size, contentType: contentTypes[extname(path)] ?? 'application/octet-stream' };
}

export const openStaticFile = (file: StaticFile) => createReadStream(file.path);
