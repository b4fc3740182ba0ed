import { createHash, X509Certificate } from 'node:crypto';
import pkcs11js from 'pkcs11js';
import type { HashAlgorithm, KeyAlgorithm, SignParams, SigningSession } from '../signing-session';
import { nodeHashName } from './cms/algorithms';
import { concat, der, Tag } from './der';
import { SigningError } from './errors';

export type CardKey = { id: string } | { label: string };

export interface CardSessionRequest {
  module: string;
  tokenLabel: string;
  key: CardKey;
  pin: string;
}

const rsaMechanism: Record<HashAlgorithm, number> = {
  'SHA-256': pkcs11js.CKM_SHA256_RSA_PKCS,
  'SHA-384': pkcs11js.CKM_SHA384_RSA_PKCS,
  'SHA-512': pkcs11js.CKM_SHA512_RSA_PKCS,
};
const pssMechanism: Record<HashAlgorithm, [mechanism: number, hash: number, mgf: number]> = {
  'SHA-256': [pkcs11js.CKM_SHA256_RSA_PKCS_PSS, pkcs11js.CKM_SHA256, pkcs11js.CKG_MGF1_SHA256],
  'SHA-384': [pkcs11js.CKM_SHA384_RSA_PKCS_PSS, pkcs11js.CKM_SHA384, pkcs11js.CKG_MGF1_SHA384],
  'SHA-512': [pkcs11js.CKM_SHA512_RSA_PKCS_PSS, pkcs11js.CKM_SHA512, pkcs11js.CKG_MGF1_SHA512],
};
/** DER DigestInfo prefixes, for cards that only offer CKM_RSA_PKCS (never sign a bare hash). */
const digestInfoPrefix: Record<HashAlgorithm, string> = {
  'SHA-256': '3031300d060960864801650304020105000420',
  'SHA-384': '3041300d060960864801650304020205000430',
  'SHA-512': '3051300d060960864801650304020305000440',
};

/** Raw ECDSA r‖s from the token to the DER SEQUENCE { r, s } that CMS stores. */
export function ecdsaRawToDer(raw: Uint8Array): Uint8Array {
  const half = raw.length / 2;
  const integer = (bytes: Uint8Array) => {
    let start = 0;
    while (start < bytes.length - 1 && bytes[start] === 0) start++;
    const trimmed = bytes.subarray(start);
    return der(Tag.integer, trimmed[0]! & 0x80 ? concat([Uint8Array.of(0), trimmed]) : trimmed);
  };
  return der(Tag.sequence, integer(raw.subarray(0, half)), integer(raw.subarray(half)));
}

const removalCodes = new Set([
  'CKR_DEVICE_REMOVED',
  'CKR_TOKEN_NOT_PRESENT',
  'CKR_SESSION_HANDLE_INVALID',
  'CKR_SESSION_CLOSED',
  'CKR_DEVICE_ERROR',
]);

/** PKCS#11 failures as messages the user can act on; the PIN is never part of them. */
export function describeTokenError(error: unknown): SigningError {
  if (error instanceof SigningError) return error;
  const code = /CKR_[A-Z_]+/.exec(error instanceof Error ? error.message : String(error))?.[0] ?? '';
  if (code === 'CKR_PIN_INCORRECT')
    return new SigningError('token', 'signing.token.pinIncorrect', {}, { cause: error });
  if (code === 'CKR_PIN_LOCKED')
    return new SigningError('token', 'signing.token.pinLocked', {}, { cause: error });
  if (removalCodes.has(code)) return new SigningError('token', 'signing.token.removed', {}, { cause: error });
  return new SigningError(
    'token',
    'signing.token.failed',
    { message: code || (error instanceof Error ? error.message : String(error)) },
    { cause: error },
  );
}

function attribute(pkcs11: pkcs11js.PKCS11, session: Buffer, object: Buffer, type: number): Buffer | null {
  try {
    const [found] = pkcs11.C_GetAttributeValue(session, object, [{ type }]);
    return (found?.value as Buffer | undefined) ?? null;
  } catch {
    return null;
  }
}

function find(pkcs11: pkcs11js.PKCS11, session: Buffer, template: pkcs11js.Template): Buffer[] {
  pkcs11.C_FindObjectsInit(session, template);
  const found = pkcs11.C_FindObjects(session, 64);
  pkcs11.C_FindObjectsFinal(session);
  return found;
}

function keyAlgorithmOf(certificate: X509Certificate): KeyAlgorithm {
  const key = certificate.publicKey;
  const details = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === 'ec')
    return {
      type: 'ec',
      curve:
        details.namedCurve === 'secp384r1' ? 'P-384' : details.namedCurve === 'secp521r1' ? 'P-521' : 'P-256',
    };
  return { type: 'rsa', bits: details.modulusLength ?? 2048 };
}

/** The issuers of `leaf` among the certificates the token holds, nearest first. */
function chainOnToken(leaf: X509Certificate, others: readonly X509Certificate[]): Uint8Array[] {
  const chain: Uint8Array[] = [];
  let current = leaf;
  for (let depth = 0; depth < 8; depth++) {
    const issuer = others.find(
      (candidate) =>
        !candidate.raw.equals(current.raw) &&
        current.checkIssued(candidate) &&
        candidate.subject !== candidate.issuer,
    );
    if (!issuer) break;
    chain.push(new Uint8Array(issuer.raw));
    current = issuer;
  }
  return chain;
}

/**
 * One logged-in key for one batch, over a PKCS#11 module loaded in this process (the `despacho`
 * command is a process of its own). The certificate and the private key are matched by CKA_ID;
 * no match or several is an error, never a silent first pick.
 */
export async function openCardSession(request: CardSessionRequest): Promise<SigningSession> {
  const pkcs11 = new pkcs11js.PKCS11();
  let pin = request.pin;
  let session: Buffer | null = null;
  try {
    pkcs11.load(request.module);
  } catch (error) {
    throw new SigningError('token', 'signing.token.module', { module: request.module }, { cause: error });
  }
  try {
    pkcs11.C_Initialize({ flags: pkcs11js.CKF_OS_LOCKING_OK });
    const slot = pkcs11
      .C_GetSlotList(true)
      .find((candidate) => pkcs11.C_GetTokenInfo(candidate).label.trim() === request.tokenLabel);
    if (!slot) throw new SigningError('token', 'signing.token.notFound', { token: request.tokenLabel });
    const mechanisms = new Set(pkcs11.C_GetMechanismList(slot));
    session = pkcs11.C_OpenSession(slot, pkcs11js.CKF_SERIAL_SESSION);
    pkcs11.C_Login(session, pkcs11js.CKU_USER, pin);

    const selector =
      'id' in request.key
        ? { type: pkcs11js.CKA_ID, value: Buffer.from(request.key.id, 'hex') }
        : { type: pkcs11js.CKA_LABEL, value: request.key.label };
    const certificates = find(pkcs11, session, [
      { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_CERTIFICATE },
      selector,
    ]);
    if (certificates.length !== 1)
      throw new SigningError('token', 'signing.token.keyNotFound', { count: certificates.length });
    const certificateDer = attribute(pkcs11, session, certificates[0]!, pkcs11js.CKA_VALUE)!;
    const id = attribute(pkcs11, session, certificates[0]!, pkcs11js.CKA_ID)!;
    const keys = find(pkcs11, session, [
      { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_PRIVATE_KEY },
      { type: pkcs11js.CKA_ID, value: id },
    ]);
    if (keys.length !== 1)
      throw new SigningError('token', 'signing.token.keyNotFound', { count: keys.length });
    const key = keys[0]!;
    const alwaysAuthenticate = attribute(pkcs11, session, key, pkcs11js.CKA_ALWAYS_AUTHENTICATE)?.[0] === 1;
    if (!alwaysAuthenticate) pin = '';

    const leaf = new X509Certificate(certificateDer);
    const others = find(pkcs11, session, [{ type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_CERTIFICATE }])
      .map((handle) => attribute(pkcs11, session!, handle, pkcs11js.CKA_VALUE))
      .filter((value): value is Buffer => value !== null)
      .map((value) => new X509Certificate(value));
    const keyAlgorithm = keyAlgorithmOf(leaf);
    const openSession = session;
    let open = true;

    const signInit = (mechanism: pkcs11js.Mechanism) => {
      pkcs11.C_SignInit(openSession, mechanism, key);
      if (alwaysAuthenticate) pkcs11.C_Login(openSession, pkcs11js.CKU_CONTEXT_SPECIFIC, pin);
    };
    const sign = (data: Uint8Array, params: SignParams): Uint8Array => {
      const out = Buffer.alloc(1024);
      if (keyAlgorithm.type === 'ec') {
        signInit({ mechanism: pkcs11js.CKM_ECDSA });
        return ecdsaRawToDer(
          pkcs11.C_Sign(openSession, createHash(nodeHashName[params.hash]).update(data).digest(), out),
        );
      }
      if (params.scheme === 'rsa-pss') {
        const [mechanism, hashAlg, mgf] = pssMechanism[params.hash];
        signInit({
          mechanism,
          parameter: {
            type: pkcs11js.CK_PARAMS_RSA_PSS,
            hashAlg,
            mgf,
            saltLen: createHash(nodeHashName[params.hash]).digest().length,
          } as pkcs11js.RsaPSS,
        });
        return new Uint8Array(pkcs11.C_Sign(openSession, Buffer.from(data), out));
      }
      if (mechanisms.has(rsaMechanism[params.hash])) {
        signInit({ mechanism: rsaMechanism[params.hash] });
        return new Uint8Array(pkcs11.C_Sign(openSession, Buffer.from(data), out));
      }
      signInit({ mechanism: pkcs11js.CKM_RSA_PKCS });
      const digestInfo = Buffer.concat([
        Buffer.from(digestInfoPrefix[params.hash], 'hex'),
        createHash(nodeHashName[params.hash]).update(data).digest(),
      ]);
      return new Uint8Array(pkcs11.C_Sign(openSession, digestInfo, out));
    };

    return {
      certificate: new Uint8Array(certificateDer),
      chain: chainOnToken(leaf, others),
      keyAlgorithm,
      async sign(data, params) {
        if (!open) throw new SigningError('token', 'signing.token.removed');
        try {
          return sign(data, params);
        } catch (error) {
          throw describeTokenError(error);
        }
      },
      async close() {
        if (!open) return;
        open = false;
        pin = '';
        for (const step of [
          () => pkcs11.C_Logout(openSession),
          () => pkcs11.C_CloseSession(openSession),
          () => pkcs11.C_Finalize(),
        ]) {
          try {
            step();
          } catch {
            // A removed card cannot log out; the handles are dropped either way.
          }
        }
      },
    };
  } catch (error) {
    pin = '';
    if (session) {
      try {
        pkcs11.C_CloseSession(session);
      } catch {
        // The session may already be gone with the card.
      }
    }
    try {
      pkcs11.C_Finalize();
    } catch {
      // Not initialized: nothing to finalize.
    }
    throw describeTokenError(error);
  }
}
