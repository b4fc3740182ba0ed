/** `--training`: the app opens the training desk, on its sandbox beside the data folder. */
export const trainingFromArgs = (argv: readonly string[]): boolean => argv.includes('--training');

/** The same command line in the other mode: what the menu's training entry starts the app again with. */
export function otherModeArgs(argv: readonly string[]): string[] {
  return trainingFromArgs(argv) ? argv.filter((arg) => arg !== '--training') : [...argv, '--training'];
}

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
