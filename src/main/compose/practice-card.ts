import { sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { issueSigningCertificate, type IssuedCertificate } from '../desk/crypto/issue-certificate';
import type { SigningSession } from '../desk/signing-session';
import { resourcesDir } from '../package-root';

export interface PracticeHolder {
  givenName: string;
  surname: string;
  nif: string;
  position: string;
  unit: string;
}

const pemBody = (pem: string): Uint8Array =>
  new Uint8Array(Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64'));

/**
 * A demo head's practice card: a certificate from the demo office's practice CA
 * (resources/training/ca/demo-office-ca.*, a training anchor whose key is public on purpose), so
 * that whatever it signs verifies as a training signature and never as a valid one.
 */
export function issuePracticeCard(
  holder: PracticeHolder,
  validity: { notBefore: Date; notAfter: Date },
  folder = join(resourcesDir, 'training', 'ca'),
): Promise<IssuedCertificate> {
  const read = (file: string) => pemBody(readFileSync(join(folder, file), 'utf8'));
  return issueSigningCertificate(
    { certificate: read('demo-office-ca.pem'), key: read('demo-office-ca.key') },
    {
      givenName: holder.givenName,
      surname: holder.surname,
      nif: holder.nif,
      organization: 'Ayuntamiento de Elche (demostración) - SIN VALIDEZ',
      unit: holder.unit,
      title: holder.position,
      commonName: `${holder.givenName} ${holder.surname} - ${holder.nif} (PRÁCTICAS)`,
    },
    validity,
  );
}

/** The practice card as the signer sees any card: one logged-in key (ECDSA answers in DER). */
export function practiceSession(card: IssuedCertificate): SigningSession {
  return {
    certificate: card.certificate,
    chain: [],
    keyAlgorithm: { type: 'ec', curve: 'P-256' },
    async sign(data, params) {
      return new Uint8Array(sign(params.hash.replace('-', '').toLowerCase(), data, card.key));
    },
    async close() {},
  };
}
