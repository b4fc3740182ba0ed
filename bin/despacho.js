#!/usr/bin/env node
// `despacho`: runs the command as built by `npm run build` (out/main/cli/despacho.js, see
// src/main/package-root.ts). `npm run cli --` runs the TypeScript sources instead, for development.
import { existsSync } from 'node:fs';

const built = new URL('../out/main/cli/despacho.js', import.meta.url);

if (existsSync(built)) {
  await import(built.href);
} else {
  // The message catalogues are TypeScript, built with the rest: this one message cannot come from them.
  const wanted = process.env.DESPACHO_LANG ?? process.env.LC_ALL ?? process.env.LANG ?? '';
  const message = /^(ca|val)/i.test(wanted)
    ? 'Despacho encara no està construït: executeu «npm run build» en la carpeta del projecte i torneu a provar.'
    : 'Despacho aún no está construido: ejecute «npm run build» en la carpeta del proyecto y vuelva a probar.';
  process.stderr.write(`${message}\n`);
  process.exitCode = 1;
}
