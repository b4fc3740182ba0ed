import { recomputeDueDates } from '../../office/amendments/recompute';
import { loadCalendar } from '../../office/calendar/load';
import { dataDirOption, parseOptions } from '../../office/cli-support';
import { onDataFolder } from '../data-folder';
import { cliText } from '../text';

/**
 * `despacho deadlines recompute [--data DIR] [--calendars DIR]`: derives every open case's due
 * date again from its registry entry, term, suspensions and the calendars (as the office does at
 * start-up), after a calendar file changed; each change audited. Exit 0 done, 1 store or calendar
 * data refused, 2 usage.
 */
export async function run(argv: string[]): Promise<number> {
  const parsed = parseOptions(argv, ['--data', '--calendars']);
  const [name, ...extra] = 'bad' in parsed ? [] : parsed.positional;
  if ('bad' in parsed || name !== 'recompute' || extra.length > 0) {
    if ('bad' in parsed) process.stderr.write(`${cliText('office.cli.badOption', { option: parsed.bad })}\n`);
    process.stderr.write(`${cliText('deadlines.recompute.usage')}\n`);
    return 2;
  }
  return onDataFolder(dataDirOption(parsed.options), 1, async (store) => {
    const calendar = loadCalendar(parsed.options.get('--calendars'));
    const outcome = await recomputeDueDates(store.db, calendar, new Date(), { always: true });
    for (const change of outcome.changed)
      process.stdout.write(`${cliText('deadlines.recompute.changed', { ...change })}\n`);
    process.stdout.write(
      `${cliText('deadlines.recompute.done', { checked: outcome.checked, count: outcome.changed.length })}\n`,
    );
    if (outcome.failed.length > 0)
      process.stderr.write(`${cliText('deadlines.recompute.failed', { count: outcome.failed.length })}\n`);
    return 0;
  });
}
