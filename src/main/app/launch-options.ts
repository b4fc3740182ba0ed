/** `--data DIR` or `--data=DIR` on the command line; `fallback` (the user's data folder) otherwise. */
export function dataDirFromArgs(
  argv: readonly string[],
  fallback: string,
): { dataDir: string } | { missingValue: true } {
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    if (arg.startsWith('--data=')) {
      const value = arg.slice('--data='.length);
      return value ? { dataDir: value } : { missingValue: true };
    }
    if (arg === '--data') {
      const value = argv[index + 1];
      return value && !value.startsWith('--') ? { dataDir: value } : { missingValue: true };
    }
  }
  return { dataDir: fallback };
}
