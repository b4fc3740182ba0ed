import { ApiError } from '../../../shared/api/errors';
import type {
  DueDateExplanation,
  DueDateInput,
  SkippedDay,
  Suspension,
  Term,
  TermStartInput,
} from '../../../shared/domain/calendar';
import { isDate } from '../../../shared/domain/calendar/dates';
import type { MessageKey, MessageParams } from '../../../shared/i18n/index';
import { calendarPlace } from '../../../shared/i18n/calendar-places';
import { CalendarDataError, CalendarFolder } from '../../office/calendar/load';
import { cliDate, cliIntl, cliText } from '../text';

/** Exit codes: 0 due date printed, 1 calendar data unreadable, 2 bad arguments, 3 year without calendar. */
export const deadlineExit = { ok: 0, badData: 1, usage: 2, missingYear: 3 } as const;

const valueOptions = [
  '--filed',
  '--from',
  '--notified',
  '--days',
  '--natural-days',
  '--months',
  '--municipality',
  '--applicant-municipality',
  '--suspended',
] as const;
type ValueOption = (typeof valueOptions)[number];
const repeatable: readonly ValueOption[] = ['--suspended'];
const flags = ['--json'] as const;

const termOptions: Record<'--days' | '--natural-days' | '--months', Term['unit']> = {
  '--days': 'business_days',
  '--natural-days': 'natural_days',
  '--months': 'months',
};

interface Options {
  values: Partial<Record<ValueOption, string[]>>;
  json: boolean;
}

/** A message for the user, and the exit code that goes with it. */
class UsageError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: MessageParams = {},
  ) {
    super(key);
  }
}

function parseOptions(argv: string[]): Options {
  const options: Options = { values: {}, json: false };
  let i = 0;
  while (i < argv.length) {
    const arg = argv[i]!;
    if (flags.some((flag) => flag === arg)) {
      options.json = true;
      i += 1;
      continue;
    }
    const equals = arg.indexOf('=');
    const name = equals === -1 ? arg : arg.slice(0, equals);
    const option = valueOptions.find((known) => known === name);
    if (!option) throw new UsageError('deadlines.cli.unknownOption', { option: name });
    const given = options.values[option] ?? [];
    if (given.length > 0 && !repeatable.includes(option))
      throw new UsageError('deadlines.cli.repeatedOption', { option });
    const value = equals === -1 ? argv[i + 1] : arg.slice(equals + 1);
    if (value === undefined || value === '' || (equals === -1 && value.startsWith('--')))
      throw new UsageError('deadlines.cli.missingValue', { option });
    options.values[option] = [...given, value];
    i += equals === -1 ? 2 : 1;
  }
  return options;
}

const single = (options: Options, option: ValueOption): string | undefined => options.values[option]?.[0];

const dateOnly = /^\d{4}-\d{2}-\d{2}$/;
const instantWithZone = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A date is the registry's legal (Madrid) date: midday UTC falls on that same date in Madrid in
 * every season. An instant must carry its zone, so the machine's own zone never decides the day.
 */
function parseFiled(value: string): Date {
  if (dateOnly.test(value) && isDate(value)) return new Date(`${value}T12:00:00Z`);
  if (instantWithZone.test(value)) {
    const instant = new Date(value);
    if (!Number.isNaN(instant.getTime())) return instant;
  }
  throw new UsageError('deadlines.cli.badDate', { value });
}

/** `--filed` (alias `--from`) or `--notified`: exactly one start. */
function parseStart(options: Options): TermStartInput & { hasTime: boolean } {
  const filed = ['--filed', '--from'] as const;
  const given = [...filed, '--notified' as const].filter((option) => single(options, option) !== undefined);
  if (given.length === 0) throw new UsageError('deadlines.cli.missingStart');
  if (given.length > 1) throw new UsageError('deadlines.cli.oneStart');
  const value = single(options, given[0]!)!;
  if (given[0] !== '--notified') return { registeredAt: parseFiled(value), hasTime: !dateOnly.test(value) };
  if (!dateOnly.test(value) || !isDate(value))
    throw new UsageError('deadlines.cli.badNotifiedDate', { value });
  return { notifiedOn: value, hasTime: false };
}

function parseTerm(options: Options): Term {
  const given = (Object.keys(termOptions) as (keyof typeof termOptions)[]).filter(
    (o) => single(options, o) !== undefined,
  );
  if (given.length !== 1) throw new UsageError('deadlines.cli.oneTerm');
  const option = given[0]!;
  const value = single(options, option)!;
  if (!/^\d+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value)))
    throw new UsageError('deadlines.cli.badAmount', { option, value });
  return { unit: termOptions[option], amount: Number(value) };
}

/** `FROM..TO`, two dates: the term stood still TO − FROM natural days (art. 22.1.a). */
function parseSuspensions(options: Options): Suspension[] {
  return (options.values['--suspended'] ?? []).map((value) => {
    const [from, to, ...rest] = value.split('..');
    if (
      rest.length > 0 ||
      !from ||
      !to ||
      !dateOnly.test(from) ||
      !dateOnly.test(to) ||
      !isDate(from) ||
      !isDate(to)
    )
      throw new UsageError('deadlines.cli.badSuspension', { value });
    return { from, to };
  });
}

/**
 * The calendar of the body's and the applicant's municipalities only: the files of other places are
 * neither validated nor read into it (the office, which serves every place, reads them all).
 */
function calendarFor(folder: CalendarFolder, body: string | undefined, applicant: string | undefined) {
  if (body !== undefined && !folder.knowsMunicipality(body))
    throw new UsageError('deadlines.cli.unknownMunicipality', {
      value: body,
      count: folder.calendar().municipalities.length,
    });
  return folder.calendarFor({
    ...(body === undefined ? {} : { bodyMunicipality: body }),
    municipalities: applicant === undefined ? [] : [applicant],
  });
}

const dateFormat = (options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat =>
  new Intl.DateTimeFormat(cliIntl(), options);

const longDate = (iso: string): string => cliDate(iso, { weekday: true });

const dayAndMonth = (iso: string): string =>
  dateFormat({ timeZone: 'UTC', day: 'numeric', month: 'long' }).format(new Date(`${iso}T00:00:00Z`));

const madridTime = (instant: string): string =>
  dateFormat({ timeZone: 'Europe/Madrid', hour: '2-digit', minute: '2-digit' }).format(new Date(instant));

function skippedLines(days: SkippedDay[]): string[] {
  return days.flatMap((day) => {
    const date = longDate(day.date);
    if (day.weekend) return [cliText('deadlines.skipped.weekend', { date })];
    const holidays = day.holidays
      .map((holiday) =>
        cliText(`deadlines.holiday.${holiday.layer}`, {
          name: holiday.name,
          place: calendarPlace(holiday.layer, holiday.place, cliText),
          source: holiday.source,
        }),
      )
      .join('; ');
    const line = cliText('deadlines.skipped.holidays', { date, holidays });
    if (!day.onlyIn) return [line];
    return [
      line,
      cliText(`deadlines.onlyIn.${day.onlyIn.side}`, { day: dayAndMonth(day.date), place: day.onlyIn.place }),
    ];
  });
}

/** The explanation, line by line, in the order the rules apply. */
function explanation(result: DueDateExplanation, hasTime: boolean): string[] {
  const lines = [cliText('deadlines.due', { date: longDate(result.dueDate), iso: result.dueDate })];
  if (result.start === 'notification')
    lines.push(cliText('deadlines.start.notification', { date: longDate(result.startsOn) }));
  else if (hasTime)
    lines.push(
      cliText('deadlines.start.registry_entry', {
        date: longDate(result.startsOn),
        time: madridTime(result.registeredAt!),
      }),
    );
  else lines.push(cliText('deadlines.start.registry_entry_day', { date: longDate(result.startsOn) }));
  lines.push(
    cliText(`deadlines.term.${result.term.unit}`, {
      count: result.term.amount,
      nominal: longDate(result.nominalEnd),
    }),
  );
  if (result.rules.includes('month_has_no_such_day'))
    lines.push(cliText('deadlines.rule.month_has_no_such_day'));
  const counted = result.skipped.filter((day) => day.during === 'count');
  if (counted.length > 0) lines.push(cliText('deadlines.skipped.count'), ...skippedLines(counted));
  for (const suspension of result.suspensions)
    lines.push(
      cliText('deadlines.suspension', {
        from: longDate(suspension.from),
        to: longDate(suspension.to),
        count: suspension.days,
      }),
    );
  if (result.suspendedDays > 0)
    lines.push(
      cliText('deadlines.suspension.total', {
        nominal: longDate(result.nominalEnd),
        count: result.suspendedDays,
        extended: longDate(result.extendedEnd),
      }),
    );
  const moved = result.skipped.filter((day) => day.during === 'final_move');
  if (moved.length > 0) {
    lines.push(cliText('deadlines.skipped.final_move'), ...skippedLines(moved));
    lines.push(
      cliText('deadlines.rule.last_day_not_business_day', { extended: longDate(result.extendedEnd) }),
    );
  } else lines.push(cliText('deadlines.rule.none'));
  for (const place of result.missingLocalCalendars) lines.push(cliText('deadlines.missingLocal', { place }));
  for (const place of result.missingRegionalCalendars)
    lines.push(cliText('deadlines.missingRegional', { place: calendarPlace('regional', place, cliText) }));
  for (const layer of result.provisionalLayers)
    lines.push(
      cliText('deadlines.provisional', {
        date: longDate(result.dueDate),
        layer: cliText(`deadlines.layer.${layer.layer}`, {
          place: calendarPlace(layer.layer, layer.place, cliText),
        }),
        year: String(layer.year),
        basis: layer.basis,
      }),
    );
  return lines;
}

function compute(folder: CalendarFolder, options: Options): { result: DueDateExplanation; hasTime: boolean } {
  const { hasTime, ...start } = parseStart(options);
  const term = parseTerm(options);
  const suspensions = parseSuspensions(options);
  const applicant = single(options, '--applicant-municipality');
  const scoped = calendarFor(folder, single(options, '--municipality'), applicant);
  const input: DueDateInput = {
    ...start,
    term,
    municipalities: applicant === undefined ? [] : [applicant],
    suspensions,
  };
  return { result: scoped.explainDueDate(input), hasTime };
}

/**
 * `despacho deadline (--filed INSTANT | --notified DATE) (--days N | --natural-days N | --months N)
 * [--applicant-municipality M] [--suspended FROM..TO]... [--json]`: prints the due date and why.
 */
export async function run(argv: string[]): Promise<number> {
  try {
    const folder = new CalendarFolder();
    if (argv.length === 0 || argv.includes('--help')) {
      const calendar = folder.calendar();
      const usage = cliText('deadlines.cli.usage', {
        body: calendar.bodyMunicipality,
        count: calendar.municipalities.length,
      });
      (argv.length === 0 ? process.stderr : process.stdout).write(`${usage}\n`);
      return argv.length === 0 ? deadlineExit.usage : deadlineExit.ok;
    }
    const options = parseOptions(argv);
    const { result, hasTime } = compute(folder, options);
    // A date given without a time stands for the day: its midday instant is no registry entry's.
    const shown = hasTime ? result : { ...result, registeredAt: undefined };
    process.stdout.write(
      options.json ? `${JSON.stringify(shown, null, 2)}\n` : `${explanation(result, hasTime).join('\n')}\n`,
    );
    return deadlineExit.ok;
  } catch (error) {
    return report(error);
  }
}

function report(error: unknown): number {
  if (error instanceof UsageError) {
    process.stderr.write(`${cliText(error.key, error.params)}\n`);
    return deadlineExit.usage;
  }
  if (error instanceof CalendarDataError) {
    process.stderr.write(`${cliText('deadlines.cli.badData', { file: error.file, detail: error.detail })}\n`);
    return deadlineExit.badData;
  }
  if (error instanceof ApiError && error.code === 'invalid_input' && error.params?.field === 'suspended') {
    process.stderr.write(`${cliText('deadlines.cli.invalidSuspension')}\n`);
    return deadlineExit.usage;
  }
  if (error instanceof ApiError && error.code === 'calendar_missing_year') {
    const { year = '', municipality } = error.params ?? {};
    process.stderr.write(
      `${municipality === undefined ? cliText('deadlines.cli.missingYear', { year }) : cliText('deadlines.cli.missingYearLocal', { year, municipality })}\n`,
    );
    return deadlineExit.missingYear;
  }
  throw error;
}
