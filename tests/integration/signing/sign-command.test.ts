import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { despachoArgv, runDespacho } from '../../support/despacho-command';
import { createPdfFixtures, type PdfFixtures } from '../../support/pdfs/fixtures';
import { pdfsig, qpdfCheck } from '../../support/pdfs/validators';
import { cardArgs } from '../../support/card-args';
import { despachoEnvOnToken, loadTestToken, type TestToken } from '../../support/softhsm';
import { startLocalTsa, unreachableTsaUrl, type LocalTsa } from '../../support/tsa';

let token: TestToken;
let pin: string;
let fixtures: PdfFixtures;
let tsa: LocalTsa;

beforeAll(async () => {
  token = loadTestToken();
  pin = token.userPin;
  fixtures = await createPdfFixtures();
  tsa = await startLocalTsa();
});
afterAll(async () => {
  await tsa.close();
});

const despacho = (args: string[], input = '') => runDespacho(args, despachoEnvOnToken(token), input);

/** For runs that call back into this process (the local TSA): spawnSync would block its server. */
function despachoAsync(
  args: string[],
  input: string,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(...despachoArgv(args), { env: despachoEnvOnToken(token) });
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
    copyFileSync(index % 2 ? fixtures.objectStreams : fixtures.classic, path);
    return path;
  });
};
const outDir = () => mkdtempSync(join(tmpdir(), 'despacho-signed-'));
const sign = (files: string[], out: string, extra: string[] = [], key?: string[], typed = pin) =>
  despacho(['sign', ...cardArgs(token, key), ...extra, ...files, '--out', out], `${typed}\n`);

describe('despacho sign on the SoftHSM2 token', () => {
  it('signs a batch with one login; pdfsig, qpdf and despacho verify accept every file; the PIN is nowhere', () => {
    const files = batchOf(4);
    const out = outDir();
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
    const ana = token.keys.rsa2048.holder;
    expect(verified.stdout).toContain(`Firmante: ${ana.name}, NIF ${ana.nif}`);
    expect(verified.stdout).toContain(`Organización: ${ana.organization}; cargo: ${ana.position}`);
    expect(`${result.stdout}${result.stderr}${verified.stdout}${verified.stderr}`).not.toContain(pin);
  });

  it('picks the key by CKA_ID and countersigns (ECDSA) keeping the first signature valid', () => {
    const first = outDir();
    expect(sign(batchOf(1), first).status).toBe(0);
    const second = outDir();
    // In capitals: the CKA_ID is matched whatever the case of the hex digits.
    const ecId = token.keys.ecP256.id.toUpperCase();
    const result = sign([join(first, 'resolucion-1.pdf')], second, [], ['--cert-id', ecId]);
    expect(result.status, result.stderr).toBe(0);
    expect(pdfsig(join(second, 'resolucion-1.pdf')).valid).toEqual([true, true]);
    const verified = despacho(['verify', join(second, 'resolucion-1.pdf'), '--json']);
    const [file] = JSON.parse(verified.stdout) as {
      signatures: { verdict: string; signer: { nif: string } }[];
    }[];
    expect(file!.signatures.map((signature) => [signature.verdict, signature.signer.nif])).toEqual([
      ['valid', token.keys.rsa2048.holder.nif],
      ['valid', token.keys.ecP256.holder.nif],
    ]);
  });

  it('adds a time-stamp with --tsa and draws a visible stamp with --visible', async () => {
    const out = outDir();
    const result = await despachoAsync(
      [
        'sign',
        ...cardArgs(token),
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

  it('refuses a wrong PIN (exit 4) and writes nothing; the right PIN then still signs', () => {
    const out = outDir();
    const result = sign(batchOf(2), out, [], undefined, '000000');
    expect(result.status).toBe(4);
    expect(result.stderr).toContain('PIN incorrecto');
    expect(readdirSync(out)).toEqual([]);
    // The token is the run's shared one: the good login also clears the CKF_USER_PIN_COUNT_LOW
    // the failed one left, so the files that run after this one find the card as it was.
    const retry = sign(batchOf(1), outDir());
    expect(retry.status, retry.stderr).toBe(0);
    expect(despacho(['tokens', '--module', token.modulePath]).stdout).toContain('PIN: correcto');
  });

  it('refuses a batch with a damaged file before logging in (exit 3) and writes nothing', () => {
    const out = outDir();
    const result = sign([...batchOf(2), fixtures.truncated], out);
    expect(result.status).toBe(3);
    expect(result.stderr).toContain('truncated.pdf: el PDF está truncado');
    expect(readdirSync(out)).toEqual([]);
  });

  it('stops with exit 5 and no file when the TSA is down', async () => {
    const out = outDir();
    const result = sign(batchOf(2), out, ['--tsa', await unreachableTsaUrl()]);
    expect(result.status).toBe(5);
    expect(result.stderr).toContain('sellado de tiempo');
    expect(readdirSync(out)).toEqual([]);
  });

  it('answers usage errors with exit 2, in Valencian when asked', () => {
    const result = spawnSync(
      ...despachoArgv([
        'sign',
        '--module',
        token.modulePath,
        '--token',
        token.tokenLabel,
        '--key',
        'x',
        'a.pdf',
        '--out',
        '/tmp',
      ]),
      {
        encoding: 'utf8',
        env: { ...process.env, DESPACHO_LANG: 'ca-valencia' },
      },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Falta --pin-stdin');
  });
});
