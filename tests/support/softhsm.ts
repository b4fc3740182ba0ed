/**
 * The test token: a real SoftHSM2 token, created fresh for each test run (or bench run) by
 * `createTestToken(dir)`, described by a JSON file whose path is in DESPACHO_TEST_TOKEN.
 * Tests and bench read it with `loadTestToken()`, which also points SOFTHSM2_CONF at it so every
 * process started afterwards (the token worker included) sees the same token.
 *
 * Shape of the fixture (`TestToken`):
 *   modulePath     /usr/lib/.../libsofthsm2.so
 *   softhsmConf    <dir>/softhsm2.conf          (what SOFTHSM2_CONF must name)
 *   dir            the run's temp directory      (tokens/, pki/ and token.json live here)
 *   tokenLabel     'DESPACHO PRUEBAS'
 *   userPin, soPin test PINs (the user PIN is distinctive so leak checks can grep for it)
 *   anchorsDir     a folder holding only the test root: the trust anchor for verifying
 *   root, intermediate   { der, pem }: file paths of "AC RAIZ PRUEBAS DESPACHO" and
 *                        "AC SECTOR PUBLICO PRUEBAS" (the intermediate is also on the token)
 *   keys[name]     for each TestKeyName (tests/support/pki/test-pki.ts):
 *     id (CKA_ID hex), label (CKA_LABEL of the certificate and the key), algorithm,
 *     certificate { der, pem }, privateKeyPem (PKCS#8, TEST ONLY: lets tests build a P12 or a
 *     software signer), holder { name, nif, organization, position }, nonRepudiation, expired,
 *     alwaysAuthenticate, privateKeys (0 = certificate without key, 2 = two keys share the CKA_ID)
 *
 *   rsa2048, rsa3072, ecP256, ecP384   valid signing certificates (nonRepudiation)
 *   rsaAlwaysAuth                      key with CKA_ALWAYS_AUTHENTICATE (PIN before each signature)
 *   rsaNoNonRepudiation                digitalSignature + keyEncipherment only
 *   rsaExpired                         validity ended 70 days before the run
 *   rsaAmbiguous                       two private keys under one CKA_ID ('key_ambiguous')
 *   certWithoutKey                     a certificate with no private key ('key_not_found')
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  organization,
  createTestPki,
  type IssuedSigner,
  type TestKeyAlgorithm,
  type TestKeyName,
} from './pki/test-pki';
import { toPem } from './pki/certificates';

export type { TestKeyName } from './pki/test-pki';

export interface CertificateFiles {
  der: string;
  pem: string;
}

export interface TestTokenKey {
  name: TestKeyName;
  id: string;
  label: string;
  algorithm: TestKeyAlgorithm;
  certificate: CertificateFiles;
  privateKeyPem: string;
  holder: { name: string; nif: string; organization: string; position: string };
  nonRepudiation: boolean;
  expired: boolean;
  alwaysAuthenticate: boolean;
  privateKeys: 0 | 1 | 2;
}

export interface TestToken {
  modulePath: string;
  softhsmConf: string;
  dir: string;
  tokenLabel: string;
  userPin: string;
  soPin: string;
  /** Only the root, so that a verified chain really runs through the intermediate. */
  anchorsDir: string;
  root: CertificateFiles;
  intermediate: CertificateFiles;
  keys: Record<TestKeyName, TestTokenKey>;
}

export const testTokenEnv = 'DESPACHO_TEST_TOKEN';

/** This process's environment for a `despacho` that finds the test token, trusts its CA and speaks Spanish. */
export const despachoEnvOnToken = (token: TestToken): NodeJS.ProcessEnv => ({
  ...process.env,
  SOFTHSM2_CONF: token.softhsmConf,
  DESPACHO_LANG: 'es',
  DESPACHO_TRUST_DIRS: token.anchorsDir,
});

const moduleCandidates = [
  '/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so',
  '/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so',
  '/usr/lib/softhsm/libsofthsm2.so',
  '/usr/local/lib/softhsm/libsofthsm2.so',
];

function findModule(): string | null {
  return moduleCandidates.find((path) => existsSync(path)) ?? null;
}

/** SoftHSM2 is a Debian package; install it when missing (root, or sudo without a password). */
function ensureSoftHsm(): string {
  const found = findModule();
  if (found) return found;
  const sudo = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
  const install = [
    ...sudo,
    'flock',
    '/tmp/apt.lock',
    'apt-get',
    'install',
    '-y',
    '-qq',
    'softhsm2',
    'opensc',
  ];
  execFileSync(install[0]!, install.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  const installed = findModule();
  if (!installed)
    throw new Error('SoftHSM2 is not installed and could not be installed (apt-get install softhsm2).');
  return installed;
}

function writeCertificate(dir: string, name: string, der: Uint8Array): CertificateFiles {
  const files = { der: join(dir, `${name}.der`), pem: join(dir, `${name}.pem`) };
  writeFileSync(files.der, der);
  writeFileSync(files.pem, toPem(der, 'CERTIFICATE'));
  return files;
}

interface TokenTool {
  writeObject(file: string, type: 'cert' | 'privkey', id: string, label: string, extra?: string[]): void;
}

function tokenTool(
  modulePath: string,
  env: NodeJS.ProcessEnv,
  tokenLabel: string,
  userPin: string,
): TokenTool {
  return {
    writeObject(file, type, id, label, extra = []) {
      execFileSync(
        'pkcs11-tool',
        [
          '--module',
          modulePath,
          '--token-label',
          tokenLabel,
          '--login',
          '--pin',
          userPin,
          '--write-object',
          file,
          '--type',
          type,
          '--id',
          id,
          '--label',
          label,
          ...extra,
        ],
        { env, stdio: ['ignore', 'ignore', 'pipe'] },
      );
    },
  };
}

function importSigner(tool: TokenTool, pkiDir: string, signer: IssuedSigner): TestTokenKey {
  const { spec } = signer;
  const certificate = writeCertificate(pkiDir, spec.name, signer.certificate);
  const keyDer = join(pkiDir, `${spec.name}.key.der`);
  const privateKeyPem = join(pkiDir, `${spec.name}.key.pem`);
  writeFileSync(keyDer, signer.privateKey.export({ type: 'pkcs8', format: 'der' }));
  writeFileSync(privateKeyPem, signer.privateKey.export({ type: 'pkcs8', format: 'pem' }));
  tool.writeObject(certificate.der, 'cert', spec.id, spec.label);
  const keyFlags = ['--usage-sign', '--sensitive', ...(spec.alwaysAuthenticate ? ['--always-auth'] : [])];
  for (let copy = 0; copy < spec.privateKeys; copy += 1) {
    tool.writeObject(keyDer, 'privkey', spec.id, spec.label, keyFlags);
  }
  const person = spec.employee;
  return {
    name: spec.name,
    id: spec.id,
    label: spec.label,
    algorithm: spec.algorithm,
    certificate,
    privateKeyPem,
    holder: {
      name: `${person.givenName} ${person.firstSurname} ${person.secondSurname}`,
      nif: person.nif,
      organization,
      position: person.position,
    },
    nonRepudiation: spec.nonRepudiation,
    expired: spec.expired,
    alwaysAuthenticate: spec.alwaysAuthenticate,
    privateKeys: spec.privateKeys,
  };
}

/**
 * Creates a token directory, a SoftHSM2 configuration, the test PKI and the token's objects under
 * `dir` (which must be new or empty), and writes `<dir>/token.json`. Returns the fixture.
 */
export function createTestToken(dir: string): TestToken {
  const modulePath = ensureSoftHsm();
  const tokensDir = join(dir, 'tokens');
  const pkiDir = join(dir, 'pki');
  mkdirSync(tokensDir, { recursive: true });
  mkdirSync(pkiDir, { recursive: true });
  const softhsmConf = join(dir, 'softhsm2.conf');
  writeFileSync(
    softhsmConf,
    `directories.tokendir = ${tokensDir}\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n`,
  );
  const env = { ...process.env, SOFTHSM2_CONF: softhsmConf };
  const tokenLabel = 'DESPACHO PRUEBAS';
  const userPin = '7392815046';
  const soPin = '5820461973';
  execFileSync(
    'softhsm2-util',
    ['--init-token', '--free', '--label', tokenLabel, '--so-pin', soPin, '--pin', userPin],
    { env, stdio: ['ignore', 'ignore', 'pipe'] },
  );

  const pki = createTestPki();
  const root = writeCertificate(pkiDir, 'ac-raiz-pruebas', pki.root.der);
  const anchorsDir = join(dir, 'anchors');
  mkdirSync(anchorsDir);
  writeCertificate(anchorsDir, 'ac-raiz-pruebas', pki.root.der);
  const intermediate = writeCertificate(pkiDir, 'ac-sector-publico-pruebas', pki.intermediate.der);
  const tool = tokenTool(modulePath, env, tokenLabel, userPin);
  tool.writeObject(intermediate.der, 'cert', 'ca01', 'AC SECTOR PUBLICO PRUEBAS');
  const keys = Object.fromEntries(
    pki.signers.map((signer) => [signer.spec.name, importSigner(tool, pkiDir, signer)]),
  ) as Record<TestKeyName, TestTokenKey>;

  const token: TestToken = {
    modulePath,
    softhsmConf,
    dir,
    tokenLabel,
    userPin,
    soPin,
    anchorsDir,
    root,
    intermediate,
    keys,
  };
  writeFileSync(join(dir, 'token.json'), JSON.stringify(token, null, 2));
  return token;
}

/**
 * The fixture of this run (DESPACHO_TEST_TOKEN names its token.json). Sets SOFTHSM2_CONF so that
 * this process and the processes it starts use the run's token.
 */
export function loadTestToken(path = process.env[testTokenEnv]): TestToken {
  if (!path) {
    throw new Error(
      `${testTokenEnv} is not set: run under the integration project (tests/support/softhsm-setup.ts).`,
    );
  }
  const token = JSON.parse(readFileSync(path, 'utf8')) as TestToken;
  process.env.SOFTHSM2_CONF = token.softhsmConf;
  return token;
}
