#!/usr/bin/env node
import { commandNames, loadCommand } from './registry';
import { cliText, loadCliText } from './text';

/** `despacho <command> [...]`: each command lives in commands/<name>.ts and exports `run(argv)`. */
async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const help = !name || name === '--help' || name === 'help';
  const command = help ? null : await loadCommand(name);
  if (!command?.loadsItsText) await loadCliText();
  if (help) {
    process.stdout.write(`${cliText('cli.usage', { commands: commandNames.join(', ') })}\n`);
    return name ? 0 : 2;
  }
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
  async (error: unknown) => {
    await loadCliText();
    process.stderr.write(
      `${cliText('cli.unexpected', { message: error instanceof Error ? error.message : String(error) })}\n`,
    );
    process.exitCode = 1;
  },
);
