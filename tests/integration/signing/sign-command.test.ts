import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfsig, qpdfCheck } from '../../support/pdfs/validators';
import { startLocalTsa, unreachableTsaUrl, type LocalTsa } from '../../support/tsa';
import { pemToDer } from '../../unit/signing/support/test-ca';
import { createSigningWorld, type SigningWorld } from '../../unit/signing/support/world';
import { createSoftHsmToken, type SoftHsmToken } from './support/softhsm-token';

const cli = fileURLToPath(new URL('../../../src/main/cli/main.ts', import.meta.url));
const pin = '97531864';
let world: SigningWorld;
let token: SoftHsmToken;
let tsa: LocalTsa;

beforeAll(async () => {
  world = await createSigningWorld();
  token = createSoftHsmToken(
    'Tarjeta Jefa',
    pin,
    [
      { label: 'Firma Ana', id: 'a1', leaf: world.leaves.rsa },
      { label: 'Firma Josep', id: 'b2', leaf: world.leaves.ec },
    ],
    [pemToDer(world.ca.intermediatePem)],
  );
  tsa = await startLocalTsa();
});
afterAll(async () => {
  await tsa.close();
});

function despacho(args: string[], input = '') {
  return spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], {
    encoding: 'utf8',
    input,
    env: {
      ...process.env,
      SOFTHSM2_CONF: token.conf,
      DESPACHO_LANG: 'es',
      DESPACHO_TRUST_DIRS: world.anchorsDir,
    },
  });
}

/** For runs that call back into this process (the local TSA): spawnSync would block its server. */
function despachoAsync(
  args: string[],
  input: string,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], {
      env: {
        ...process.env,
        SOFTHSM2_CONF: token.conf,
        DESPACHO_LANG: 'es',
        DESPACHO_TRUST_DIRS: world.anchorsDir,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(input);
  });
}

const batchOf = (count: number) => {
  const dir = mkdtempSync(join(tmpdir(), 'despacho-in-'));
  return Array.from({ length: count }, (_, index) => {
    const path = join(dir, `resolucion-${index + 1}.pdf`);
    copyFileSync(index % 2 ? world.fixtures.objectStreams : world.fixtures.classic, path);
    return path;
  });
};
const sign = (files: string[], out: string, extra: string[] = [], key = ['--key', 'Firma Ana']) =>
  despacho(
    [
      'sign',
      '--module',
      token.module,
      '--token',
      token.label,
      ...key,
      '--pin-stdin',
      ...extra,
      ...files,
      '--out',
      out,
    ],
    `${pin}\n`,
  );

describe('despacho sign on the SoftHSM2 token', () => {
  it('signs a batch with one login; pdfsig, qpdf and despacho verify accept every file; the PIN is nowhere', () => {
    const files = batchOf(4);
    const out = world.outDir();
    const result = sign(files, out);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('Documentos firmados: 4.');
    expect(readdirSync(out).sort()).toEqual([
      'resolucion-1.pdf',
      'resolucion-2.pdf',
      'resolucion-3.pdf',
      'resolucion-4.pdf',
    ]);
    for (const name of readdirSync(out)) {
      const path = join(out, name);
      expect(pdfsig(path).valid).toEqual([true]);
      expect(qpdfCheck(path).ok).toBe(true);
      expect(readFileSync(path).includes(pin)).toBe(false);
    }
    const verified = despacho(['verify', ...readdirSync(out).map((name) => join(out, name))]);
    expect(verified.status, verified.stdout).toBe(0);
    expect(verified.stdout).toContain('Firmante: Ana Pruebas Núñez, NIF 99999999R');
    expect(`${result.stdout}${result.stderr}${verified.stdout}${verified.stderr}`).not.toContain(pin);
  });

  it('picks the key by CKA_ID and countersigns (ECDSA) keeping the first signature valid', () => {
    const first = world.outDir();
    expect(sign(batchOf(1), first).status).toBe(0);
    const second = world.outDir();
    const result = sign([join(first, 'resolucion-1.pdf')], second, [], ['--cert-id', 'B2']);
    expect(result.status, result.stderr).toBe(0);
    expect(pdfsig(join(second, 'resolucion-1.pdf')).valid).toEqual([true, true]);
    const verified = despacho(['verify', join(second, 'resolucion-1.pdf'), '--json']);
    const [file] = JSON.parse(verified.stdout) as {
      signatures: { verdict: string; signer: { nif: string } }[];
    }[];
    expect(file!.signatures.map((signature) => [signature.verdict, signature.signer.nif])).toEqual([
      ['valid', '99999999R'],
      ['valid', '00000000T'],
    ]);
  });

  it('adds a time-stamp with --tsa and draws a visible stamp with --visible', async () => {
    const out = world.outDir();
    const result = await despachoAsync(
      [
        'sign',
        '--module',
        token.module,
        '--token',
        token.label,
        '--key',
        'Firma Ana',
        '--pin-stdin',
        ...batchOf(1),
        '--out',
        out,
        '--tsa',
        tsa.url,
        '--visible',
        '1,330,40,230,90',
        '--resolution',
        '2026/000321',
        '--csv',
        'ELX-TEST-0001',
        '--verify-url',
        'https://sede.example.es/csv',
      ],
      `${pin}\n`,
    );
    expect(result.status, result.stderr).toBe(0);
    const path = join(out, 'resolucion-1.pdf');
    expect(pdfsig(path).valid).toEqual([true]);
    const verified = despacho(['verify', path]);
    expect(verified.stdout).toContain('PAdES B-T');
    expect(verified.stdout).toContain('(sello de tiempo)');
  });

  it('refuses a wrong PIN (exit 4) and writes nothing', () => {
    const out = world.outDir();
    const result = despacho(
      [
        'sign',
        '--module',
        token.module,
        '--token',
        token.label,
        '--key',
        'Firma Ana',
        '--pin-stdin',
        ...batchOf(2),
        '--out',
        out,
      ],
      '000000\n',
    );
    expect(result.status).toBe(4);
    expect(result.stderr).toContain('PIN incorrecto');
    expect(readdirSync(out)).toEqual([]);
  });

  it('refuses a batch with a damaged file before logging in (exit 3) and writes nothing', () => {
    const out = world.outDir();
    const result = sign([...batchOf(2), world.fixtures.truncated], out);
    expect(result.status).toBe(3);
    expect(result.stderr).toContain('truncated.pdf: el PDF está truncado');
    expect(readdirSync(out)).toEqual([]);
  });

  it('stops with exit 5 and no file when the TSA is down', async () => {
    const out = world.outDir();
    const result = sign(batchOf(2), out, ['--tsa', await unreachableTsaUrl()]);
    expect(result.status).toBe(5);
    expect(result.stderr).toContain('sellado de tiempo');
    expect(readdirSync(out)).toEqual([]);
  });

  it('answers usage errors with exit 2, in Valencian when asked', () => {
    const result = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        cli,
        'sign',
        '--module',
        token.module,
        '--token',
        token.label,
        '--key',
        'x',
        'a.pdf',
        '--out',
        '/tmp',
      ],
      {
        encoding: 'utf8',
        env: { ...process.env, DESPACHO_LANG: 'ca-valencia' },
      },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Falta --pin-stdin');
  });
});
