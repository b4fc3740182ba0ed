import { z } from 'zod';
import { errorParamsSchema } from './errors';

/**
 * Why something was not signed, as a code the renderer and the CLI translate:
 * - `token`: the card's code (`pin_incorrect`, `token_removed`…), `tokens.error.<code>`;
 * - `input`, `certificate`, `tsa`, `output`: the document, the certificate, the time-stamp service
 *   or the signed file was refused (`input.notPdf`, `certificate.expired`…), `signing.<code>`;
 * - `office`: the office would not prepare or store it, a contract code, `errors.<code>`;
 * - `cancelled`: the signer stopped the batch before this item;
 * - `internal`: nobody knows (never passed off as the card's).
 */
export const signingFailureKinds = [
  'input',
  'certificate',
  'token',
  'tsa',
  'output',
  'office',
  'cancelled',
  'internal',
] as const;
export type SigningFailureKind = (typeof signingFailureKinds)[number];

export const signingFailureSchema = z.object({
  kind: z.enum(signingFailureKinds),
  code: z
    .string()
    .max(80)
    .regex(/^[A-Za-z_]+(\.[A-Za-z_]+)*$/),
  params: errorParamsSchema,
});
export type SigningFailure = z.infer<typeof signingFailureSchema>;

/**
 * An error that says itself what went wrong, as the token layer's errors do: the signing service
 * reports it as it says, and reports any error that does not say as `internal`.
 */
export interface SelfDescribingFailure {
  readonly signingFailure: SigningFailure;
}

export function describedFailure(error: unknown): SigningFailure | null {
  if (typeof error !== 'object' || error === null || !('signingFailure' in error)) return null;
  const said = signingFailureSchema.safeParse((error as SelfDescribingFailure).signingFailure);
  return said.success ? said.data : null;
}

/** The message key a failure is told with (the renderer prefers its own wording where it has one). */
export function signingFailureMessageKey(failure: SigningFailure): string {
  switch (failure.kind) {
    case 'token':
      return `tokens.error.${failure.code}`;
    case 'office':
      return `errors.${failure.code}`;
    case 'cancelled':
      return 'signFlow.failure.cancelled';
    case 'internal':
      return 'errors.internal';
    default:
      return `signing.${failure.code}`;
  }
}
