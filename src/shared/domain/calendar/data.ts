import { z } from 'zod';
import { isDate } from './dates';

/**
 * One holiday layer for one year, as kept in resources/calendars/<year>/*.json (see the README
 * there). Every file names the bulletin it reproduces, so a date can always be checked.
 */
const holidaySchema = z
  .object({
    date: z.string().refine(isDate, 'not a date written YYYY-MM-DD'),
    name: z.string().min(1),
  })
  .strict();

const common = {
  year: z.number().int().min(2000).max(2100),
  source: z.string().min(10),
  note: z.string().optional(),
  /**
   * The bulletin for this year was not out when the file was written: its dates are an assumption,
   * whose grounds `basis` states. Every due date that depends on the file says so.
   */
  provisional: z.literal(true).optional(),
  basis: z.string().min(10).optional(),
  holidays: z.array(holidaySchema),
};

/** Lowercase identifiers, e.g. 'valenciana', 'elche'. */
const identifier = z.string().regex(/^[a-z][a-z0-9-]*$/, 'lowercase identifier');

export const calendarFileSchema = z
  .discriminatedUnion('layer', [
    z.object({ layer: z.literal('national'), ...common }).strict(),
    z.object({ layer: z.literal('regional'), region: identifier, ...common }).strict(),
    z
      .object({
        layer: z.literal('local'),
        municipality: identifier,
        /** INE municipality code (5 digits: province + municipality), accepted as an alias. */
        ine: z.string().regex(/^\d{5}$/, 'five-digit INE code'),
        /** Official names (Spanish and Valencian), accepted as aliases in any case; the first is shown. */
        names: z.array(z.string().min(1)).min(1),
        region: identifier,
        ...common,
      })
      .strict(),
  ])
  .superRefine((file, context) => {
    if (file.provisional && !file.basis)
      context.addIssue({ code: 'custom', path: ['basis'], message: 'a provisional file states its basis' });
    if (!file.provisional && file.basis)
      context.addIssue({
        code: 'custom',
        path: ['provisional'],
        message: 'basis is only for a provisional file',
      });
  });

export type CalendarFile = z.infer<typeof calendarFileSchema>;
export type Holiday = z.infer<typeof holidaySchema>;
