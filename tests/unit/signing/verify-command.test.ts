import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkPdfForSigning } from '../../../src/main/desk/signing/preflight';
import { signPdf } from '../../../src/main/desk/signing/sign-pdf';
import { despachoArgv } from '../../support/despacho-command';
import { createSigningWorld, type SigningWorld } from './support/world';

let world: SigningWorld;
let signed: string;
beforeAll(async () => {
  world = await createSigningWorld();
  signed = (
    await signPdf(checkPdfForSigning(world.fixtures.objectStreams), world.session('rsa'), world.outDir())
  ).output;
});

const verify = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(...despachoArgv(['verify', ...args]), {
    encoding: 'utf8',
    env: { ...process.env, DESPACHO_LANG: 'es', ...env },
  });

describe('despacho verify', () => {
  it('exits 0 and names the holder when the chain reaches an anchor from DESPACHO_TRUST_DIRS', () => {
    const result = verify([signed], { DESPACHO_TRUST_DIRS: world.anchorsDir });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('Firma 1 (Signature1): VÁLIDA');
    expect(result.stdout).toContain('Firmante: Ana Pruebas Núñez, NIF 99999999R');
    expect(result.stdout).toContain('PAdES B-B');
  });

  it('exits 1 for an unknown issuer, and speaks Valencian when asked', () => {
    const result = verify([signed], { DESPACHO_TRUST_DIRS: '', DESPACHO_LANG: 'ca-valencia' });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('INDETERMINADA (emissor desconegut)');
  });

  it('prints JSON with --json', () => {
    const result = verify([signed, '--json'], { DESPACHO_TRUST_DIRS: world.anchorsDir });
    const [file] = JSON.parse(result.stdout) as {
      signatures: { verdict: string; signer: { nif: string } }[];
    }[];
    expect(file!.signatures.map((signature) => [signature.verdict, signature.signer.nif])).toEqual([
      ['valid', '99999999R'],
    ]);
  });

  it('exits 3 on a file that is not a PDF and 2 without files', () => {
    expect(verify([world.fixtures.corrupt]).status).toBe(3);
    expect(verify([]).status).toBe(2);
  });
});
