// Folders are runtimes (ARCHITECTURE.md "Folders"): each layer below lists what its files may import,
// and a file in a folder that no layer names may import nothing. The rule that enforces it is at the end.
import { dirname, relative, resolve, sep } from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/** What signing, verify and tokens build on: the libraries, never each other. */
const deskLibraries = ['shared', 'desk/pdf', 'desk/crypto', 'desk/signing-session'];
const deskServicesApart =
  'signing, verify and tokens depend on the libraries (desk/pdf, desk/crypto), never on each other; they meet in compose.';
/** Everything in main that compose builds desks from; the transports above it may use all of it. */
const belowCompose = [
  'shared',
  'main/events',
  'main/package-root',
  'office',
  'desk/signing-session',
  'desk/pdf',
  'desk/crypto',
  'desk/signing',
  'desk/verify',
  'desk/tokens',
  'desk/training-card',
  'training',
];

/**
 * `files`: folders (ending in '/', with everything below them unless a more specific entry names a
 * subfolder) or single files ('*' stands for any name within one folder); the most specific entry
 * decides a file's layer. `layers`: the other layers it may import from (its own layer always).
 * `packages`: npm packages ('@scope/*' for a scope) and 'node:*' for Node's modules, which must be
 * imported with their 'node:' prefix. `why`: said when an import is refused.
 */
const layers = {
  shared: {
    files: ['src/shared/'],
    packages: ['zod'],
    why: 'src/shared is plain TypeScript that both main and the renderer run.',
  },
  renderer: {
    files: ['src/renderer/'],
    layers: ['shared'],
    packages: ['react', 'react-dom', '@tanstack/*', 'zod', 'pdfjs-dist'],
    why: 'the renderer talks to main only through the contract in src/shared/api.',
  },
  'main/events': {
    files: ['src/main/events.ts'],
    layers: ['shared'],
    why: "the event bus is shared by the office's services and the transports.",
  },
  'main/package-root': {
    files: ['src/main/package-root.ts'],
    packages: ['node:*'],
    why: 'every part of main finds its files through it, so it depends on none of them.',
  },
  office: {
    files: ['src/main/office/'],
    layers: ['shared', 'main/events', 'main/package-root'],
    packages: ['kysely', 'pg', '@electric-sql/*', 'pdf-lib', 'qrcode', 'fflate', 'zod', 'node:*'],
    why: 'office and desk meet only in compose.',
  },
  training: {
    files: ['src/main/training/'],
    layers: ['shared', 'main/events', 'main/package-root', 'office'],
    packages: ['kysely', 'yaml', 'zod', 'pdf-lib', 'node:*'],
    why: 'training (scenarios, outcome checks, trainee progress, completion certificates) reads the sandbox office; it is wired in compose.',
  },
  'desk/signing-session': {
    files: ['src/main/desk/signing-session.ts'],
    why: 'the seam between the token worker and the signature builders holds types only.',
  },
  'desk/pdf': {
    files: ['src/main/desk/pdf/'],
    packages: ['node:*'],
    why: 'desk/pdf is a library: it knows nothing of signing, verifying or cards.',
  },
  'desk/crypto': {
    files: ['src/main/desk/crypto/'],
    layers: ['desk/signing-session', 'main/package-root'],
    packages: ['pkijs', 'asn1js', 'node:*'],
    why: 'desk/crypto is a library: it knows nothing of signing, verifying or cards.',
  },
  'desk/signing': {
    files: ['src/main/desk/signing/'],
    layers: deskLibraries,
    packages: ['qrcode', 'node:*'],
    why: deskServicesApart,
  },
  'desk/verify': {
    files: ['src/main/desk/verify/'],
    layers: deskLibraries,
    packages: ['node:*'],
    why: deskServicesApart,
  },
  'desk/tokens': {
    files: ['src/main/desk/tokens/'],
    layers: [...deskLibraries, 'main/package-root'],
    packages: ['zod', 'node:*'],
    why: 'signing, verify and tokens never import each other, and PKCS#11 (pkcs11js) runs only in the token worker process.',
  },
  'desk/tokens/worker': {
    files: ['src/main/desk/tokens/worker/'],
    layers: ['desk/tokens'],
    packages: ['pkcs11js', 'node:*'],
    why: 'the token worker is a process of its own: it speaks the protocol of desk/tokens and loads the card module.',
  },
  'desk/training-card': {
    files: ['src/main/desk/training-card/'],
    layers: [...deskLibraries, 'desk/tokens'],
    packages: ['node:*'],
    why: 'the practice card is a token of the token service (its protocol, in this process): no PKCS#11, no signing or verifying of its own.',
  },
  server: {
    files: ['src/main/server/'],
    layers: ['shared', 'main/events'],
    packages: ['ws', 'node:*'],
    why: 'the host serves the contract: it is handed the desks, it does not build them.',
  },
  compose: {
    files: ['src/main/compose.ts', 'src/main/compose/'],
    layers: belowCompose,
    packages: ['node:*'],
    why: 'compose builds desks from office and desk; it is not a transport.',
  },
  cli: {
    files: ['src/main/cli/'],
    layers: [...belowCompose, 'server', 'compose'],
    packages: ['node:*'],
    why: 'the command runs on plain Node: no Electron (src/main/app, preload) and no PKCS#11 outside the token worker.',
  },
  app: {
    files: ['src/main/app/'],
    layers: [...belowCompose, 'server', 'compose', 'preload'],
    packages: ['electron', 'node:*'],
    why: 'the Electron shell uses everything in main, but PKCS#11 (pkcs11js) runs only in the token worker process.',
  },
  preload: {
    files: ['src/main/preload/'],
    layers: ['shared'],
    packages: ['electron'],
    why: 'the sandboxed preload wires the contract to IPC and nothing else.',
  },
  tooling: {
    files: ['tests/', 'bench/', 'scripts/', 'bin/', '*.config.ts', '*.config.js'],
    anything: true,
  },
};

const sourceExtension = /\.[cm]?[jt]sx?$/;
const escapeRegExp = (text) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

/** Whether a path (from the project root, '/'-separated, with or without its extension) is in an entry of `files`. */
function inEntry(entry, path) {
  if (entry.endsWith('/')) return `${path}/`.startsWith(entry);
  const name = entry.replace(sourceExtension, '').split('*').map(escapeRegExp).join('[^/]*');
  return new RegExp(`^${name}(?:\\.[cm]?[jt]sx?)?$`).test(path);
}

/** The layer of a path: the one with the most specific matching entry, or undefined. */
function layerOf(path) {
  let found;
  let best = -1;
  for (const [name, layer] of Object.entries(layers))
    for (const entry of layer.files) {
      const weight = entry.replaceAll('*', '').length;
      if (weight > best && inEntry(entry, path)) [found, best] = [name, weight];
    }
  return found;
}

const packageName = (specifier) => specifier.split('/', specifier.startsWith('@') ? 2 : 1).join('/');

function packageAllowed(layer, specifier) {
  return (layer.packages ?? []).some((pattern) =>
    pattern.endsWith('*') ? specifier.startsWith(pattern.slice(0, -1)) : packageName(specifier) === pattern,
  );
}

function describeAllowed(name, layer) {
  const allowed = [name, ...(layer.layers ?? []), ...(layer.packages ?? [])];
  return allowed.join(', ');
}

/** The import specifier of a node, or null when it is computed (and so cannot be checked). */
function specifierOf(node) {
  const source =
    node.type === 'TSImportType'
      ? (node.source ?? node.argument.literal)
      : node.type === 'TSExternalModuleReference'
        ? node.expression
        : node.type === 'CallExpression'
          ? node.arguments[0]
          : node.source;
  if (source?.type === 'Literal' && typeof source.value === 'string') return source.value;
  if (source?.type === 'TemplateLiteral' && source.expressions.length === 0)
    return source.quasis[0].value.cooked;
  return null;
}

const allowedImports = {
  meta: {
    type: 'problem',
    docs: { description: 'Each folder imports only what its layer in eslint.config.js allows.' },
    schema: [],
  },
  create(context) {
    const root = context.cwd;
    const fromRoot = (absolute) => relative(root, absolute).split(sep).join('/');
    const file = fromRoot(context.filename);
    const name = layerOf(file);
    const layer = name === undefined ? undefined : layers[name];
    if (layer?.anything) return {};

    const check = (node) => {
      const specifier = specifierOf(node);
      if (layer === undefined) {
        context.report({
          node,
          message: `${file} is in no layer of eslint.config.js, so it may import nothing: name its folder in a layer, with what it may import.`,
        });
        return;
      }
      if (specifier === null) {
        context.report({ node, message: `${name}: a computed import cannot be checked against the layers.` });
        return;
      }
      const relativeImport = specifier.startsWith('.') || specifier.startsWith('/');
      const target = relativeImport ? fromRoot(resolve(dirname(context.filename), specifier)) : null;
      const targetLayer = target === null ? undefined : layerOf(target);
      const allowed = relativeImport
        ? targetLayer !== undefined && (targetLayer === name || (layer.layers ?? []).includes(targetLayer))
        : packageAllowed(layer, specifier);
      if (allowed) return;
      const what = relativeImport ? `${target} (${targetLayer ?? 'in no layer'})` : `'${specifier}'`;
      context.report({
        node,
        message: `${name} may not import ${what}: ${layer.why ?? ''} It may import ${describeAllowed(name, layer)}.`,
      });
    };
    const requireCall = (node) => {
      if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(node);
    };
    return {
      ImportDeclaration: check,
      ExportAllDeclaration: check,
      ExportNamedDeclaration: (node) => node.source && check(node),
      ImportExpression: check,
      TSImportType: check,
      TSExternalModuleReference: check,
      CallExpression: requireCall,
    };
  },
};

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', 'release', 'playwright-report', 'test-results', '.tmp'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    plugins: { layers: { rules: { 'allowed-imports': allowedImports } } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'layers/allowed-imports': 'error',
    },
  },
  {
    files: ['src/renderer/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['bin/**'],
    languageOptions: { globals: { process: 'readonly', URL: 'readonly' } },
  },
);
