import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError } from '../../shared/api/errors';

const sandboxMark = 'TRAINING-SANDBOX';

/** Where a training desk keeps its sandbox when none is named: beside the production data, never in it. */
export const trainingDataDir = (productionDir: string): string => `${productionDir}-training`;

/**
 * A training desk works only on a folder made for it: a new (or empty) one, which it marks, or one it
 * marked before. A folder holding anything else, production data above all, is refused untouched.
 * Returns the sandbox's own data folder inside it.
 */
export function claimTrainingSandbox(dataDir: string): string {
  const marked = trainingSandboxStore(dataDir);
  if (marked) return marked;
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0)
    throw new ApiError('storage_not_a_training_sandbox', { path: dataDir });
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(
    join(dataDir, sandboxMark),
    'Despacho training sandbox: made-up cases and practice signatures, never production data.\n',
  );
  return join(dataDir, 'store');
}

/** The data folder inside a folder a training desk marked as its sandbox; null for any other folder. */
export function trainingSandboxStore(dataDir: string): string | null {
  return existsSync(join(dataDir, sandboxMark)) ? join(dataDir, 'store') : null;
}
