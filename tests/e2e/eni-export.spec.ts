import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { opensslCmsVerify } from '../support/pdfs/validators';
import { loadTestToken } from '../support/softhsm';
import { department, expect, seriousAxeViolations, signIn, test } from './support';

/**
 * A head opens a resolved case from the resolutions book and exports it (ENI): the browser saves
 * one zip with the documents, their ENI metadata and the index with its detached CAdES, signed
 * with the head's card (SoftHSM2, the test PKI's head of Urbanismo) or sealed by the office.
 */

/** Signs in as Urbanismo's head and opens the book's last case of the department; returns its number. */
async function openResolvedCase(page: Page): Promise<string> {
  await signIn(page, `${department} Jefatura`);
  await page.getByRole('navigation', { name: 'Libro de resoluciones' }).getByRole('link').click();
  const book = page.getByRole('grid', { name: /^Libro de resoluciones de \d/ });
  await page.getByLabel(/^Expediente$/).fill('URB-');
  await expect(book).toHaveAttribute('aria-busy', 'false');
  await book.focus();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  const title = page.getByRole('heading', { level: 1, name: /^Expediente URB-/ });
  await expect(title).toBeVisible();
  return (await title.textContent())!.replace(/^Expediente /, '').trim();
}

async function zipOf(download: Download): Promise<Record<string, Uint8Array>> {
  return unzipSync(new Uint8Array(readFileSync(await download.path())));
}

test('a head exports a resolved case with the index signed by their card, by keyboard; a wrong PIN exports nothing', async ({
  desk,
}) => {
  const { page } = desk;
  const token = loadTestToken();
  const caseNumber = await openResolvedCase(page);

  await page.getByRole('button', { name: 'Exportar expediente (ENI)' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Exportar expediente (ENI)' });
  await expect(dialog.getByRole('radio', { name: 'Con mi tarjeta' })).toBeChecked();
  const certificate = dialog.getByRole('radio', { name: /ANA GARCIA PEREZ, tarjeta «DESPACHO PRUEBAS»/ });
  await certificate.focus();
  await page.keyboard.press('Space');
  await expect(certificate).toBeChecked();
  expect(await seriousAxeViolations(page), 'export dialog').toEqual([]);
  await dialog.getByRole('button', { name: 'Exportar', exact: true }).focus();
  await page.keyboard.press('Enter');

  const pinDialog = page.getByRole('dialog', { name: 'PIN de la tarjeta' });
  const pin = pinDialog.getByLabel('PIN', { exact: true });
  await expect(pinDialog).toContainText('ANA GARCIA PEREZ');
  await expect(pin).toBeFocused();
  await page.keyboard.type('0000');
  await page.keyboard.press('Enter');
  await expect(pinDialog.getByRole('alert')).toContainText('PIN incorrecto');
  await expect(pin).toHaveValue('');
  await expect(pin).toBeFocused();

  await page.keyboard.type(token.userPin);
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toBe(`${caseNumber}_ENI.zip`);
  await expect(
    page.getByText(`Expediente exportado: ${caseNumber}_ENI.zip. El índice va firmado con su tarjeta.`),
  ).toBeVisible();
  await expect(dialog).toBeHidden();
  // The PIN went with the call: nothing on the page holds it.
  expect(await page.content()).not.toContain(token.userPin);

  const files = await zipOf(download);
  expect(Object.keys(files).some((name) => /^documents\/001_ES_.+\.pdf$/.test(name))).toBe(true);
  // Only the test root is given to openssl: the index's CMS carries the card's chain itself.
  const verified = opensslCmsVerify(
    { cms: Buffer.from(files['index.xml.p7s']!), signedContent: Buffer.from(files['index.xml']!) },
    token.root.pem,
  );
  expect(verified.ok, verified.text).toBe(true);
});

test('in Valencian the export dialog offers the office’s seal, axe clean, and exports with it', async ({
  desk,
}) => {
  const { page } = desk;
  const caseNumber = await openResolvedCase(page);
  await page.getByRole('button', { name: 'Valencià' }).click();
  await page.getByRole('button', { name: 'Exportar expedient (ENI)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Exportar expedient (ENI)' });
  await expect(dialog).toContainText('Trieu qui signa l’índex.');
  await dialog.getByRole('radio', { name: 'Amb el segell electrònic de l’oficina' }).check();
  // The seal needs no card: no certificate is asked for.
  await expect(dialog.getByRole('group', { name: 'Certificat amb què se signa' })).toBeHidden();
  expect(await seriousAxeViolations(page), 'export dialog in Valencian').toEqual([]);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Exportar', exact: true }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${caseNumber}_ENI.zip`);
  expect(Object.keys(await zipOf(download))).toEqual(expect.arrayContaining(['index.xml', 'index.xml.p7s']));
  await expect(page.getByText(`Expedient exportat: ${caseNumber}_ENI.zip`)).toBeVisible();
  expect(await seriousAxeViolations(page), 'case page with the export button').toEqual([]);
});
