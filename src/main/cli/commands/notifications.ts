import { ApiError } from '../../../shared/api/errors';
import { loadCalendar } from '../../office/calendar/load';
import { dataDirOption, parseOptions } from '../../office/cli-support';
import { sweepNotifications } from '../../office/notifications/sweep';
import { onDataFolder } from '../data-folder';
import { cliText } from '../text';

/** Exit codes (README): 0 swept, 1 the data folder could not be used, 2 usage, 3 the clock went backwards. */
export const notificationsExit = { swept: 0, store: 1, usage: 2, clockBackwards: 3 } as const;

const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

function usage(problem?: string): number {
  process.stderr.write(`${problem ? `${problem}\n` : ''}${cliText('notifications.cli.usage')}\n`);
  return notificationsExit.usage;
}

/**
 * `despacho notifications sweep [--data DIR] [--now INSTANT]`: deems rejected the electronic
 * notifications whose ten natural days (art. 43.2) are over at `--now` (the clock by default),
 * and says how many. A `--now` earlier than the last sweep is refused and nothing changes.
 */
export async function run(argv: string[]): Promise<number> {
  const parsed = parseOptions(argv, ['--data', '--now']);
  if ('bad' in parsed) return usage(cliText('office.cli.badOption', { option: parsed.bad }));
  const { options, positional } = parsed;
  if (positional.length !== 1 || positional[0] !== 'sweep') return usage();
  const given = options.get('--now');
  const now = given === undefined ? new Date() : new Date(given);
  if (given !== undefined && (!instantPattern.test(given) || Number.isNaN(now.getTime())))
    return usage(cliText('notifications.cli.badNow', { value: given }));
  return onDataFolder(dataDirOption(options), notificationsExit.store, async (store) => {
    try {
      const outcome = await sweepNotifications(store.db, loadCalendar(), now);
      process.stdout.write(
        `${cliText('notifications.cli.swept', { count: outcome.deemed, now: now.toISOString() })}\n`,
      );
      return notificationsExit.swept;
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'notification_clock_backwards')) throw error;
      process.stderr.write(`${cliText('errors.notification_clock_backwards', error.params ?? {})}\n`);
      return notificationsExit.clockBackwards;
    }
  });
}
