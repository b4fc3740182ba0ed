import { loadCalendar } from '../../office/calendar/load';
import { dataDirOption, parseOptions } from '../../office/cli-support';
import { reportOfficeFailure } from '../office-failure';
import { StoreNotEmptyError } from '../../office/demo/seed';
import { openOfficeStore, seedDemoCity } from '../../compose/office-store';
import type { Store } from '../../office/store/open-store';
import { cliText } from '../text';

const maxCases = 1_000_000;

/** `despacho demo seed --cases N [--data DIR]`: exit 0 seeded, 1 refused (folder, not empty), 2 usage. */
export async function run(argv: string[]): Promise<number> {
  const parsed = parseOptions(argv, ['--cases', '--data']);
  const usage = () => process.stderr.write(`${cliText('office.cli.demoUsage')}\n`);
  if ('bad' in parsed) {
    process.stderr.write(`${cliText('office.cli.badOption', { option: parsed.bad })}\n`);
    usage();
    return 2;
  }
  if (parsed.positional.length !== 1 || parsed.positional[0] !== 'seed') {
    usage();
    return 2;
  }
  const casesText = parsed.options.get('--cases') ?? '';
  const cases = /^\d{1,7}$/.test(casesText) ? Number(casesText) : Number.NaN;
  if (!(cases >= 1 && cases <= maxCases)) {
    process.stderr.write(`${cliText('office.cli.badCases', { value: casesText, max: maxCases })}\n`);
    usage();
    return 2;
  }
  const dataDir = dataDirOption(parsed.options);
  let store: Store | null = null;
  try {
    const calendar = loadCalendar();
    store = await openOfficeStore({ kind: 'pglite', dataDir });
    process.stdout.write(`${cliText('office.demo.seeding', { path: dataDir, cases })}\n`);
    const summary = await seedDemoCity(store, {
      cases,
      calendar,
      now: new Date(),
      onProgress: (done, total) =>
        process.stderr.write(
          `\r${cliText('office.demo.progress', { done, total })}${done === total ? '\n' : ''}`,
        ),
    });
    process.stdout.write(`${cliText('office.demo.done', { ...summary })}\n`);
    return 0;
  } catch (error) {
    if (error instanceof StoreNotEmptyError) {
      process.stderr.write(`${cliText('office.demo.notEmpty', { path: dataDir })}\n`);
      return 1;
    }
    return reportOfficeFailure(error);
  } finally {
    await store?.close();
  }
}
