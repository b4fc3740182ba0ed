import type { TestToken } from './softhsm';

/**
 * The arguments that point `despacho sign` (and the commands that sign through it) at the test
 * token's card, the PIN read from standard input. The key is the RSA-2048 one by its label unless
 * named otherwise; the module is the token's own unless a test swaps it for a faulty one.
 */
export const cardArgs = (
  token: TestToken,
  key: string[] = ['--key', token.keys.rsa2048.label],
  module = token.modulePath,
): string[] => ['--module', module, '--token', token.tokenLabel, ...key, '--pin-stdin'];
