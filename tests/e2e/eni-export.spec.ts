import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { department, expect, seriousAxeViolations, signIn, test } from './support';

/**
 * A head opens a resolved case from the resolutions book and exports it (ENI): the browser saves
 * one zip with the documents, their ENI metadata and the index with its detached CAdES.
 */
test('a head exports a resolved case as an ENI zip from its page', async ({ desk }) => {
  const { page } = desk;
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
  const caseNumber = (await title.textContent())!.replace(/^Expediente /, '').trim();

  const exportButton = page.getByRole('button', { name: 'Exportar expediente (ENI)' });
  const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
  expect(download.suggestedFilename()).toBe(`${caseNumber}_ENI.zip`);
  const files = unzipSync(new Uint8Array(readFileSync(await download.path())));
  expect(Object.keys(files)).toEqual(expect.arrayContaining(['index.xml', 'index.xml.p7s']));
  expect(Object.keys(files).some((name) => /^documents\/001_ES_.+\.pdf$/.test(name))).toBe(true);
  await expect(page.getByText(`Expediente exportado: ${caseNumber}_ENI.zip`)).toBeVisible();
  expect(await seriousAxeViolations(page), 'case page with the export button').toEqual([]);
});
