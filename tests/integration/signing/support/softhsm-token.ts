import { execFileSync } from 'node:child_process';
import { createHash, createPublicKey, X509Certificate } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pkcs11js from 'pkcs11js';
import { concat, der, Tag } from '../../../../src/main/desk/signing/der';
import type { KeyAlgorithm, SigningSession } from '../../../../src/main/desk/signing-session';
import type { TestCa, TestLeaf } from '../../../unit/signing/support/test-ca';

export const softHsmModule = '/usr/lib/softhsm/libsofthsm2.so';

/**
 * A fresh SoftHSM2 token in its own directory (SOFTHSM2_CONF is set for this process and its
 * children), holding the given keys and certificates under their CKA_ID.
 */
export interface SoftHsmToken {
  module: string;
  label: string;
  pin: string;
  conf: string;
}

export function createSoftHsmToken(
  label: string,
  pin: string,
  keys: readonly { label: string; id: string; leaf: TestLeaf }[],
): SoftHsmToken {
  const dir = mkdtempSync(join(tmpdir(), 'despacho-softhsm-'));
  mkdirSync(join(dir, 'tokens'));
  const conf = join(dir, 'softhsm2.conf');
  writeFileSync(
    conf,
    `directories.tokendir = ${join(dir, 'tokens')}\nobjectstore.backend = file\nlog.level = ERROR\n`,
  );
  process.env.SOFTHSM2_CONF = conf;
  const env = { ...process.env, SOFTHSM2_CONF: conf };
  const run = (command: string, args: string[]) =>
    execFileSync(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  run('softhsm2-util', ['--init-token', '--free', '--label', label, '--so-pin', '12345678', '--pin', pin]);
  for (const key of keys) {
    const keyFile = join(dir, `${key.id}.key.pem`);
    const certFile = join(dir, `${key.id}.cert.der`);
    writeFileSync(keyFile, key.leaf.keyPem);
    writeFileSync(certFile, key.leaf.certDer);
    run('softhsm2-util', [
      '--import',
      keyFile,
      '--token',
      label,
      '--label',
      key.label,
      '--id',
      key.id,
      '--pin',
      pin,
    ]);
    run('pkcs11-tool', [
      '--module',
      softHsmModule,
      '--token-label',
      label,
      '--login',
      '--pin',
      pin,
      '--write-object',
      certFile,
      '--type',
      'cert',
      '--id',
      key.id,
      '--label',
      key.label,
    ]);
  }
  return { module: softHsmModule, label, pin, conf };
}

function attribute(pkcs11: pkcs11js.PKCS11, session: Buffer, object: Buffer, type: number): Buffer {
  const [found] = pkcs11.C_GetAttributeValue(session, object, [{ type }]);
  return found!.value as Buffer;
}

function findOne(pkcs11: pkcs11js.PKCS11, session: Buffer, template: pkcs11js.Template): Buffer {
  pkcs11.C_FindObjectsInit(session, template);
  const found = pkcs11.C_FindObjects(session, 2);
  pkcs11.C_FindObjectsFinal(session);
  if (found.length !== 1) throw new Error(`expected one object, found ${found.length}`);
  return found[0]!;
}

/** Raw ECDSA r‖s from the token to the DER SEQUENCE { r, s } CMS stores. */
function ecdsaToDer(raw: Buffer): Uint8Array {
  const half = raw.length / 2;
  const integer = (bytes: Buffer) => {
    let start = 0;
    while (start < bytes.length - 1 && bytes[start] === 0) start++;
    const trimmed = bytes.subarray(start);
    return der(Tag.integer, trimmed[0]! & 0x80 ? concat([Uint8Array.of(0), trimmed]) : trimmed);
  };
  return der(Tag.sequence, integer(raw.subarray(0, half)), integer(raw.subarray(half)));
}

const rsaMechanism = {
  'SHA-256': pkcs11js.CKM_SHA256_RSA_PKCS,
  'SHA-384': pkcs11js.CKM_SHA384_RSA_PKCS,
  'SHA-512': pkcs11js.CKM_SHA512_RSA_PKCS,
} as const;

/**
 * A SigningSession straight over pkcs11js on the SoftHSM2 token, for the integration tests and the
 * bench while the token worker (src/main/desk/tokens) is not there: one login, CKA_ID lookup,
 * CKM_SHA256_RSA_PKCS / CKM_ECDSA.
 */
export function openSoftHsmSession(
  token: SoftHsmToken,
  keyId: string,
  chain: readonly Uint8Array[],
): SigningSession {
  const pkcs11 = new pkcs11js.PKCS11();
  pkcs11.load(token.module);
  pkcs11.C_Initialize({ flags: pkcs11js.CKF_OS_LOCKING_OK });
  const slot = pkcs11
    .C_GetSlotList(true)
    .find((candidate) => pkcs11.C_GetTokenInfo(candidate).label.trim() === token.label);
  if (!slot) throw new Error(`no token ${token.label}`);
  const session = pkcs11.C_OpenSession(slot, pkcs11js.CKF_SERIAL_SESSION | pkcs11js.CKF_RW_SESSION);
  pkcs11.C_Login(session, pkcs11js.CKU_USER, token.pin);
  const id = Buffer.from(keyId, 'hex');
  const certificate = new Uint8Array(
    attribute(
      pkcs11,
      session,
      findOne(pkcs11, session, [
        { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_CERTIFICATE },
        { type: pkcs11js.CKA_ID, value: id },
      ]),
      pkcs11js.CKA_VALUE,
    ),
  );
  const key = findOne(pkcs11, session, [
    { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_PRIVATE_KEY },
    { type: pkcs11js.CKA_ID, value: id },
  ]);
  const publicKey = createPublicKey(
    new X509Certificate(certificate).publicKey.export({ format: 'pem', type: 'spki' }),
  );
  const details = publicKey.asymmetricKeyDetails ?? {};
  const keyAlgorithm: KeyAlgorithm =
    publicKey.asymmetricKeyType === 'ec'
      ? { type: 'ec', curve: details.namedCurve === 'secp384r1' ? 'P-384' : 'P-256' }
      : { type: 'rsa', bits: details.modulusLength ?? 2048 };
  let open = true;
  return {
    certificate,
    chain,
    keyAlgorithm,
    async sign(data, params) {
      const out = Buffer.alloc(1024);
      if (keyAlgorithm.type === 'ec') {
        const digest = createHash(params.hash.replace('-', '').toLowerCase()).update(data).digest();
        pkcs11.C_SignInit(session, { mechanism: pkcs11js.CKM_ECDSA }, key);
        return ecdsaToDer(Buffer.from(pkcs11.C_Sign(session, digest, out)));
      }
      pkcs11.C_SignInit(session, { mechanism: rsaMechanism[params.hash] }, key);
      return new Uint8Array(pkcs11.C_Sign(session, Buffer.from(data), out));
    },
    async close() {
      if (!open) return;
      open = false;
      pkcs11.C_Logout(session);
      pkcs11.C_CloseSession(session);
      pkcs11.C_Finalize();
    },
  };
}
