import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestLeaf } from '../../../unit/signing/support/test-ca';

export const softHsmModule = '/usr/lib/softhsm/libsofthsm2.so';

/**
 * A fresh SoftHSM2 token in its own directory (SOFTHSM2_CONF is set for this process and its
 * children), holding the given keys and certificates under their CKA_ID.
 */
export interface SoftHsmToken {
  module: string;
  label: string;
  pin: string;
  conf: string;
}

export function createSoftHsmToken(
  label: string,
  pin: string,
  keys: readonly { label: string; id: string; leaf: TestLeaf }[],
  caCertificates: readonly Uint8Array[] = [],
): SoftHsmToken {
  const dir = mkdtempSync(join(tmpdir(), 'despacho-softhsm-'));
  mkdirSync(join(dir, 'tokens'));
  const conf = join(dir, 'softhsm2.conf');
  writeFileSync(
    conf,
    `directories.tokendir = ${join(dir, 'tokens')}\nobjectstore.backend = file\nlog.level = ERROR\n`,
  );
  process.env.SOFTHSM2_CONF = conf;
  const env = { ...process.env, SOFTHSM2_CONF: conf };
  const run = (command: string, args: string[]) =>
    execFileSync(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  run('softhsm2-util', ['--init-token', '--free', '--label', label, '--so-pin', '12345678', '--pin', pin]);
  for (const key of keys) {
    const keyFile = join(dir, `${key.id}.key.pem`);
    const certFile = join(dir, `${key.id}.cert.der`);
    writeFileSync(keyFile, key.leaf.keyPem);
    writeFileSync(certFile, key.leaf.certDer);
    run('softhsm2-util', [
      '--import',
      keyFile,
      '--token',
      label,
      '--label',
      key.label,
      '--id',
      key.id,
      '--pin',
      pin,
    ]);
    run('pkcs11-tool', [
      '--module',
      softHsmModule,
      '--token-label',
      label,
      '--login',
      '--pin',
      pin,
      '--write-object',
      certFile,
      '--type',
      'cert',
      '--id',
      key.id,
      '--label',
      key.label,
    ]);
  }
  caCertificates.forEach((certificate, index) => {
    const certFile = join(dir, `ca${index}.der`);
    writeFileSync(certFile, certificate);
    run('pkcs11-tool', [
      '--module',
      softHsmModule,
      '--token-label',
      label,
      '--login',
      '--pin',
      pin,
      '--write-object',
      certFile,
      '--type',
      'cert',
      '--id',
      `ca0${index}`,
      '--label',
      `AC ${index + 1}`,
    ]);
  });
  return { module: softHsmModule, label, pin, conf };
}
