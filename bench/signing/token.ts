import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import type { SigningSessionRequest } from '../../src/main/desk/tokens/token-service';
import { createTestToken } from '../../tests/support/softhsm';

export interface BenchToken {
  card: SigningSessionRequest;
  /** Holds only the test root, so our verifier has to build the chain through the intermediate. */
  caDir: string;
  /** What SOFTHSM2_CONF must name in every process that opens the card. */
  softhsmConf: string;
}

/**
 * The tests' SoftHSM2 token, made fresh under `workDir` (the bench runs outside vitest, so there is
 * no globalSetup to make it); the bench signs with its RSA-2048 public-employee key.
 */
export function createBenchToken(workDir: string): BenchToken {
  const token = createTestToken(mkdtempSync(join(workDir, 'token-')));
  const key = token.keys.rsa2048;
  return {
    card: { module: token.modulePath, token: token.tokenLabel, key: { id: key.id }, pin: token.userPin },
    caDir: token.anchorsDir,
    softhsmConf: token.softhsmConf,
  };
}
