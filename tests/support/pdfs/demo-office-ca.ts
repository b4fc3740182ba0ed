import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { resourcesDir } from '../../../src/main/package-root';
import { extractSignatures, opensslCmsVerify, pdfsig } from './validators';

/** The demo office's practice CA: what its seal and its heads' practice cards chain to. */
export const demoOfficeCaPem = join(resourcesDir, 'training', 'ca', 'demo-office-ca.pem');

/** `bytes`, written to `file`, carry one signature of the demo office's seal, as pdfsig and openssl read it. */
export function expectSealedByTheDemoOffice(file: string, bytes: Uint8Array): void {
  writeFileSync(file, bytes);
  const report = pdfsig(file);
  expect(report.valid, report.text).toEqual([true]);
  expect(report.text).toContain('Sello electrónico');
  const [signature] = extractSignatures(file);
  const verified = opensslCmsVerify(signature!, demoOfficeCaPem);
  expect(verified.ok, verified.text).toBe(true);
}
