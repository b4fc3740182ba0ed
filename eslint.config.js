// Folders are runtimes (ARCHITECTURE.md): the import rules below are the enforcement.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeModules = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'url',
  'stream',
  'worker_threads',
  'pkcs11js',
  'pg',
  'ws',
  '@electric-sql/*',
  'kysely',
];
const noElectron = {
  group: ['electron', 'electron/*'],
  message: 'Only src/main/app and src/main/preload may import electron.',
};
const noNode = {
  group: nodeModules,
  message: 'src/renderer and src/shared run without Node: no Node modules here.',
};
const noRenderer = { group: ['**/renderer/**'], message: 'Nothing imports the renderer.' };
const noApp = { group: ['**/main/app/**', '**/app/*'], message: 'Nothing imports src/main/app.' };
const noPkcs11 = {
  group: ['pkcs11js'],
  message: 'PKCS#11 runs only in the token worker process (src/main/desk/tokens/worker).',
};
const noOffice = { group: ['**/office/**'], message: 'office and desk meet only in compose.ts.' };

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', 'release', 'playwright-report', 'test-results', '.tmp'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noElectron,
            noNode,
            noRenderer,
            { group: ['**/main/**'], message: 'src/shared imports nothing from main.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noElectron,
            noNode,
            { group: ['**/main/**'], message: 'The renderer talks to main only through the contract.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/**'],
    ignores: ['src/main/app/**', 'src/main/preload/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron, noRenderer, noApp, noPkcs11] }] },
  },
  {
    files: ['src/main/office/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noElectron,
            noRenderer,
            noApp,
            noPkcs11,
            { group: ['**/desk/**'], message: 'office and desk meet only in compose.ts.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/desk/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noElectron, noRenderer, noApp, noOffice, noPkcs11] }],
    },
  },
  {
    files: ['src/main/desk/tokens/worker/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron, noRenderer, noApp, noOffice] }] },
  },
  {
    files: ['src/main/app/**', 'src/main/preload/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noRenderer, noPkcs11] }] },
  },
);
