import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('./src/renderer', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./out/renderer', import.meta.url)),
    emptyOutDir: true,
    // Everything in files: the hosts' CSP (src/main/server/security-headers.ts) forbids inline
    // scripts and styles and eval.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
