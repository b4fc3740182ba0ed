import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoCity, serveOwnHost, stop, type ServedHost } from './global-setup';
import { expect, signIn, test } from './support';

/** A port nobody listens on now, so the restarted host can take the same address the tab knows. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** This spec's own host (the shared one must stay up) on its own copy of the demo city, on a fixed port. */
function startHost(dir: string, port: number, run: number): Promise<ServedHost> {
  return serveOwnHost(['--data', join(dir, 'data'), '--port', String(port)], join(dir, `url-${run}`));
}

test('a stopped host is "no connection", and a host restarted with a new token tells the tab what to do', async ({
  browser,
}) => {
  test.setTimeout(600_000);
  const dir = mkdtempSync(join(tmpdir(), 'despacho-offline-'));
  const port = await freePort();
  demoCity(join(dir, 'data'));
  let { host, url } = await startHost(dir, port, 1);
  const context = await browser.newContext();
  // The desk retries for about 45 s before it gives up, by design: the page's clock skips through
  // that schedule instead of the test waiting it out (it runs at its own pace until then).
  await context.clock.install();
  try {
    const page = await context.newPage();
    await page.goto(url);
    await signIn(page);
    await expect(page.getByRole('heading', { name: 'Bandejas de trabajo' })).toBeVisible();

    await stop(host);
    await expect(
      page.getByRole('alert').filter({ hasText: 'Sin conexión con el servidor local. Reintentando…' }),
    ).toBeVisible();
    // An action now gets no answer at all: the user reads that the server is unreachable, not an internal error.
    await page.getByRole('button', { name: /Asignarme el siguiente/ }).click();
    await expect(
      page.getByText(/^Sin conexión con el servidor local: no se ha podido completar/),
    ).toBeVisible();
    await expect(page.getByText(/error interno/)).toHaveCount(0);

    // After its bounded attempts the desk stops and offers to try again.
    const retry = page.getByRole('button', { name: 'Volver a intentarlo' });
    // Each failed attempt is real (the socket is refused); only the waits between them are skipped.
    await expect(async () => {
      await page.clock.fastForward(10_000);
      await expect(retry).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 180_000 });
    await expect(
      page.getByRole('alert').filter({ hasText: /Despacho ha dejado de intentarlo/ }),
    ).toBeVisible();

    ({ host, url } = await startHost(dir, port, 2));
    await retry.click();
    // The restarted host has a new token: the tab is told at once to open the new address.
    await expect(
      page.getByRole('alert').filter({ hasText: /El servidor local se ha reiniciado/ }),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Recargar la página' })).toBeVisible();
    await expect(page.getByText('Reintentando…')).toHaveCount(0);

    // As the user pastes the new address into this tab: only the fragment changes, and the tab reloads.
    await page.goto(url);
    await signIn(page);
    await expect(page.getByRole('heading', { name: 'Bandejas de trabajo' })).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: /servidor local/ })).toHaveCount(0);
  } finally {
    await context.close();
    await stop(host);
    rmSync(dir, { recursive: true, force: true });
  }
});
