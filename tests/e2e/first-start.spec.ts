import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { cli, stop } from './global-setup';
import { expect, openDesk, seriousAxeViolations, test } from './support';

/**
 * A first start on a new data folder: the host listens at once and the page shows how far the demo
 * city's seeding got, in the user's language, then opens onto the sign-in screen by itself. The
 * address is taken from the host's output (its address file is written only once the desk is open).
 */

const cases = 2500;

/** The tokenized address the host prints as soon as it listens. */
function printedUrl(host: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+/.exec(output)?.[0];
      if (url) {
        host.stdout?.off('data', onData);
        resolve(url);
      }
    };
    host.stdout?.on('data', onData);
    host.once('exit', (code) => reject(new Error(`despacho serve exited (${code}):\n${output}`)));
  });
}

test('a first start shows the seeding of the demo city as it goes, then the sign-in screen without a reload', async ({
  browser,
}) => {
  // Guards against a hang only: seeding 2,500 cases takes a minute or more on a busy machine.
  test.setTimeout(900_000);
  const dir = mkdtempSync(join(tmpdir(), 'despacho-first-start-'));
  const host = cli(['serve', '--data', join(dir, 'data'), '--port', '0', '--demo-cases', String(cases)]);
  try {
    const url = await printedUrl(host);
    const spanish = await openDesk(browser, url);
    const valencian = await openDesk(browser, url);
    await valencian.page.evaluate(() => window.localStorage.setItem('despacho.locale', 'ca-valencia'));
    await valencian.page.reload();

    await test.step('the page says the desk is being prepared, and counts the cases seeded so far', async () => {
      const { page } = spanish;
      await expect(
        page.getByRole('heading', { level: 1, name: 'Despacho se está preparando' }),
      ).toBeVisible();
      const bar = page.getByRole('progressbar', { name: 'Preparación de la ciudad de demostración' });
      await expect(bar).toHaveAttribute('max', String(cases));
      await expect(page.getByRole('status')).toContainText(`de ${cases} expedientes`);
      expect(await seriousAxeViolations(page)).toEqual([]);
    });

    await test.step('in Valencian too', async () => {
      const { page } = valencian;
      await expect(page.getByRole('heading', { level: 1, name: 'Despacho s’està preparant' })).toBeVisible();
      await expect(page.getByRole('status')).toContainText(`de ${cases} expedients`);
      expect(await seriousAxeViolations(page)).toEqual([]);
    });

    await test.step('once the city is seeded, the sign-in screen comes by itself', async () => {
      await expect(spanish.page.getByRole('searchbox')).toBeVisible({ timeout: 600_000 });
      await expect(spanish.page.getByRole('heading', { name: 'Despacho se está preparando' })).toHaveCount(0);
      expect(spanish.cspViolations).toEqual([]);
      expect(valencian.cspViolations).toEqual([]);
    });
  } finally {
    await stop(host);
    rmSync(dir, { recursive: true, force: true });
  }
});
