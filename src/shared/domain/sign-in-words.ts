/**
 * The words a card signs to sign in to a shared office (UTF-8, one fact per line): what for, which
 * office, a one-time random value and when it was issued. A signature over them is never a
 * document's, and a desk that knows the office it reaches signs only words that name it.
 */
export interface SignInWords {
  server: string | null;
  challenge: string;
  issuedAt: Date;
}

export const signInPurpose = 'Despacho: inicio de sesión con tarjeta';

export const signInWords = (words: SignInWords): string =>
  [
    signInPurpose,
    ...(words.server ? [`servidor: ${words.server}`] : []),
    `reto: ${words.challenge}`,
    `emitido: ${words.issuedAt.toISOString()}`,
  ].join('\n');

/** Whether `text` is a sign-in challenge for `challenge` issued by `server` (any office when null). */
export function isSignInChallenge(text: string, challenge: string, server: string | null): boolean {
  const lines = text.split('\n');
  return (
    lines[0] === signInPurpose &&
    lines.includes(`reto: ${challenge}`) &&
    (server === null || lines[1] === `servidor: ${server}`)
  );
}
