import { createPublicKey, verify, X509Certificate } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeTokenWorkerLauncher } from '../../../src/main/desk/tokens/node-launcher';
import { openTokenService, type TokenService } from '../../../src/main/desk/tokens/token-service';
import type { HashAlgorithm, SignParams } from '../../../src/main/desk/signing-session';
import { signBatch } from '../../../src/main/desk/signing/batch';
import { resolutionPdf } from '../../support/pdfs/fixtures';
import { loadTestToken, type TestToken, type TestKeyName } from '../../support/softhsm';

let token: TestToken;
let service: TokenService;

beforeAll(() => {
  token = loadTestToken();
  service = openTokenService({ launch: nodeTokenWorkerLauncher(), modules: [token.modulePath] });
});
afterAll(() => service.close());

const nodeHash: Record<HashAlgorithm, string> = {
  'SHA-256': 'sha256',
  'SHA-384': 'sha384',
  'SHA-512': 'sha512',
};

function openKey(name: TestKeyName, pin: string | null = token.userPin) {
  return service.openSigningSession({
    module: token.modulePath,
    token: token.tokenLabel,
    key: { id: token.keys[name].id },
    pin,
  });
}

/** The signature the token made, checked with the certificate's public key by node:crypto. */
function expectVerifies(
  certificate: Uint8Array,
  data: Uint8Array,
  signature: Uint8Array,
  params: SignParams,
) {
  const key = createPublicKey(
    new X509Certificate(certificate).publicKey.export({ type: 'spki', format: 'pem' }),
  );
  const options =
    params.scheme === 'rsa-pss'
      ? {
          key,
          padding: 6 /* RSA_PKCS1_PSS_PADDING */,
          saltLength: { 'SHA-256': 32, 'SHA-384': 48, 'SHA-512': 64 }[params.hash],
        }
      : params.scheme === 'ecdsa'
        ? { key, dsaEncoding: 'der' as const }
        : { key };
  expect(verify(nodeHash[params.hash], data, options, signature)).toBe(true);
}

describe('token service on the SoftHSM2 token, through the worker process', () => {
  it('lists the token with its PIN state and the module that holds it', async () => {
    const list = await service.listTokens();
    expect(list.modules).toEqual([expect.objectContaining({ path: token.modulePath, status: 'loaded' })]);
    const found = list.tokens.filter((candidate) => candidate.label === token.tokenLabel);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ pin: 'ready', pinPad: false, manufacturer: 'SoftHSM project' });
  });

  it('reports a module path that does not exist as missing, next to the real one', async () => {
    const list = await service.listTokens(['/nonexistent/libpkcs11.so', token.modulePath]);
    expect(list.modules.map((module) => module.status)).toEqual(['missing', 'loaded']);
    expect(list.tokens.some((candidate) => candidate.label === token.tokenLabel)).toBe(true);
  });

  it('describes every certificate: holder, NIF, organisation, position, issuer, validity, usage, key type', async () => {
    const [listed] = (await service.listTokens()).tokens.filter(
      (candidate) => candidate.label === token.tokenLabel,
    );
    const certificates = await service.listCertificates(listed!);
    const byId = new Map(certificates.map((certificate) => [certificate.id, certificate]));
    for (const name of ['rsa2048', 'rsa3072', 'ecP256', 'ecP384'] as const) {
      const key = token.keys[name];
      const described = byId.get(key.id)!;
      expect(described.holder).toEqual(key.holder);
      expect(described.issuer).toBe('AC SECTOR PUBLICO PRUEBAS');
      expect(described.keyUsage).toContain('nonRepudiation');
      expect(described.notBefore.getTime()).toBeLessThan(Date.now());
      expect(described.notAfter.getTime()).toBeGreaterThan(Date.now());
      expect(Buffer.from(described.der)).toEqual(readFileSync(key.certificate.der));
    }
    expect(byId.get(token.keys.rsa2048.id)!.keyType).toBe('RSA-2048');
    expect(byId.get(token.keys.rsa3072.id)!.keyType).toBe('RSA-3072');
    expect(byId.get(token.keys.ecP256.id)!.keyType).toBe('EC P-256');
    expect(byId.get(token.keys.ecP384.id)!.keyType).toBe('EC P-384');
    expect(byId.get(token.keys.rsaNoNonRepudiation.id)!.keyUsage).not.toContain('nonRepudiation');
    expect(byId.get(token.keys.rsaExpired.id)!.notAfter.getTime()).toBeLessThan(Date.now());
  });

  it.each([
    ['rsa2048', { hash: 'SHA-256', scheme: 'rsa-pkcs1' }],
    ['rsa2048', { hash: 'SHA-384', scheme: 'rsa-pkcs1' }],
    ['rsa2048', { hash: 'SHA-512', scheme: 'rsa-pkcs1' }],
    ['rsa3072', { hash: 'SHA-256', scheme: 'rsa-pkcs1' }],
    ['rsa2048', { hash: 'SHA-256', scheme: 'rsa-pss' }],
    ['rsa3072', { hash: 'SHA-512', scheme: 'rsa-pss' }],
    ['ecP256', { hash: 'SHA-256', scheme: 'ecdsa' }],
    ['ecP384', { hash: 'SHA-384', scheme: 'ecdsa' }],
  ] as const)('%s signs with %o, key matched to its certificate by CKA_ID', async (name, params) => {
    const session = await openKey(name);
    try {
      expect(Buffer.from(session.certificate)).toEqual(readFileSync(token.keys[name].certificate.der));
      expect(session.chain.map((der) => Buffer.from(der))).toEqual([readFileSync(token.intermediate.der)]);
      const data = new TextEncoder().encode(`atributos firmados ${name} ${params.hash}`);
      expectVerifies(session.certificate, data, await session.sign(data, params), params);
    } finally {
      await session.close();
    }
  });

  it('logs in again before every signature for a key with CKA_ALWAYS_AUTHENTICATE', async () => {
    const session = await openKey('rsaAlwaysAuth');
    try {
      const params = { hash: 'SHA-256', scheme: 'rsa-pkcs1' } as const;
      for (const text of ['primera', 'segunda', 'tercera']) {
        const data = new TextEncoder().encode(text);
        expectVerifies(session.certificate, data, await session.sign(data, params), params);
      }
    } finally {
      await session.close();
    }
  });

  it('says the PIN is wrong with the tries the card reports left, and the right PIN still works', async () => {
    // SoftHSM2 raises CKF_USER_PIN_COUNT_LOW after a failed login and clears it after a good one.
    await expect(openKey('rsa2048', '0000')).rejects.toMatchObject({ code: 'pin_incorrect_low' });
    const pinState = async () =>
      (await service.listTokens()).tokens.find((candidate) => candidate.label === token.tokenLabel)!.pin;
    expect(await pinState()).toBe('countLow');
    const session = await openKey('rsa2048');
    await session.close();
    expect(await pinState()).toBe('ready');
  });

  it('asks for a PIN rather than trying an empty one', async () => {
    await expect(openKey('rsa2048', null)).rejects.toMatchObject({ code: 'pin_required' });
  });

  it('refuses to pick a key when none or several match, instead of the first one', async () => {
    await expect(openKey('certWithoutKey')).rejects.toMatchObject({ code: 'key_not_found' });
    await expect(openKey('rsaAmbiguous')).rejects.toMatchObject({
      code: 'key_ambiguous',
      params: { count: 2 },
    });
    await expect(
      service.openSigningSession({
        module: token.modulePath,
        token: token.tokenLabel,
        key: { label: 'No existe' },
        pin: token.userPin,
      }),
    ).rejects.toMatchObject({ code: 'key_not_found' });
  });

  it.each([
    [
      'a token label no card has',
      { token: 'OTRA TARJETA' },
      { code: 'token_not_found', params: { token: 'OTRA TARJETA' } },
    ],
    ['a module path that does not exist', { module: '/nonexistent/lib.so' }, { code: 'module_not_found' }],
    ['a file that is not a PKCS#11 module', { module: '/etc/hostname' }, { code: 'module_load_failed' }],
  ])('names what it could not find: %s', async (_case, change, expected) => {
    const request = {
      module: token.modulePath,
      token: token.tokenLabel,
      key: { id: 'a1' },
      pin: token.userPin,
    };
    await expect(service.openSigningSession({ ...request, ...change })).rejects.toMatchObject(expected);
  });

  it('refuses a second batch on a card that is signing one, so no PIN goes unchecked', async () => {
    const first = await openKey('rsa2048');
    // Login belongs to the token: a second C_Login would say "already logged in" without checking.
    await expect(openKey('ecP256', '0000')).rejects.toMatchObject({ code: 'token_busy' });
    const data = new TextEncoder().encode('sigue abierta');
    const params = { hash: 'SHA-256', scheme: 'rsa-pkcs1' } as const;
    expectVerifies(first.certificate, data, await first.sign(data, params), params);
    await first.close();
    await expect(first.sign(data, params)).rejects.toMatchObject({ code: 'session_closed' });
    const second = await openKey('ecP256');
    await second.close();
  });

  it.each([
    ['rsaNoNonRepudiation', 'signing.certificate.noNonRepudiation'],
    ['rsaExpired', 'signing.certificate.expired'],
  ] as const)(
    'refuses %s from the certificate alone: no PIN tried, nothing written',
    async (name, reason) => {
      const input = join(mkdtempSync(join(tmpdir(), 'despacho-in-')), 'resolucion.pdf');
      writeFileSync(input, await resolutionPdf());
      const outDir = mkdtempSync(join(tmpdir(), 'despacho-out-'));
      // A wrong PIN: had it been tried, the refusal would be about the PIN.
      const request = {
        module: token.modulePath,
        token: token.tokenLabel,
        key: { id: token.keys[name].id },
        pin: '0000',
      };
      const outcome = await signBatch({
        files: [input],
        outDir,
        openSession: (checkCertificate) => service.openSigningSession(request, checkCertificate),
      });
      expect(outcome).toMatchObject({ status: 'refused', error: { kind: 'certificate', key: reason } });
      expect(readdirSync(outDir)).toEqual([]);
      const listed = (await service.listTokens()).tokens.find(
        (candidate) => candidate.label === token.tokenLabel,
      );
      expect(listed!.pin).toBe('ready');
    },
  );
});
