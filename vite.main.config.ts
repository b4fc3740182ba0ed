import { cpSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, defineConfig, type InlineConfig, type Plugin } from 'vite';
import { callNames, eventNames } from './src/shared/api/index';
import { builtLayout, packageRoot } from './src/main/package-root';

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Loaded at run time from node_modules: native code, wasm, or Electron itself. */
const mainExternals = [/^node:/, 'electron', 'pkcs11js', /^@electric-sql\/pglite/, 'pg', 'ws', 'kysely'];

/**
 * The preload needs the contract's names, not its zod schemas: inside the preload build the contract
 * module is replaced by a module holding the two name lists, computed here from the real contract.
 */
function contractNamesOnly(): Plugin {
  const contract = fromRoot('./src/shared/api/index.ts');
  const virtualId = '\0despacho-contract-names';
  return {
    name: 'despacho-contract-names',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!importer) return null;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      return resolved?.id === contract ? virtualId : null;
    },
    load(id) {
      if (id !== virtualId) return null;
      return `export const callNames = ${JSON.stringify(callNames)};\nexport const eventNames = ${JSON.stringify(eventNames)};\n`;
    },
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).flatMap((output) => (output.type === 'chunk' ? [output] : []));
      const foreign = [
        ...chunks
          .flatMap((chunk) => Object.keys(chunk.modules))
          .filter((id) => id.includes('/node_modules/')),
        ...chunks.flatMap((chunk) => chunk.imports).filter((id) => id !== 'electron'),
      ];
      if (foreign.length > 0)
        this.error(`The sandboxed preload must hold only the desk's own code; it uses ${foreign.join(', ')}`);
    },
  };
}

/** The sandboxed preload: one CommonJS file (sandboxed preloads cannot load modules), electron external. */
const preloadBuild: InlineConfig = {
  configFile: false,
  logLevel: 'warn',
  plugins: [contractNamesOnly()],
  // Sandboxed preloads cannot require npm modules: everything but electron goes into the one file.
  ssr: { noExternal: true },
  build: {
    outDir: fromRoot('./out/preload'),
    emptyOutDir: true,
    minify: false,
    ssr: fromRoot('./src/main/preload/index.ts'),
    target: 'node22',
    rollupOptions: {
      external: ['electron'],
      output: { format: 'cjs', entryFileNames: 'index.cjs' },
    },
  },
};

/** Builds the preload once the main bundle is written. */
function alsoBuildPreload(): Plugin {
  return {
    name: 'despacho-preload',
    apply: 'build',
    async closeBundle() {
      await build(preloadBuild);
    },
  };
}

/** The office store reads its SQL migrations from builtLayout.migrations once built. */
function copyMigrations(): Plugin {
  return {
    name: 'despacho-migrations',
    apply: 'build',
    writeBundle() {
      cpSync(fromRoot('./src/main/office/store/migrations'), join(packageRoot, builtLayout.migrations), {
        recursive: true,
      });
    },
  };
}

/** An entry written where builtLayout says, e.g. 'out/main/cli/despacho.js' → input name 'cli/despacho'. */
const entryName = (builtFile: string) => relative(builtLayout.outDir, builtFile).replace(/\.js$/, '');

/**
 * Electron's main process (package.json "main"), the token worker it starts as a utility process
 * (the `despacho` command starts it as a Node child), and the `despacho` command (bin/despacho.js runs
 * it): ESM like the package ("type": "module"), sharing their common code in chunks/.
 */
export default defineConfig({
  plugins: [copyMigrations(), alsoBuildPreload()],
  build: {
    outDir: join(packageRoot, builtLayout.outDir),
    emptyOutDir: true,
    minify: false,
    sourcemap: true,
    ssr: true,
    target: 'node22',
    rollupOptions: {
      input: {
        'app/main': fromRoot('./src/main/app/main.ts'),
        [entryName(builtLayout.tokenWorker)]: fromRoot('./src/main/desk/tokens/worker/token-worker.ts'),
        [entryName(builtLayout.cli)]: fromRoot('./src/main/cli/main.ts'),
      },
      external: mainExternals,
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
  ssr: { noExternal: true, external: ['electron', 'pkcs11js', '@electric-sql/pglite', 'pg', 'ws', 'kysely'] },
});
