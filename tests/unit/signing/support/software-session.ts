import { createPrivateKey } from 'node:crypto';
import { softwareKeySession } from '../../../../src/main/desk/crypto/software-key-session';
import type { SignParams, SigningSession } from '../../../../src/main/desk/signing-session';
import { pemToDer, type TestCa, type TestLeaf } from './test-ca';

/**
 * A SigningSession over a node:crypto key: the test double at the card edge, counting its
 * signatures and refusing any once closed. Its card holds the intermediate CA unless `chain` says
 * otherwise (many real cards hold only the signer's certificate).
 */
export function softwareSession(
  ca: TestCa,
  leaf: TestLeaf,
  chain: readonly Uint8Array[] = [pemToDer(ca.intermediatePem)],
): SigningSession & { signCount: () => number } {
  const session = softwareKeySession(createPrivateKey(leaf.keyPem), leaf.certDer, chain);
  let count = 0;
  let closed = false;
  return {
    ...session,
    async sign(data: Uint8Array, params: SignParams) {
      if (closed) throw new Error('session closed');
      count++;
      return session.sign(data, params);
    },
    async close() {
      closed = true;
    },
    signCount: () => count,
  };
}
