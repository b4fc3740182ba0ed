import { z } from 'zod';
import { isDate } from './dates';

/**
 * One holiday layer for one year, as kept in resources/calendars/<year>/*.json (see the README
 * there). Every file names the bulletin it reproduces, so a date can always be checked.
 */
const dateSchema = z.string().refine(isDate, 'not a date written YYYY-MM-DD');

const holidaySchema = z
  .object({
    date: dateSchema,
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
  /** The secondary pages the dates were transcribed from when the bulletin could not be read, with the date checked. */
  transcribedFrom: z.array(z.string().min(10)).min(1).optional(),
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

const ineCode = z.string().regex(/^\d{5}$/, 'five-digit INE code');

/**
 * The local holidays of many municipalities of one region and year in one file, as the bulletin
 * lists them (the DOGV's yearly resolution for the Comunitat Valenciana): each entry is one
 * municipality's two days. The loader expands it into one `local` layer per municipality, whose
 * canonical identifier is its INE code. `transcribedFrom` names the pages the list was copied from
 * when the bulletin itself could not be read, and when they were checked.
 */
export const localListFileSchema = z
  .object({
    layer: z.literal('local-list'),
    year: z.number().int().min(2000).max(2100),
    region: identifier,
    source: z.string().min(10),
    transcribedFrom: z.array(z.string().min(10)).min(1).optional(),
    note: z.string().optional(),
    /** The name every day of the list is shown with (the bulletin often gives none). */
    holidayName: z.string().min(1),
    municipalities: z
      .array(
        z
          .object({
            ine: ineCode,
            names: z.array(z.string().min(1)).min(1),
            /** A date, or a date with the name the bulletin gives it (else `holidayName` is shown). */
            days: z.array(z.union([dateSchema, holidaySchema])).min(1),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

export type LocalListFile = z.infer<typeof localListFileSchema>;

/** One `local` layer per municipality of the list, its INE code as identifier (no file gives it another). */
export const expandLocalList = (list: LocalListFile): CalendarFile[] =>
  list.municipalities.map((entry) => ({
    layer: 'local',
    year: list.year,
    municipality: entry.ine,
    ine: entry.ine,
    names: entry.names,
    region: list.region,
    source: list.source,
    holidays: entry.days.map((day) =>
      typeof day === 'string' ? { date: day, name: list.holidayName } : day,
    ),
  }));

/**
 * resources/calendars/provinces.json: the INE province codes (the first two digits of a municipality
 * code) and the autonomous community each belongs to, so that an applicant known by the INE code of
 * a municipality without a local file still gets the regional layer of its community.
 */
export const provincesFileSchema = z
  .object({
    source: z.string().min(10),
    transcribedFrom: z.array(z.string().min(10)).optional(),
    note: z.string().optional(),
    provinces: z
      .array(
        z
          .object({
            code: z.string().regex(/^\d{2}$/, 'two-digit INE province code'),
            name: z.string().min(1),
            region: identifier,
          })
          .strict(),
      )
      .min(1),
  })
  .strict()
  .superRefine((file, context) => {
    const seen = new Set<string>();
    file.provinces.forEach((province, index) => {
      if (seen.has(province.code))
        context.addIssue({ code: 'custom', path: ['provinces', index, 'code'], message: 'listed twice' });
      seen.add(province.code);
    });
  });

export type Province = z.infer<typeof provincesFileSchema>['provinces'][number];
