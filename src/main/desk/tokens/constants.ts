/**
 * The PKCS#11 numbers both sides of the worker need. The desk side must not import pkcs11js (it
 * would load the native module into the main process), so the values live here, from the
 * PKCS#11 v2.40 headers.
 */
export const CKR = {
  OK: 0x00,
  GENERAL_ERROR: 0x05,
  FUNCTION_FAILED: 0x06,
  DEVICE_ERROR: 0x30,
  DEVICE_REMOVED: 0x32,
  FUNCTION_CANCELED: 0x50,
  KEY_TYPE_INCONSISTENT: 0x63,
  KEY_FUNCTION_NOT_PERMITTED: 0x68,
  MECHANISM_INVALID: 0x70,
  MECHANISM_PARAM_INVALID: 0x71,
  PIN_INCORRECT: 0xa0,
  PIN_INVALID: 0xa1,
  PIN_LEN_RANGE: 0xa2,
  PIN_EXPIRED: 0xa3,
  PIN_LOCKED: 0xa4,
  SESSION_CLOSED: 0xb0,
  SESSION_HANDLE_INVALID: 0xb3,
  TOKEN_NOT_PRESENT: 0xe0,
  TOKEN_NOT_RECOGNIZED: 0xe1,
  USER_ALREADY_LOGGED_IN: 0x100,
  USER_NOT_LOGGED_IN: 0x101,
  USER_PIN_NOT_INITIALIZED: 0x102,
  CRYPTOKI_NOT_INITIALIZED: 0x190,
  CRYPTOKI_ALREADY_INITIALIZED: 0x191,
} as const;

/** CK_TOKEN_INFO flags. */
export const CKF_TOKEN = {
  LOGIN_REQUIRED: 0x4,
  USER_PIN_INITIALIZED: 0x8,
  PROTECTED_AUTHENTICATION_PATH: 0x100,
  TOKEN_INITIALIZED: 0x400,
  USER_PIN_COUNT_LOW: 0x10000,
  USER_PIN_FINAL_TRY: 0x20000,
  USER_PIN_LOCKED: 0x40000,
  USER_PIN_TO_BE_CHANGED: 0x80000,
} as const;

export const CKF_SERIAL_SESSION = 0x4;
export const CKF_OS_LOCKING_OK = 0x2;
export const CKU_USER = 1;
export const CKU_CONTEXT_SPECIFIC = 2;

export const CKO_CERTIFICATE = 1;
export const CKO_PRIVATE_KEY = 3;
export const CKC_X_509 = 0;

export const CKA = {
  CLASS: 0x0,
  LABEL: 0x3,
  VALUE: 0x11,
  CERTIFICATE_TYPE: 0x80,
  KEY_TYPE: 0x100,
  ID: 0x102,
  SIGN: 0x108,
  ALWAYS_AUTHENTICATE: 0x202,
} as const;

export const CKM = {
  RSA_PKCS: 0x1,
  RSA_PKCS_PSS: 0xd,
  SHA256_RSA_PKCS: 0x40,
  SHA384_RSA_PKCS: 0x41,
  SHA512_RSA_PKCS: 0x42,
  SHA256_RSA_PKCS_PSS: 0x43,
  SHA384_RSA_PKCS_PSS: 0x44,
  SHA512_RSA_PKCS_PSS: 0x45,
  SHA256: 0x250,
  SHA384: 0x260,
  SHA512: 0x270,
  ECDSA: 0x1041,
  ECDSA_SHA256: 0x1044,
  ECDSA_SHA384: 0x1045,
  ECDSA_SHA512: 0x1046,
} as const;

export const CKG_MGF1 = { SHA256: 0x2, SHA384: 0x3, SHA512: 0x4 } as const;

/** The only mechanisms the worker agrees to sign with. */
export const signatureMechanisms: ReadonlySet<number> = new Set([
  CKM.RSA_PKCS,
  CKM.RSA_PKCS_PSS,
  CKM.SHA256_RSA_PKCS,
  CKM.SHA384_RSA_PKCS,
  CKM.SHA512_RSA_PKCS,
  CKM.SHA256_RSA_PKCS_PSS,
  CKM.SHA384_RSA_PKCS_PSS,
  CKM.SHA512_RSA_PKCS_PSS,
  CKM.ECDSA,
  CKM.ECDSA_SHA256,
  CKM.ECDSA_SHA384,
  CKM.ECDSA_SHA512,
]);

const ckrNames = new Map<number, string>(Object.entries(CKR).map(([name, value]) => [value, `CKR_${name}`]));

/** `CKR_PIN_INCORRECT`, or the hex value for codes this file does not name. */
export const ckrName = (rv: number): string =>
  ckrNames.get(rv) ?? `CKR_0x${rv.toString(16).padStart(8, '0')}`;
