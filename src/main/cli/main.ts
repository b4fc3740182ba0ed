#!/usr/bin/env node
import { commandNames, loadCommand } from './registry';
import { cliText, loadCliText } from './text';

/** `despacho <command> [...]`: each command lives in commands/<name>.ts and exports `run(argv)`. */
async function main(argv: string[]): Promise<number> {
  await loadCliText();
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === 'help') {
    process.stdout.write(`${cliText('cli.usage', { commands: commandNames.join(', ') })}\n`);
    return name ? 0 : 2;
  }
  const command = await loadCommand(name);
  if (!command) {
    process.stderr.write(`${cliText('cli.unknownCommand', { name, commands: commandNames.join(', ') })}\n`);
    return 2;
  }
  return command.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `${cliText('cli.unexpected', { message: error instanceof Error ? error.message : String(error) })}\n`,
    );
    process.exitCode = 1;
  },
);
