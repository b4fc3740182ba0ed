import { randomBytes } from 'node:crypto';

/** No 0/O or 1/I: the code is read off paper and typed in by citizens. */
const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const length = 20;

/**
 * A new secure verification code (CSV): 20 characters of a 32-letter alphabet, 100 random bits, so
 * it cannot be guessed to reach somebody else's document on the verification site.
 */
export function newCsvCode(random: (size: number) => Buffer = randomBytes): string {
  const bytes = random(length);
  let code = '';
  for (const byte of bytes) code += alphabet[byte % alphabet.length];
  return code;
}

export const csvCodePattern = /^[A-HJ-NP-Z2-9]{20}$/;
