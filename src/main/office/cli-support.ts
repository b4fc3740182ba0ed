import { ApiError } from '../../shared/api/errors';
import type { MessageKey, MessageParams } from '../../shared/i18n/index';
import { defaultDataDir } from './data-dir';
import { MigrationError } from './store/migrate';

/** `--name value` options of the office commands; anything else is reported, not guessed. */
export function parseOptions(
  argv: readonly string[],
  names: readonly string[],
): { options: Map<string, string>; positional: string[] } | { bad: string } {
  const options = new Map<string, string>();
  const positional: string[] = [];
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const value = argv[index + 1];
    if (!names.includes(arg) || value === undefined || value.startsWith('--')) return { bad: arg };
    options.set(arg, value);
    index += 1;
  }
  return { options, positional };
}

export const dataDirOption = (options: Map<string, string>): string =>
  options.get('--data') ?? defaultDataDir();

/** The message for a failure the user can act on (bad folder, migration, calendar); null otherwise. */
export function officeFailureMessage(error: unknown): { key: MessageKey; params: MessageParams } | null {
  if (error instanceof MigrationError) {
    const key = {
      failed: 'office.db.migrationFailed',
      changed: 'office.db.migrationChanged',
      unknown: 'office.db.migrationUnknown',
    } as const;
    return { key: key[error.reason], params: { file: error.file, detail: error.detail } };
  }
  if (error instanceof ApiError)
    return { key: `errors.${error.code}` as MessageKey, params: error.params ?? {} };
  return null;
}
