import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

/** The policy every host serves too; in the built page as well, so a host that forgets it changes nothing. */
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'";

const cspMeta = (): Plugin => ({
  name: 'despacho-csp-meta',
  apply: 'build',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy },
      injectTo: 'head',
    },
  ],
});

export default defineConfig({
  root: fileURLToPath(new URL('./src/renderer', import.meta.url)),
  base: './',
  plugins: [react(), cspMeta()],
  build: {
    outDir: fileURLToPath(new URL('./out/renderer', import.meta.url)),
    emptyOutDir: true,
    // Everything in files: the CSP forbids inline scripts and styles, and data: URLs are not 'self'.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
