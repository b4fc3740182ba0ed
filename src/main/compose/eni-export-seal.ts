import { issuePracticeCard, practiceSession } from './practice-card';
import type { SigningSession } from '../desk/signing-session';

const dayMs = 86_400_000;

/**
 * The demo office's software seal (sello de órgano) for the ENI index: a certificate from the demo
 * office's practice CA, issued for this export and valid from the day before (or from `validFrom`,
 * for what a demo city dates in its past) for two years, so the recipient can check the index
 * against the clock of the day they read it. Like every practice certificate it verifies as a
 * training signature, never as a valid one.
 */
export async function demoOfficeSeal(
  now: Date,
  validFrom = new Date(now.getTime() - dayMs),
): Promise<SigningSession> {
  const card = await issuePracticeCard(
    {
      givenName: 'Sello electrónico',
      surname: 'Ayuntamiento de Elche (demostración)',
      nif: 'P0306500J',
      position: 'Sello de órgano',
      unit: 'Secretaría',
    },
    { notBefore: validFrom, notAfter: new Date(now.getTime() + 730 * dayMs) },
  );
  return practiceSession(card);
}
