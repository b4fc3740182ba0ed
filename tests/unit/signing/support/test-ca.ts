import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A throwaway CA made with openssl: root → intermediate → leaves shaped like public-employee certificates. */
export interface TestCa {
  dir: string;
  rootPem: string;
  rootFile: string;
  intermediatePem: string;
  issue(options: LeafOptions): TestLeaf;
}

export interface LeafOptions {
  name: string;
  key: 'rsa-2048' | 'rsa-3072' | 'ec-p256' | 'ec-p384';
  keyUsage?: string;
  givenName?: string;
  surname?: string;
  nif?: string;
  position?: string;
}

export interface TestLeaf {
  certPem: string;
  certDer: Uint8Array;
  keyPem: string;
}

const openssl = (dir: string, args: string[]) =>
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });

function newKey(dir: string, file: string, key: LeafOptions['key']): void {
  const args =
    key === 'ec-p256' || key === 'ec-p384'
      ? [
          'genpkey',
          '-algorithm',
          'EC',
          '-pkeyopt',
          `ec_paramgen_curve:${key === 'ec-p256' ? 'P-256' : 'P-384'}`,
        ]
      : ['genpkey', '-algorithm', 'RSA', '-pkeyopt', `rsa_keygen_bits:${key === 'rsa-3072' ? 3072 : 2048}`];
  openssl(dir, [...args, '-out', file]);
}

/** `root` adopts an existing root (e.g. the training CA) instead of making a new one. */
export function createTestCa(label = 'Despacho Test', root?: { keyFile: string; certFile: string }): TestCa {
  const dir = mkdtempSync(join(tmpdir(), 'despacho-ca-'));
  writeFileSync(
    join(dir, 'ext.cnf'),
    [
      '[ca]',
      'basicConstraints=critical,CA:true',
      'keyUsage=critical,keyCertSign,cRLSign',
      'subjectKeyIdentifier=hash',
      'authorityKeyIdentifier=keyid',
    ].join('\n'),
  );
  if (root) {
    copyFileSync(root.keyFile, join(dir, 'root.key'));
    copyFileSync(root.certFile, join(dir, 'root.pem'));
  } else {
    newKey(dir, 'root.key', 'rsa-2048');
    openssl(dir, [
      'req',
      '-x509',
      '-new',
      '-key',
      'root.key',
      '-out',
      'root.pem',
      '-days',
      '3650',
      '-subj',
      `/C=ES/O=${label}/CN=${label} Root CA`,
      '-addext',
      'basicConstraints=critical,CA:true',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ]);
  }
  newKey(dir, 'int.key', 'rsa-2048');
  openssl(dir, [
    'req',
    '-new',
    '-key',
    'int.key',
    '-out',
    'int.csr',
    '-subj',
    `/C=ES/O=${label}/CN=${label} AC Sector Publico`,
  ]);
  openssl(dir, [
    'x509',
    '-req',
    '-in',
    'int.csr',
    '-CA',
    'root.pem',
    '-CAkey',
    'root.key',
    '-CAcreateserial',
    '-days',
    '3650',
    '-extfile',
    'ext.cnf',
    '-extensions',
    'ca',
    '-out',
    'int.pem',
  ]);
  let serial = 0;
  return {
    dir,
    rootFile: join(dir, 'root.pem'),
    rootPem: readFileSync(join(dir, 'root.pem'), 'utf8'),
    intermediatePem: readFileSync(join(dir, 'int.pem'), 'utf8'),
    issue(options) {
      const id = `leaf${++serial}`;
      newKey(dir, `${id}.key`, options.key);
      const nif = options.nif ?? '99999999R';
      const given = options.givenName ?? 'Ana';
      const surname = options.surname ?? 'Pruebas Núñez';
      const subject = `/C=ES/O=Ayuntamiento de Pruebas/OU=Urbanismo/title=${options.position ?? 'Jefa de Servicio'}/serialNumber=IDCES-${nif}/GN=${given}/SN=${surname}/CN=${options.name} - ${nif}`;
      writeFileSync(
        join(dir, `${id}.cnf`),
        [
          '[leaf]',
          `keyUsage=critical,${options.keyUsage ?? 'digitalSignature,nonRepudiation'}`,
          'basicConstraints=CA:false',
          'subjectKeyIdentifier=hash',
          'authorityKeyIdentifier=keyid',
        ].join('\n'),
      );
      openssl(dir, ['req', '-new', '-utf8', '-key', `${id}.key`, '-out', `${id}.csr`, '-subj', subject]);
      openssl(dir, [
        'x509',
        '-req',
        '-in',
        `${id}.csr`,
        '-CA',
        'int.pem',
        '-CAkey',
        'int.key',
        '-CAcreateserial',
        '-days',
        '730',
        '-extfile',
        `${id}.cnf`,
        '-extensions',
        'leaf',
        '-out',
        `${id}.pem`,
      ]);
      const certPem = readFileSync(join(dir, `${id}.pem`), 'utf8');
      const certDer = new Uint8Array(openssl(dir, ['x509', '-in', `${id}.pem`, '-outform', 'DER']));
      return { certPem, certDer, keyPem: readFileSync(join(dir, `${id}.key`), 'utf8') };
    },
  };
}

export const pemToDer = (pem: string): Uint8Array =>
  new Uint8Array(Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64'));
