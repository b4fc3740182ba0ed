import { constants, createPrivateKey, sign } from 'node:crypto';
import type { KeyAlgorithm, SignParams, SigningSession } from '../../../../src/main/desk/signing-session';
import { pemToDer, type TestCa, type TestLeaf } from './test-ca';

const nodeHash = { 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' } as const;

/**
 * A SigningSession over a node:crypto key: the test double at the card edge. Its card holds the
 * intermediate CA unless `chain` says otherwise (many real cards hold only the signer's certificate).
 */
export function softwareSession(
  ca: TestCa,
  leaf: TestLeaf,
  chain: readonly Uint8Array[] = [pemToDer(ca.intermediatePem)],
): SigningSession & { signCount: () => number } {
  const key = createPrivateKey(leaf.keyPem);
  const details = key.asymmetricKeyDetails ?? {};
  const keyAlgorithm: KeyAlgorithm =
    key.asymmetricKeyType === 'ec'
      ? { type: 'ec', curve: details.namedCurve === 'secp384r1' ? 'P-384' : 'P-256' }
      : { type: 'rsa', bits: details.modulusLength ?? 2048 };
  let count = 0;
  let closed = false;
  return {
    certificate: leaf.certDer,
    chain,
    keyAlgorithm,
    async sign(data: Uint8Array, params: SignParams) {
      if (closed) throw new Error('session closed');
      count++;
      if (params.scheme === 'rsa-pss') {
        return new Uint8Array(
          sign(nodeHash[params.hash], data, {
            key,
            padding: constants.RSA_PKCS1_PSS_PADDING,
            saltLength: Number(params.hash.slice(4)) / 8,
          }),
        );
      }
      return new Uint8Array(sign(nodeHash[params.hash], data, key));
    },
    async close() {
      closed = true;
    },
    signCount: () => count,
  };
}
