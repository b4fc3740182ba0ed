import { z } from 'zod';
import { isDate } from '../domain/calendar/dates';
import { access } from './access';
import { call } from './define';
import { plainText } from './text';

const isoDate = z.string().refine(isDate, { message: 'not a calendar date (YYYY-MM-DD)' });
const isoInstant = z.string().datetime({ offset: true });
const empty = z.object({}).strict();
const localized = z.object({ es: z.string(), 'ca-valencia': z.string() });

export const bookYearSchema = z.number().int().min(2000).max(9999);

/** A book number within its year: 1 to 999999 (`2026/000123` is number 123 of 2026). */
export const bookNumberSchema = z.number().int().min(1).max(999_999);

export const bookSearchSchema = z
  .object({
    year: bookYearSchema,
    number: bookNumberSchema.optional(),
    /** Part of the case number (case- and accent-insensitive, every word must match). */
    caseNumber: plainText({ max: 64, trim: true }).optional(),
    /** Part of the signer's name (case- and accent-insensitive, every word must match). */
    signer: plainText({ max: 100, trim: true }).optional(),
    /** Signed on or after this day (Europe/Madrid). */
    from: isoDate.optional(),
    /** Signed on or before this day (Europe/Madrid). */
    to: isoDate.optional(),
    sort: z.enum(['number_asc', 'number_desc']).default('number_desc'),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();
export type BookSearch = z.input<typeof bookSearchSchema>;

export const bookEntrySchema = z.object({
  year: bookYearSchema,
  number: bookNumberSchema,
  /** `2026/000123` */
  label: z.string(),
  /** When the number was confirmed with the signed document (shown in Europe/Madrid). */
  signedAt: isoInstant,
  caseId: z.string(),
  caseNumber: z.string(),
  departmentId: z.string(),
  procedureCode: z.string(),
  procedureName: localized,
  signer: z.object({
    id: z.string(),
    name: z.string(),
    /** Masked for publication (`***4567**`); null when the book does not know it. */
    nif: z.string().nullable(),
  }),
  /** The document's secure verification code. */
  csv: z.string(),
  /** SHA-256 of the signed document. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type BookEntry = z.infer<typeof bookEntrySchema>;

export const bookYearsSchema = z.object({
  /** Years with a book, newest first; the current year is always there. */
  years: z.array(bookYearSchema),
  current: bookYearSchema,
  /** Whether the whole city hall's book is shown, or only the reader's department's entries. */
  scope: z.enum(['city_hall', 'department']),
});

/**
 * The resolutions book is the city hall's public record inside the city hall, read by those who
 * sign (heads) and those who keep the city hall running (admins) whole. Processors read the
 * entries of their own department's cases only: least privilege, as for the cases themselves.
 * The office applies the department rule; a processor never learns another department's entries.
 */
export const bookReaders = access.roles('head', 'admin', 'processor');

export const bookCalls = {
  'book.years': call(empty, bookYearsSchema, bookReaders),
  'book.search': call(
    bookSearchSchema,
    z.object({ total: z.number().int().nonnegative(), entries: z.array(bookEntrySchema) }),
    bookReaders,
  ),
} as const;
