import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startDesk } from '../../compose/starting-desk';
import { practicePin } from '../../compose/practice-card-desk';
import { trainingDataDir } from '../../compose/training-sandbox';
import { dataDirOption } from '../../office/cli-support';
import { defaultDataDir } from '../../office/data-dir';
import { builtLayout, packageRoot } from '../../package-root';
import { reportOfficeFailure } from '../office-failure';
import { startLoopbackHost } from '../../server/host';
import { writePrivateFile } from '../../server/private-file';
import { cliText } from '../text';

const defaultRendererDir = join(packageRoot, builtLayout.renderer);

/**
 * `despacho serve [--training] [--data DIR] [--port N] [--demo-cases N] [--url-file PATH] [--renderer DIR] [--open]`:
 * the embedded desk in a browser, on 127.0.0.1 only; with `--training`, the training desk on its own
 * sandbox (by default beside the data folder, never in it) with the practice card. Exit 0 after a clean stop, 1 when the data
 * folder, the port or the URL file cannot be used, 2 for bad arguments.
 *
 * The launch token never reaches a command line, which every local user can read in /proc: the
 * browser is handed an address with a one-time launch code. The token itself goes only where its
 * user alone reads it: the terminal, and the `--url-file` (a new file, mode 0600, never a symlink's
 * target).
 */
export async function run(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        data: { type: 'string' },
        port: { type: 'string', default: '0' },
        'demo-cases': { type: 'string', default: '2000' },
        'url-file': { type: 'string' },
        renderer: { type: 'string' },
        open: { type: 'boolean', default: false },
        training: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    process.stderr.write(`${cliText('host.serve.badArguments', { detail: (error as Error).message })}\n`);
    process.stderr.write(`${cliText('host.serve.usage')}\n`);
    return 2;
  }
  const port = Number(values.port);
  const demoCases = Number(values['demo-cases']);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    process.stderr.write(`${cliText('host.serve.badPort', { value: values.port })}\n`);
    return 2;
  }
  if (!Number.isInteger(demoCases) || demoCases < 0 || demoCases > 1_000_000) {
    process.stderr.write(`${cliText('host.serve.badDemoCases', { value: values['demo-cases'] })}\n`);
    return 2;
  }
  const dataDir =
    values.data ?? (values.training ? trainingDataDir(defaultDataDir()) : dataDirOption(new Map()));
  const rendererDir = values.renderer ?? defaultRendererDir;
  if (!existsSync(rendererDir))
    process.stderr.write(`${cliText('host.serve.noRenderer', { path: rendererDir })}\n`);

  process.stdout.write(`${cliText('host.serve.opening', { path: dataDir })}\n`);
  if (values.training)
    process.stdout.write(`${cliText('host.serve.training', { path: dataDir, pin: practicePin })}\n`);
  // Served at once: a first start seeds the demo city, and the page shows how far it got.
  const starting = startDesk(
    { mode: values.training ? 'training' : 'embedded', dataDir, demoCases },
    {
      onSeedProgress: (done, total) =>
        process.stderr.write(`\r${cliText('host.serve.seeding', { done, total })}`),
    },
  );
  const closeDesk = () =>
    starting.ready.then(
      (desk) => desk.close(),
      () => undefined,
    );

  let host;
  try {
    host = await startLoopbackHost({
      handlers: starting.handlers,
      actors: starting.actors,
      events: starting.events,
      onUserLeft: starting.left,
      rendererDir: existsSync(rendererDir) ? rendererDir : null,
      port,
      log: (line) => process.stderr.write(`${line}\n`),
    });
  } catch (error) {
    await closeDesk();
    process.stderr.write(
      `${cliText('host.serve.cannotListen', { port, detail: (error as Error).message })}\n`,
    );
    return 1;
  }
  if (values.open) openInBrowser(host.launchUrl());

  process.stdout.write(`${cliText('host.serve.preparing', { url: host.url })}\n`);
  let desk;
  try {
    desk = await starting.ready;
  } catch (error) {
    await host.close();
    return reportOfficeFailure(error);
  }

  // The address file says the desk is open: scripts and tests wait for it.
  if (values['url-file']) {
    try {
      writePrivateFile(values['url-file'], `${host.url}\n`);
    } catch (error) {
      process.stderr.write(
        `${cliText('host.serve.cannotWriteUrlFile', { path: values['url-file'], detail: (error as Error).message })}\n`,
      );
      await host.close();
      await desk.close();
      return 1;
    }
  }
  process.stdout.write(
    `\n${cliText('host.serve.ready', { url: host.url })}\n${cliText('host.serve.stopHint')}\n`,
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  process.stdout.write(`${cliText('host.serve.stopping')}\n`);
  await host.close();
  await desk.close();
  return 0;
}

/** Best effort: a desktop without xdg-open still has the address printed above. */
function openInBrowser(url: string): void {
  const opener =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const child = spawn(opener, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => process.stderr.write(`${cliText('host.serve.cannotOpen')}\n`));
  child.unref();
}
