import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createTestToken, testTokenEnv, type TestToken } from './softhsm';

declare module 'vitest' {
  export interface ProvidedContext {
    testToken: TestToken;
  }
}

/**
 * vitest globalSetup: a fresh SoftHSM2 token for this run (a crashed run can leave a token file
 * empty, so none is reused). Tests get it with `loadTestToken()` or `inject('testToken')`.
 */
export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'despacho-token-'));
  const token = createTestToken(dir);
  process.env[testTokenEnv] = join(dir, 'token.json');
  process.env.SOFTHSM2_CONF = token.softhsmConf;
  project.provide('testToken', token);
  return () => rmSync(dir, { recursive: true, force: true });
}
