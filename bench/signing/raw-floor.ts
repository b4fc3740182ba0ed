import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pkcs11js from 'pkcs11js';

/** What the raw floor signs with: the card's module, its label, the key's CKA_ID (hex) and the PIN. */
export interface FloorConfig {
  module: string;
  token: string;
  keyId: string;
  pin: string;
  files: string[];
}

/**
 * The floor of any signing batch: in this very process, straight through pkcs11js (no token worker,
 * no PDF work, nothing written), one login and, per file, a SHA-256 of it and one C_Sign. Returns
 * the milliseconds from loading the module to the last signature.
 */
export function signRawFloor(config: FloorConfig): number {
  const started = performance.now();
  const pkcs11 = new pkcs11js.PKCS11();
  pkcs11.load(config.module);
  pkcs11.C_Initialize();
  try {
    const slot = pkcs11
      .C_GetSlotList(true)
      .find((candidate) => pkcs11.C_GetTokenInfo(candidate).label.trim() === config.token);
    if (!slot) throw new Error(`no token labelled ${config.token}`);
    const session = pkcs11.C_OpenSession(slot, pkcs11js.CKF_SERIAL_SESSION);
    pkcs11.C_Login(session, pkcs11js.CKU_USER, config.pin);
    pkcs11.C_FindObjectsInit(session, [
      { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_PRIVATE_KEY },
      { type: pkcs11js.CKA_ID, value: Buffer.from(config.keyId, 'hex') },
    ]);
    const [key] = pkcs11.C_FindObjects(session, 1);
    pkcs11.C_FindObjectsFinal(session);
    if (!key) throw new Error(`no private key with id ${config.keyId}`);
    for (const file of config.files) {
      const digest = createHash('sha256').update(readFileSync(file)).digest();
      pkcs11.C_SignInit(session, { mechanism: pkcs11js.CKM_SHA256_RSA_PKCS }, key);
      pkcs11.C_Sign(session, digest, Buffer.alloc(1024));
    }
    const elapsed = performance.now() - started;
    pkcs11.C_Logout(session);
    pkcs11.C_CloseSession(session);
    return elapsed;
  } finally {
    pkcs11.C_Finalize();
  }
}
