import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where Despacho's own files are. The same code runs from its TypeScript sources (tsx, vitest) and
 * bundled into out/main (the `despacho` command, the app), at different depths: a path counted from
 * a module's own location breaks once the module is bundled, so every file the code reads is found
 * from the package's root instead.
 */
export interface PackageLocation {
  /** The folder holding the package.json named "despacho": the checkout, or the app's asar archive. */
  packageRoot: string;
  /** True in the bundle under out/, false when the TypeScript sources run through tsx or vitest. */
  runsBuilt: boolean;
  /** resources/ (calendars, trust, templates): in the checkout, or beside the asar archive, where electron-builder puts it. */
  resourcesDir: string;
}

const isDespachoManifest = (path: string) =>
  existsSync(path) && (JSON.parse(readFileSync(path, 'utf8')) as { name?: unknown }).name === 'despacho';

/** The location of the code in `moduleDir` (a folder of the sources or of the bundle). */
export function locatePackage(moduleDir: string): PackageLocation {
  let root = moduleDir;
  while (!isDespachoManifest(join(root, 'package.json'))) {
    if (dirname(root) === root) throw new Error(`No package.json of despacho in ${moduleDir} or above it`);
    root = dirname(root);
  }
  return {
    packageRoot: root,
    runsBuilt: relative(root, moduleDir).split(sep)[0] === 'out',
    resourcesDir: join(basename(root).endsWith('.asar') ? dirname(root) : root, 'resources'),
  };
}

export const { packageRoot, runsBuilt, resourcesDir } = locatePackage(
  dirname(fileURLToPath(import.meta.url)),
);

/** The built files, relative to the package root: written by vite.main.config.ts and vite.renderer.config.ts. */
export const builtLayout = {
  outDir: 'out/main',
  cli: 'out/main/cli/despacho.js',
  tokenWorker: 'out/main/app/token-worker.js',
  migrations: 'out/main/migrations',
  renderer: 'out/renderer',
} as const;

/** The path of a built file (see builtLayout) or of its source, whichever this code runs from. */
export const builtOrSource = (built: string, source: string): string =>
  join(packageRoot, runsBuilt ? built : source);
