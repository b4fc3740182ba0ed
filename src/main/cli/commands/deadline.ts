import { ApiError } from '../../../shared/api/errors';
import type { DueDateExplanation, LegalCalendar, Term } from '../../../shared/domain/calendar';
import type { MessageKey, MessageParams } from '../../../shared/i18n/index';
import { CalendarDataError, loadCalendar } from '../../office/calendar/load';
import { cliLocale, cliText } from '../text';

/** Exit codes: 0 due date printed, 1 calendar data unreadable, 2 bad arguments, 3 year without calendar. */
export const deadlineExit = { ok: 0, badData: 1, usage: 2, missingYear: 3 } as const;

const valueOptions = [
  '--from',
  '--days',
  '--natural-days',
  '--months',
  '--municipality',
  '--applicant-municipality',
] as const;
type ValueOption = (typeof valueOptions)[number];

const termOptions: Record<'--days' | '--natural-days' | '--months', Term['unit']> = {
  '--days': 'business_days',
  '--natural-days': 'natural_days',
  '--months': 'months',
};

/** A message for the user, and the exit code that goes with it. */
class UsageError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: MessageParams = {},
  ) {
    super(key);
  }
}

function parseOptions(argv: string[]): Partial<Record<ValueOption, string>> {
  const options: Partial<Record<ValueOption, string>> = {};
  let i = 0;
  while (i < argv.length) {
    const arg = argv[i]!;
    const equals = arg.indexOf('=');
    const name = equals === -1 ? arg : arg.slice(0, equals);
    const option = valueOptions.find((known) => known === name);
    if (!option) throw new UsageError('deadlines.cli.unknownOption', { option: name });
    if (options[option] !== undefined) throw new UsageError('deadlines.cli.repeatedOption', { option });
    const value = equals === -1 ? argv[i + 1] : arg.slice(equals + 1);
    if (value === undefined || value === '' || (equals === -1 && value.startsWith('--')))
      throw new UsageError('deadlines.cli.missingValue', { option });
    options[option] = value;
    i += equals === -1 ? 2 : 1;
  }
  return options;
}

const dateOnly = /^\d{4}-\d{2}-\d{2}$/;
const instantWithZone = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A date is the registry's legal (Madrid) date: midday UTC falls on that same date in Madrid in
 * every season. An instant must carry its zone, so the machine's own zone never decides the day.
 */
function parseFrom(value: string): Date {
  if (dateOnly.test(value)) {
    const midday = new Date(`${value}T12:00:00Z`);
    if (!Number.isNaN(midday.getTime()) && midday.toISOString().startsWith(value)) return midday;
  } else if (instantWithZone.test(value)) {
    const instant = new Date(value);
    if (!Number.isNaN(instant.getTime())) return instant;
  }
  throw new UsageError('deadlines.cli.badDate', { value });
}

function parseTerm(options: Partial<Record<ValueOption, string>>): Term {
  const given = (Object.keys(termOptions) as (keyof typeof termOptions)[]).filter(
    (o) => options[o] !== undefined,
  );
  if (given.length !== 1) throw new UsageError('deadlines.cli.oneTerm');
  const option = given[0]!;
  const value = options[option]!;
  if (!/^\d+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value)))
    throw new UsageError('deadlines.cli.badAmount', { option, value });
  return { unit: termOptions[option], amount: Number(value) };
}

function checkMunicipality(calendar: LegalCalendar, value: string | undefined): void {
  if (value !== undefined && !calendar.knowsMunicipality(value))
    throw new UsageError('deadlines.cli.unknownMunicipality', {
      value,
      municipalities: calendar.municipalities.join(', '),
    });
}

function longDate(iso: string): string {
  return new Intl.DateTimeFormat(cliLocale() === 'es' ? 'es-ES' : 'ca-ES', {
    timeZone: 'UTC',
    dateStyle: 'full',
  }).format(new Date(`${iso}T00:00:00Z`));
}

function explanation(result: DueDateExplanation): string {
  const params = {
    registered: longDate(result.registeredOn),
    filed: longDate(result.filedOn),
    nominal: longDate(result.nominalEnd),
  };
  if (result.rules.length === 0) return cliText('deadlines.rule.none', params);
  return result.rules.map((rule) => cliText(`deadlines.rule.${rule}`, params)).join(' ');
}

function compute(argv: string[], calendar: LegalCalendar): DueDateExplanation {
  const options = parseOptions(argv);
  if (options['--from'] === undefined) throw new UsageError('deadlines.cli.missingFrom');
  const registeredAt = parseFrom(options['--from']);
  const term = parseTerm(options);
  const body = options['--municipality'];
  const applicant = options['--applicant-municipality'];
  checkMunicipality(calendar, body);
  checkMunicipality(calendar, applicant);
  const scoped = body === undefined ? calendar : loadCalendar(undefined, { bodyMunicipality: body });
  return scoped.explainDueDate({
    registeredAt,
    term,
    municipalities: applicant === undefined ? [] : [applicant],
  });
}

/** `despacho deadline --from DATE (--days N | --natural-days N | --months N) [...]`: prints the due date. */
export async function run(argv: string[]): Promise<number> {
  try {
    const calendar = loadCalendar();
    if (argv.length === 0 || argv.includes('--help')) {
      const usage = cliText('deadlines.cli.usage', {
        body: calendar.bodyMunicipality,
        municipalities: calendar.municipalities.join(', '),
      });
      (argv.length === 0 ? process.stderr : process.stdout).write(`${usage}\n`);
      return argv.length === 0 ? deadlineExit.usage : deadlineExit.ok;
    }
    const result = compute(argv, calendar);
    process.stdout.write(
      `${cliText('deadlines.due', { date: longDate(result.dueDate), iso: result.dueDate })}\n`,
    );
    process.stdout.write(`${explanation(result)}\n`);
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
  if (error instanceof ApiError && error.code === 'calendar_missing_year') {
    const { year = '', municipality } = error.params ?? {};
    process.stderr.write(
      `${municipality === undefined ? cliText('deadlines.cli.missingYear', { year }) : cliText('deadlines.cli.missingYearLocal', { year, municipality })}\n`,
    );
    return deadlineExit.missingYear;
  }
  throw error;
}
