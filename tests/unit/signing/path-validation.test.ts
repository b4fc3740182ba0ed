import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkChain, issuerChain } from '../../../src/main/desk/crypto/chain';
import type { StoredCertificate, TrustStore } from '../../../src/main/desk/crypto/trust-store';
import {
  issueCa,
  issueSigner,
  signerSpecs,
  type CaOverrides,
  type IssuedCa,
} from '../../support/pki/test-pki';

/**
 * RFC 5280 path validation (PKI.js's engine plus our path-length check) on chains built to fail
 * one rule each: the chain check must say "invalid", never "valid" or "unknown".
 */
const day = 24 * 60 * 60 * 1000;
/** Each chain generates RSA keys: slow on a busy machine, so no test here races a clock. */
const generous = { timeout: 180_000 };
const now = new Date();
let serial = 100;

const stored = (ca: IssuedCa): StoredCertificate => {
  const certificate = new X509Certificate(ca.der);
  return { certificate, source: 'test', label: ca.name.at(-1)![1] };
};
const storeWith = (root: IssuedCa, intermediates: IssuedCa[] = []): TrustStore => ({
  anchors: [stored(root)],
  intermediates: intermediates.map(stored),
  training: [],
});

/** root → the given CAs in order → a signer; `issued` is when the signer's certificate was made. */
function chain(cas: Array<{ cn: string; overrides?: CaOverrides }>, issued = now) {
  const root = issueCa('AC RAIZ PRUEBAS CADENA', serial++, null, now);
  const below: IssuedCa[] = [];
  let issuer = root;
  for (const { cn, overrides } of cas) {
    issuer = issueCa(cn, serial++, issuer, now, overrides);
    below.push(issuer);
  }
  const signer = issueSigner(signerSpecs[0]!, issuer, serial++, issued);
  return { root, cas: below, signer: signer.certificate, carried: below.map((ca) => ca.der) };
}

describe('path validation', generous, () => {
  it('accepts a well-formed chain and names the anchor and the path', async () => {
    const { root, signer, carried } = chain([{ cn: 'AC INTERMEDIA' }]);
    const result = await checkChain(signer, carried, storeWith(root), now);
    expect(result).toMatchObject({ status: 'valid', anchor: 'AC RAIZ PRUEBAS CADENA', detail: null });
    expect(result.path).toHaveLength(3);
    expect(result.path[1]).toContain('CN=AC INTERMEDIA');
  });

  it('refuses an issuer without the CA flag', async () => {
    const { root, signer, carried } = chain([{ cn: 'AC SIN CA', overrides: { ca: false } }]);
    const result = await checkChain(signer, carried, storeWith(root), now);
    expect(result.status).toBe('invalid');
    expect(result.detail).toMatch(/not a CA/);
  });

  it('refuses an issuer whose key usage lacks keyCertSign', async () => {
    const { root, signer, carried } = chain([
      { cn: 'AC SIN KEYCERTSIGN', overrides: { keyUsage: ['cRLSign'] } },
    ]);
    const result = await checkChain(signer, carried, storeWith(root), now);
    expect(result.status).toBe('invalid');
    expect(result.detail).toMatch(/not a CA/);
  });

  it('refuses a path longer than an issuer allows, and accepts it when the constraint allows it', async () => {
    const tooLong = chain([
      { cn: 'AC NIVEL 1', overrides: { pathLength: 0 } },
      { cn: 'AC NIVEL 2', overrides: { pathLength: 0 } },
    ]);
    const refused = await checkChain(tooLong.signer, tooLong.carried, storeWith(tooLong.root), now);
    expect(refused.status).toBe('invalid');
    expect(refused.detail).toMatch(/path length constraint exceeded at .*AC NIVEL 2/);

    const allowed = chain([
      { cn: 'AC NIVEL 1', overrides: { pathLength: 1 } },
      { cn: 'AC NIVEL 2', overrides: { pathLength: 0 } },
    ]);
    expect((await checkChain(allowed.signer, allowed.carried, storeWith(allowed.root), now)).status).toBe(
      'valid',
    );
  });

  it('judges validity at the signing time: an intermediate expired then is invalid, one expired since is not', async () => {
    const expiredTenDaysAgo = {
      notBefore: new Date(now.getTime() - 3000 * day),
      notAfter: new Date(now.getTime() - 10 * day),
    };
    const { root, signer, carried } = chain(
      [{ cn: 'AC CADUCADA', overrides: expiredTenDaysAgo }],
      new Date(now.getTime() - 30 * day),
    );
    const signedYesterday = await checkChain(signer, carried, storeWith(root), new Date(now.getTime() - day));
    expect(signedYesterday.status).toBe('invalid');
    expect(signedYesterday.detail).toMatch(/not yet valid or expired/);
    const signedBefore = await checkChain(
      signer,
      carried,
      storeWith(root),
      new Date(now.getTime() - 20 * day),
    );
    expect(signedBefore.status).toBe('valid');
  });

  it('says "unknown" when no anchor is reachable, and builds the path through the store\'s intermediates', async () => {
    const { root, cas, signer } = chain([{ cn: 'AC INTERMEDIA' }]);
    expect((await checkChain(signer, [], storeWith(root), now)).status).toBe('unknown');
    expect((await checkChain(signer, [], storeWith(root, cas), now)).status).toBe('valid');
  });
});

describe('the chain a signature embeds', generous, () => {
  it('runs from the nearest issuer up to, not including, the root, whatever order the candidates come in', async () => {
    const { root, cas, signer } = chain([{ cn: 'AC NIVEL 1' }, { cn: 'AC NIVEL 2' }]);
    const candidates = [cas[0]!.der, root.der, cas[1]!.der];
    const embedded = await issuerChain(signer, candidates);
    expect(embedded.map((der) => Buffer.from(der).toString('hex'))).toEqual([
      Buffer.from(cas[1]!.der).toString('hex'),
      Buffer.from(cas[0]!.der).toString('hex'),
    ]);
  });

  it('leaves out a certificate that names the issuer but was not signed by it', async () => {
    const { cas, signer } = chain([{ cn: 'AC INTERMEDIA' }]);
    const impostor = chain([{ cn: 'AC INTERMEDIA' }]).cas[0]!;
    expect(await issuerChain(signer, [impostor.der])).toEqual([]);
    expect(await issuerChain(signer, [impostor.der, cas[0]!.der])).toHaveLength(1);
  });
});
