import { officeFailureMessage } from '../office/cli-support';
import { cliText } from './text';

/** Prints a failure the user can act on and gives exit code 1; anything else is a bug and goes on up. */
export function reportOfficeFailure(error: unknown): number {
  const failure = officeFailureMessage(error);
  if (!failure) throw error;
  process.stderr.write(`${cliText(failure.key, failure.params)}\n`);
  return 1;
}
