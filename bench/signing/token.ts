import { copyFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import type { SigningSessionRequest } from '../../src/main/desk/tokens/token-service';
import { createSoftHsmToken } from '../../tests/integration/signing/support/softhsm-token';
import { createTestCa, pemToDer } from '../../tests/unit/signing/support/test-ca';

/** A fresh token with one RSA-2048 public-employee key, and a directory holding its test root as anchor. */
export function createBenchToken(workDir: string): { card: SigningSessionRequest; caDir: string } {
  const ca = createTestCa('Despacho Bench');
  const leaf = ca.issue({ name: 'FIRMANTE BANCO DE PRUEBAS', key: 'rsa-2048' });
  const token = createSoftHsmToken(
    'Despacho Bench',
    '135790',
    [{ label: 'Firma', id: '0b', leaf }],
    [pemToDer(ca.intermediatePem)],
  );
  const caDir = mkdtempSync(join(workDir, 'anchors-'));
  copyFileSync(ca.rootFile, join(caDir, 'root.pem'));
  return {
    card: { module: token.module, token: token.label, key: { id: '0b' }, pin: token.pin },
    caDir,
  };
}
