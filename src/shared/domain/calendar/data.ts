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
  holidays: z.array(holidaySchema),
};

/** Lowercase identifiers, e.g. 'valenciana', 'elche'. */
const identifier = z.string().regex(/^[a-z][a-z0-9-]*$/, 'lowercase identifier');

export const calendarFileSchema = z.discriminatedUnion('layer', [
  z.object({ layer: z.literal('national'), ...common }).strict(),
  z.object({ layer: z.literal('regional'), region: identifier, ...common }).strict(),
  z
    .object({
      layer: z.literal('local'),
      municipality: identifier,
      /** INE municipality code (5 digits: province + municipality), accepted as an alias. */
      ine: z.string().regex(/^\d{5}$/, 'five-digit INE code'),
      /** Official names (Spanish and Valencian), accepted as aliases in any case. */
      names: z.array(z.string().min(1)),
      region: identifier,
      ...common,
    })
    .strict(),
]);

export type CalendarFile = z.infer<typeof calendarFileSchema>;
export type Holiday = z.infer<typeof holidaySchema>;
