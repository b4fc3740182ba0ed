import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { issueSigningCertificate, type IssuedCertificate } from '../desk/crypto/issue-certificate';
import type { SigningSession } from '../desk/signing-session';
import { softwareKeySession } from '../desk/crypto/software-key-session';
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

const defaultFolder = join(resourcesDir, 'training', 'ca');

/**
 * The demo office's practice CA (resources/training/ca/demo-office-ca.*), a training anchor whose
 * key is public on purpose: whatever its certificates sign verifies as a training signature, never
 * as a valid one.
 */
function demoOfficeCa(folder: string) {
  const read = (file: string) => pemBody(readFileSync(join(folder, file), 'utf8'));
  return { certificate: read('demo-office-ca.pem'), key: read('demo-office-ca.key') };
}

const nameParts = (name: string) => {
  const [givenName = '', ...surnames] = name.split(' ');
  return { givenName, surname: surnames.join(' ') };
};

/** A member of the staff as a practice certificate names them: given name, then surnames. */
export function practiceHolderOf(
  person: { name: string; nif: string; position: string },
  unit: string,
): PracticeHolder {
  return { ...nameParts(person.name), nif: person.nif, position: person.position, unit };
}

/** What a practice certificate says it is for, in its organization and its name. */
const practiceUses = {
  demo: { organization: 'Ayuntamiento de Elche (demostración) - SIN VALIDEZ', mark: 'PRÁCTICAS' },
  training: {
    organization: 'Ayuntamiento de Elche - FORMACIÓN - SIN VALIDEZ',
    mark: 'FORMACIÓN - SIN VALIDEZ',
  },
} as const;

/**
 * A staff member's practice card from the demo office's practice CA: a demo head's (the demo book)
 * or a trainee's on the training desk's practice card.
 */
export function issuePracticeCard(
  holder: PracticeHolder,
  validity: { notBefore: Date; notAfter: Date },
  use: keyof typeof practiceUses = 'demo',
  folder = defaultFolder,
): Promise<IssuedCertificate> {
  const { organization, mark } = practiceUses[use];
  return issueSigningCertificate(
    demoOfficeCa(folder),
    {
      givenName: holder.givenName,
      surname: holder.surname,
      nif: holder.nif,
      organization,
      unit: holder.unit,
      title: holder.position,
      commonName: `${holder.givenName} ${holder.surname} - ${holder.nif} (${mark})`,
    },
    validity,
  );
}

/**
 * A demo applicant's practice certificate (a citizen's, from the same practice CA), with which the
 * applications of the demo city arrive signed.
 */
export function issueCitizenPracticeCard(
  citizen: { name: string; nif: string },
  validity: { notBefore: Date; notAfter: Date },
  folder = defaultFolder,
): Promise<IssuedCertificate> {
  const { givenName, surname } = nameParts(citizen.name);
  return issueSigningCertificate(
    demoOfficeCa(folder),
    {
      givenName,
      surname,
      nif: citizen.nif,
      organization: 'Ciudadanía (demostración) - SIN VALIDEZ',
      unit: 'Certificado de ciudadano de prácticas',
      title: 'Ciudadano/a',
      commonName: `${citizen.name} - ${citizen.nif} (PRÁCTICAS)`,
    },
    validity,
  );
}

/** The practice card as the signer sees any card: one logged-in key (ECDSA answers in DER). */
export const practiceSession = (card: IssuedCertificate): SigningSession =>
  softwareKeySession(card.key, card.certificate);
