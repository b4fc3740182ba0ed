/**
 * The seam between the token worker (desk/tokens) and the signature builders (desk/signing):
 * one logged-in key for one batch. A software implementation serves unit tests; the PKCS#11
 * worker serves the app and the integration tests.
 */
export type HashAlgorithm = 'SHA-256' | 'SHA-384' | 'SHA-512';
export type SignatureScheme = 'rsa-pkcs1' | 'rsa-pss' | 'ecdsa';

export type KeyAlgorithm = { type: 'rsa'; bits: number } | { type: 'ec'; curve: 'P-256' | 'P-384' | 'P-521' };

export interface SignParams {
  hash: HashAlgorithm;
  scheme: SignatureScheme;
}

export interface SigningSession {
  /** The signer's certificate, DER. */
  readonly certificate: Uint8Array;
  /** Issuer chain known to the token or the trust store, DER, nearest issuer first; may be empty. */
  readonly chain: readonly Uint8Array[];
  readonly keyAlgorithm: KeyAlgorithm;
  /**
   * The key asks for the PIN before every signature (CKA_ALWAYS_AUTHENTICATE): the token worker
   * gives it the PIN typed for the batch each time, and the signer is told so before it starts.
   */
  readonly pinPerSignature?: boolean;
  /**
   * Signs `data` (for CMS: the DER `SET OF` signed attributes, a few hundred bytes) and returns the
   * value CMS stores: PKCS#1 v1.5 or PSS bytes for RSA, DER `SEQUENCE { r, s }` for ECDSA.
   */
  sign(data: Uint8Array, params: SignParams): Promise<Uint8Array>;
  /** Logs out and wipes the PIN; safe to call twice. */
  close(): Promise<void>;
}
