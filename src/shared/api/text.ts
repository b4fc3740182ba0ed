import { z } from 'zod';

/**
 * C0 and C1 control characters and DEL. PostgreSQL cannot store NUL in text, and none of them
 * belongs in anything a person types or an id names.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const anyControlCharacter = /[\u0000-\u001f\u007f-\u009f]/;
/** The same, except tab, line feed and carriage return, for fields that hold several lines. */
// eslint-disable-next-line no-control-regex -- as above
const controlCharacterButLineBreaks = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** A pasted tab or line break in a one-line field becomes a space, as a text box shows it. */
export const withoutControlCharacters = (text: string): string =>
  text.replace(new RegExp(anyControlCharacter.source, 'g'), ' ');

export interface PlainTextOptions {
  min?: number;
  max: number;
  /** Leading and trailing white space is dropped before the checks. */
  trim?: boolean;
  /** The field legitimately holds several lines (tabs and line breaks allowed). */
  lineBreaks?: boolean;
}

/**
 * The schema of every string input of the contract: bounded, and free of control characters, so
 * a crafted request gets `invalid_input` instead of reaching the database.
 */
export function plainText({ min = 0, max, trim = false, lineBreaks = false }: PlainTextOptions) {
  const forbidden = lineBreaks ? controlCharacterButLineBreaks : anyControlCharacter;
  const base = trim ? z.string().trim() : z.string();
  const text = base
    .min(min)
    .max(max)
    .refine((value) => !forbidden.test(value), { message: 'control characters are not allowed' });
  // Said in the schema's metadata too, so a test can tell such fields from one-line ones.
  return lineBreaks ? text.meta({ lineBreaks: true }) : text;
}
