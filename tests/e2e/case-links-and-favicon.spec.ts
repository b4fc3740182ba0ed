import type { Page } from '@playwright/test';
import { expect, hostUrl, seriousAxeViolations, signIn, test } from './support';

/** Opens `#/cases/<raw>` as a user typing or pasting the address would. */
async function openCaseLink(page: Page, raw: string): Promise<void> {
  await page.evaluate((hash) => (window.location.hash = hash), `#/cases/${raw}`);
}

test('a case link with a broken escape, an over-long id or an unknown id names the id and leads back', async ({
  desk,
}) => {
  const { page } = desk;
  await signIn(page);
  const overLong = '7'.repeat(100);
  const links = [
    { raw: '%E0%A4%A', heading: 'Expediente %E0%A4%A', sentence: /No hay ningún expediente «%E0%A4%A»/ },
    {
      raw: overLong,
      heading: `Expediente ${'7'.repeat(39)}…`,
      sentence: new RegExp(`«${'7'.repeat(39)}…» no es un identificador de expediente`),
    },
    { raw: '999999999', heading: 'Expediente 999999999', sentence: /No hay ningún expediente «999999999»/ },
  ];
  for (const link of links) {
    await openCaseLink(page, link.raw);
    await expect(page.getByRole('heading', { level: 1, name: link.heading })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveText(link.sentence);
    await expect(page.getByRole('alert')).not.toHaveText(/caseId/);
    expect(await seriousAxeViolations(page), link.raw).toEqual([]);
    await page.getByRole('button', { name: /Volver a la bandeja/ }).click();
    await expect(page.getByRole('heading', { name: 'Bandejas de trabajo' })).toBeVisible();
  }

  await page.getByRole('button', { name: 'Valencià' }).click();
  await openCaseLink(page, '%E0%A4%A');
  await expect(page.getByRole('heading', { level: 1, name: 'Expedient %E0%A4%A' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveText(/No hi ha cap expedient «%E0%A4%A»/);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'Safates de treball' })).toBeVisible();
});

test('the host serves the favicon the page links to, so no load ends in a 404', async ({ desk }) => {
  const { page } = desk;
  const missing: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) missing.push(`${response.status()} ${response.url()}`);
  });
  await page.reload();
  await expect(page.getByRole('heading', { name: /Acceso de demostración/ })).toBeVisible();
  const icon = await page.locator('link[rel="icon"]').getAttribute('href');
  expect(icon).toBeTruthy();
  const response = await fetch(new URL(icon!, new URL(hostUrl()).origin));
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('image/x-icon');
  const bytes = new Uint8Array(await response.arrayBuffer());
  // An ICO file starts with reserved 0, type 1 (icon) and its image count.
  expect([...bytes.slice(0, 4)]).toEqual([0, 0, 1, 0]);
  const direct = await fetch(new URL('/favicon.ico', new URL(hostUrl()).origin));
  expect(direct.status).toBe(200);
  expect(missing).toEqual([]);
});
