import { loadScenarioFile, scenarioProblemText } from '../../training/scenarios/load';
import { cliLocale, cliText } from '../text';
import { runRecords } from './training-records';

/** Exit codes: 0 every scenario file is valid; 1 one is not (each problem named by file and line); 2 usage. */
export const trainingExit = { valid: 0, invalid: 1, usage: 2 } as const;

/** `despacho training validate FILE...`: checks training scenarios as their writers edit them. */
async function validate(files: string[]): Promise<number> {
  if (files.length === 0) {
    process.stderr.write(`${cliText('training.cli.noFiles')}\n${cliText('training.cli.usage')}\n`);
    return trainingExit.usage;
  }
  let invalid = 0;
  for (const file of files) {
    const parsed = await loadScenarioFile(file);
    if (parsed.ok) {
      const { id, version, steps } = parsed.scenario;
      process.stdout.write(
        `${cliText('training.cli.valid', { file, id, version: String(version), count: steps.length })}\n`,
      );
      continue;
    }
    invalid += 1;
    for (const problem of parsed.problems)
      process.stderr.write(`${scenarioProblemText(cliLocale(), problem)}\n`);
  }
  if (invalid === 0) return trainingExit.valid;
  process.stderr.write(`${cliText('training.cli.summaryInvalid', { invalid, total: files.length })}\n`);
  return trainingExit.invalid;
}

export async function run(argv: string[]): Promise<number> {
  const [subcommand, ...rest] = argv;
  if (subcommand === 'validate') return validate(rest);
  if (subcommand === 'records') return runRecords(rest);
  if (subcommand === undefined || subcommand === '--help' || subcommand === 'help') {
    process.stdout.write(`${cliText('training.cli.usage')}\n`);
    return subcommand === undefined ? trainingExit.usage : trainingExit.valid;
  }
  process.stderr.write(`${cliText('training.cli.unknownSubcommand', { name: subcommand })}\n`);
  return trainingExit.usage;
}
