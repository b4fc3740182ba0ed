import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPdfFixtures } from '../../support/pdfs/fixtures';
import { parseSignedData } from '../../../src/main/desk/crypto/cms/parse';
import { Oid } from '../../../src/main/desk/crypto/oids';
import { extractSignatures, opensslCmsVerify, pdfsig } from '../../support/pdfs/validators';
import { despachoArgv } from '../../support/despacho-command';
import { cardArgs } from '../../support/card-args';
import { loadTestToken, type TestToken } from '../../support/softhsm';
import { buildBrokenModules, hangMarker } from '../../support/tokens/broken-modules';

let token: TestToken;
let classicPdf: string;

beforeAll(async () => {
  token = loadTestToken();
  classicPdf = (await createPdfFixtures()).classic;
});

function despacho(args: string[], options: { input?: string; lang?: string } = {}) {
  const result = spawnSync(...despachoArgv(args), {
    encoding: 'utf8',
    input: options.input ?? '',
    env: {
      ...process.env,
      DESPACHO_LANG: options.lang ?? 'es',
      DESPACHO_TRUST_DIRS: token.anchorsDir,
    },
  });
  return { ...result, output: `${result.stdout}${result.stderr}` };
}

/**
 * `despacho` with a module that never returns: waits until the module has blocked and the command
 * has said on stderr that the card is slow, then kills the stuck worker (as a dying driver would)
 * and gives what the command printed and its exit code. The waits are for events; their deadlines
 * only turn a message that never comes into a failure.
 */
async function slowCard(args: string[], expected: string, options: { input?: string; lang?: string } = {}) {
  const hang = hangMarker(mkdtempSync(join(tmpdir(), 'despacho-hang-')));
  const child = spawn(...despachoArgv(args), {
    env: {
      ...process.env,
      ...hang.env,
      DESPACHO_LANG: options.lang ?? 'es',
      DESPACHO_TRUST_DIRS: token.anchorsDir,
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdin.end(options.input ?? '');
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  try {
    await hang.blocked(1);
    await expect.poll(() => stderr, { timeout: 100_000, interval: 100 }).toContain(expected);
  } finally {
    // The worker stays blocked in the module until someone kills it; while the command runs, it is alive.
    if (child.exitCode === null) for (const pid of hang.pids()) process.kill(pid, 'SIGKILL');
  }
  const status = await exited;
  return { status, stdout, stderr };
}

describe('despacho tokens', () => {
  it('lists the token, its PIN state and each certificate with holder, NIF, issuer and key', () => {
    const result = despacho(['tokens', '--module', token.modulePath]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain(`Tarjeta «${token.tokenLabel}»`);
    expect(result.stdout).toContain('PIN: correcto');
    const ana = token.keys.rsa2048;
    expect(result.stdout).toContain(
      `Certificado «${ana.label}» (id ${ana.id}): ${ana.holder.name}, NIF ${ana.holder.nif}`,
    );
    expect(result.stdout).toContain(`${ana.holder.organization} — ${ana.holder.position}`);
    expect(result.stdout).toContain('Emisor: AC SECTOR PUBLICO PRUEBAS');
    expect(result.stdout).toMatch(/clave EC P-384/);
    expect(result.stdout).toContain('Caducado.');
    expect(result.stdout).toContain('le falta el uso «no repudio»');
  });

  it('--json gives the same facts to scripts', () => {
    const result = despacho(['tokens', '--module', token.modulePath, '--json']);
    expect(result.status, result.stderr).toBe(0);
    const listed = JSON.parse(result.stdout) as {
      modules: { status: string }[];
      tokens: {
        label: string;
        pin: string;
        certificates: { id: string; holder: unknown; keyType: string }[];
      }[];
    };
    expect(listed.modules.map((module) => module.status)).toEqual(['loaded']);
    const [card] = listed.tokens;
    expect(card).toMatchObject({ label: token.tokenLabel, pin: 'ready' });
    const rsa3072 = card!.certificates.find((certificate) => certificate.id === token.keys.rsa3072.id);
    expect(rsa3072).toMatchObject({ holder: token.keys.rsa3072.holder, keyType: 'RSA-3072' });
  });

  it('speaks Valencian when asked', () => {
    const result = despacho(['tokens', '--module', token.modulePath], { lang: 'ca' });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`Targeta «${token.tokenLabel}»`);
    expect(result.stdout).toContain('PIN: correcte');
  });

  it('says which module path does not exist', () => {
    const result = despacho(['tokens', '--module', '/nonexistent/pkcs11.so']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Módulo /nonexistent/pkcs11.so: no existe');
    expect(result.stdout).toContain('No hay ninguna tarjeta ni token insertado.');
  });

  it('a module that crashes its process gives a clear message and exit code 4', () => {
    const { aborts } = buildBrokenModules(mkdtempSync(join(tmpdir(), 'despacho-broken-')));
    const result = despacho(['tokens', '--module', aborts]);
    expect(result.status).toBe(4);
    expect(result.stderr).toContain('El controlador de la tarjeta ha fallado y se ha cerrado.');
  });

  it('a module that hangs: says on stderr that the card is slow to answer, while it still waits', async () => {
    const { hangs } = buildBrokenModules(mkdtempSync(join(tmpdir(), 'despacho-broken-')));
    const result = await slowCard(
      ['tokens', '--module', hangs],
      `La tarjeta tarda en responder (módulo ${hangs}, buscando tarjetas). Despacho sigue esperándola`,
    );
    // The driver was then killed under it (unless the command gave up on it first): either way it
    // says so and ends.
    expect(result.status).toBe(4);
    expect(result.stderr).toMatch(/El controlador de la tarjeta (ha fallado y se ha cerrado|no responde)/);
    expect(result.stdout).toBe('');
  });

  it('rejects an unknown option with the usage line', () => {
    const result = despacho(['tokens', '--slot', '1']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Uso: despacho tokens [--module RUTA]... [--json]');
  });
});

describe('despacho sign through the token worker', () => {
  const sign = (pin: string, out: string, options: string[] = ['--cert-id', token.keys.ecP256.id]) => {
    const input = join(mkdtempSync(join(tmpdir(), 'despacho-in-')), 'resolucion.pdf');
    copyFileSync(classicPdf, input);
    return despacho(['sign', ...cardArgs(token, options), input, '--out', out], { input: `${pin}\n` });
  };

  it('a wrong PIN: exit 4, the reason in Spanish, nothing written, the PIN nowhere', () => {
    const out = mkdtempSync(join(tmpdir(), 'despacho-out-'));
    const wrong = '31415926535';
    const result = sign(wrong, out);
    expect(result.status).toBe(4);
    expect(result.stderr).toMatch(/PIN incorrecto/);
    expect(readdirSync(out)).toEqual([]);
    expect(result.output).not.toContain(wrong);
  });

  it('a card slow to answer: says so on stderr, in Valencian when asked, naming the card', async () => {
    const { hangs } = buildBrokenModules(mkdtempSync(join(tmpdir(), 'despacho-broken-')));
    const input = join(mkdtempSync(join(tmpdir(), 'despacho-in-')), 'resolucion.pdf');
    copyFileSync(classicPdf, input);
    const out = mkdtempSync(join(tmpdir(), 'despacho-out-'));
    const result = await slowCard(
      ['sign', ...cardArgs(token, ['--cert-id', token.keys.ecP256.id], hangs), input, '--out', out],
      `La targeta «${token.tokenLabel}» tarda a respondre (cercant targetes). Despacho continua esperant-la`,
      { input: `${token.userPin}\n`, lang: 'ca' },
    );
    expect(result.status).toBe(4);
    expect(readdirSync(out)).toEqual([]);
    expect(`${result.stdout}${result.stderr}`).not.toContain(token.userPin);
  });

  it('the right PIN: a valid PAdES signature with the holder and NIF, and the PIN nowhere', () => {
    const out = mkdtempSync(join(tmpdir(), 'despacho-out-'));
    const result = sign(token.userPin, out);
    expect(result.status, result.stderr).toBe(0);
    const signed = join(out, 'resolucion.pdf');
    expect(pdfsig(signed).valid).toEqual([true]);
    const verified = despacho(['verify', signed]);
    expect(verified.status, verified.output).toBe(0);
    const lucia = token.keys.ecP256.holder;
    expect(verified.stdout).toMatch(new RegExp(`${lucia.name}, NIF ${lucia.nif}`, 'i'));
    expect(`${result.output}${verified.output}`).not.toContain(token.userPin);
    expect(readFileSync(signed).includes(token.userPin)).toBe(false);
  });

  it('--rsa-pss --hash SHA-384 signs RSA-PSS over SHA-384, valid for pdfsig and openssl', () => {
    const out = mkdtempSync(join(tmpdir(), 'despacho-out-'));
    const options = ['--cert-id', token.keys.rsa3072.id, '--rsa-pss', '--hash', 'SHA-384'];
    const result = sign(token.userPin, out, options);
    expect(result.status, result.stderr).toBe(0);
    const signed = join(out, 'resolucion.pdf');
    expect(pdfsig(signed).valid).toEqual([true]);
    const [signature] = extractSignatures(signed);
    const checked = opensslCmsVerify(signature!, token.root.pem);
    expect(checked.ok, checked.text).toBe(true);
    const info = parseSignedData(signature!.cms).signerInfos[0]!;
    expect(info.signatureAlgorithmOid).toBe(Oid.rsaPss);
    expect(info.digestOid).toBe(Oid.sha384);
  });
});
