import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { signBatch } from '../../../src/main/desk/signing/batch';
import type { SigningSession } from '../../../src/main/desk/signing-session';
import { TokenError } from '../../../src/main/desk/tokens/errors';
import { expectSignedPdfValid } from './support/checks';
import { createSigningWorld, type SigningWorld } from './support/world';

let world: SigningWorld;
beforeAll(async () => {
  world = await createSigningWorld();
});

function inputs(count: number): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'despacho-batch-'));
  return Array.from({ length: count }, (_, index) => {
    const path = join(dir, `resolucion-${index + 1}.pdf`);
    copyFileSync(world.fixtures.classic, path);
    return path;
  });
}

/** The card is pulled out after `good` signatures: the token layer then fails every call. */
function removedAfter(session: SigningSession, good: number): SigningSession {
  let count = 0;
  return {
    ...session,
    certificate: session.certificate,
    chain: session.chain,
    keyAlgorithm: session.keyAlgorithm,
    async sign(data, params) {
      if (++count > good) throw new TokenError('token_removed');
      return session.sign(data, params);
    },
    close: () => session.close(),
  };
}

describe('a batch', () => {
  it('logs in once and signs every file', async () => {
    const files = inputs(5);
    const out = world.outDir();
    let logins = 0;
    const outcome = await signBatch({
      files,
      outDir: out,
      openSession: async () => {
        logins++;
        return world.session('ec');
      },
    });
    expect(outcome.status).toBe('done');
    expect(logins).toBe(1);
    expect(readdirSync(out).sort()).toEqual(files.map((file) => basename(file)).sort());
  });

  it('stopped by a removed card keeps finished files intact and valid and leaves the rest untouched', async () => {
    const files = inputs(5);
    const out = world.outDir();
    const outcome = await signBatch({
      files,
      outDir: out,
      openSession: async () => removedAfter(world.session('rsa'), 2),
    });
    expect(outcome.status).toBe('stopped');
    if (outcome.status !== 'stopped') return;
    expect(outcome.error).toMatchObject({ kind: 'token', key: 'tokens.error.token_removed' });
    expect(outcome.signed.map((item) => basename(item.output))).toEqual([
      'resolucion-1.pdf',
      'resolucion-2.pdf',
    ]);
    expect(outcome.untouched).toEqual(files.slice(2));
    expect(readdirSync(out).sort()).toEqual(['resolucion-1.pdf', 'resolucion-2.pdf']);
    for (const signed of outcome.signed) {
      await expectSignedPdfValid(signed.output, {
        source: signed.source,
        signatures: 1,
        caFile: world.ca.rootFile,
        store: world.store,
      });
    }
  });
});
