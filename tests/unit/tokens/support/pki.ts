import { createPublicKey, type KeyObject } from 'node:crypto';
import { issueCertificate, oids } from '../../../support/pki/certificates';
import { issueCa, issueSigner, signerSpecs } from '../../../support/pki/test-pki';

/** A small chain for the token service: the test PKI's root, intermediate and its EC P-256 public employee. */
export interface TokenPki {
  root: Uint8Array;
  intermediate: Uint8Array;
  leaf: Uint8Array;
  leafKey: KeyObject;
  leafPublicKey: KeyObject;
  notBefore: Date;
  notAfter: Date;
  /** Another certificate from the intermediate, for whatever key the test needs. */
  issue: (publicKey: KeyObject, commonName: string) => Uint8Array;
}

const day = 24 * 60 * 60 * 1000;

export function createTokenPki(): TokenPki {
  // Whole seconds: certificates carry no milliseconds, and the tests compare validity exactly.
  const now = new Date(Math.floor(Date.now() / 1000) * 1000);
  const root = issueCa('AC RAIZ PRUEBAS DESPACHO', 1, null, now);
  const intermediate = issueCa('AC SECTOR PUBLICO PRUEBAS', 2, root, now);
  const leaf = issueSigner(
    signerSpecs.find((spec) => spec.name === 'ecP256')!,
    intermediate,
    1000,
    now,
  );
  const notBefore = new Date(now.getTime() - day);
  const notAfter = new Date(now.getTime() + 730 * day);
  let serial = 2000;
  const issue = (publicKey: KeyObject, commonName: string) =>
    issueCertificate(
      {
        subject: [
          [oids.country, 'ES'],
          [oids.commonName, commonName],
        ],
        publicKey,
        issuer: intermediate,
        serial: serial++,
        notBefore,
        notAfter,
        ca: false,
        keyUsage: ['digitalSignature', 'nonRepudiation'],
      },
      { privateKey: intermediate.privateKey },
    );
  return {
    issue,
    root: root.der,
    intermediate: intermediate.der,
    leaf: leaf.certificate,
    leafKey: leaf.privateKey,
    leafPublicKey: createPublicKey(leaf.privateKey),
    notBefore,
    notAfter,
  };
}
