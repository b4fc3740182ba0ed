import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { demoCityWithDocuments, longPdf } from '../support/pdf-viewer-data';
import { demoCity, serveOwnHost, stop } from './global-setup';
import { expect, openDesk, seriousAxeViolations, signIn, test } from './support';

/**
 * The case page's viewer over this spec's own host: a demo city whose first Urbanismo case also
 * holds a 12-page project (the word "ornitorrinco" on pages 3, 7 and 11), a text file and a PDF
 * that is damaged past its header.
 */
const pages = 12;
const word = 'ornitorrinco';

let dir = '';
let host: ChildProcess | null = null;
let url = '';
let caseId = '';

test.beforeAll(async () => {
  test.setTimeout(600_000);
  dir = mkdtempSync(join(tmpdir(), 'despacho-pdf-viewer-'));
  demoCity(join(dir, 'data'));
  const prepared = await demoCityWithDocuments(join(dir, 'data'), 20, [
    {
      title: 'Proyecto técnico',
      bytes: await longPdf({ pages, word, wordPages: [3, 7, 11], pictureSide: 64 }),
      format: 'PDF',
    },
    { title: 'Nota en texto', bytes: new TextEncoder().encode('Esto no es un PDF.\n'), format: 'TXT' },
    {
      title: 'Plano dañado',
      bytes: new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage\n'),
      format: 'PDF',
    },
  ]);
  caseId = prepared.caseId;
  ({ host, url } = await serveOwnHost(['--data', join(dir, 'data'), '--port', '0'], join(dir, 'url')));
});

test.afterAll(async () => {
  if (host) await stop(host);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function openCase(page: Page): Promise<void> {
  await signIn(page);
  await page.evaluate((id) => (window.location.hash = `#/cases/${id}`), caseId);
  await expect(page.getByRole('heading', { level: 2, name: /^Documentos$|^Documents$/ })).toBeVisible();
}

/** Opens a document of the case in the viewer's dialog, from its "Abrir"/"Obrir" button. */
async function openDocument(page: Page, title: string): Promise<Locator> {
  await page.getByRole('button', { name: new RegExp(`^(Abrir|Obrir) «${title}»`) }).click();
  const dialog = page.getByRole('dialog', { name: title });
  await expect(dialog).toBeVisible();
  return dialog;
}

const pagesRegion = (dialog: Locator) => dialog.getByRole('region', { name: /«Proyecto técnico»/ });
const drawnPage = (dialog: Locator, number: number) =>
  dialog.locator(`[data-page-number="${number}"] [data-page-rendered="true"]`);

test('the viewer shows a long document: pages by keyboard, zoom, search and thumbnails, in Spanish and Valencian', async ({
  browser,
}) => {
  test.setTimeout(600_000);
  const desk = await openDesk(browser, url);
  const { page } = desk;
  try {
    await openCase(page);
    const dialog = await openDocument(page, 'Proyecto técnico');
    await expect(drawnPage(dialog, 1)).toBeVisible();
    await expect(dialog.getByRole('status').filter({ hasText: 'Página 1 de 12' })).toHaveCount(1);
    const region = pagesRegion(dialog);
    await expect(region).toBeFocused();

    // Page Down, End, Home and Page Up move by pages; the page field follows.
    const pageField = dialog.getByLabel('Página', { exact: true });
    await page.keyboard.press('PageDown');
    await expect(region).toHaveAttribute('data-current-page', '2');
    await expect(pageField).toHaveValue('2');
    await expect(drawnPage(dialog, 2)).toBeVisible();
    await page.keyboard.press('End');
    await expect(region).toHaveAttribute('data-current-page', '12');
    await expect(drawnPage(dialog, 12)).toBeVisible();
    await page.keyboard.press('Home');
    await expect(region).toHaveAttribute('data-current-page', '1');
    await pageField.fill('9');
    await pageField.press('Enter');
    await expect(region).toHaveAttribute('data-current-page', '9');
    await expect(drawnPage(dialog, 9)).toBeVisible();
    await region.focus();
    await page.keyboard.press('PageUp');
    await expect(region).toHaveAttribute('data-current-page', '8');

    // + and − zoom from the width-fitted size; "Ajustar al ancho" brings it back.
    const fitted = Number(await region.getAttribute('data-zoom'));
    await page.keyboard.press('+');
    await expect.poll(async () => Number(await region.getAttribute('data-zoom'))).toBeGreaterThan(fitted);
    await expect(region).toHaveAttribute('data-current-page', '8');
    await page.keyboard.press('-');
    await page.keyboard.press('-');
    await expect.poll(async () => Number(await region.getAttribute('data-zoom'))).toBeLessThan(fitted);
    await dialog.getByRole('button', { name: 'Ajustar al ancho' }).click();
    await expect(region).toHaveAttribute('data-zoom', String(fitted));

    // Ctrl+F goes to the search; the word is found on three pages, the current match marked.
    await region.focus();
    await page.keyboard.press('Control+f');
    const search = dialog.getByRole('searchbox', { name: 'Buscar en el documento' });
    await expect(search).toBeFocused();
    await search.fill('ORNITORRINCO');
    await search.press('Enter');
    const matches = dialog.getByTestId('pdf-matches');
    // From page 8, the first match ahead is the third, on page 11; then it wraps to page 3.
    await expect(matches).toHaveText('3 de 3 coincidencias');
    await expect(region).toHaveAttribute('data-current-page', '11');
    await expect(dialog.locator('[data-page-number="11"] mark.pdf-match--current')).toHaveText(
      'ornitorrinco',
    );
    await search.press('Enter');
    await expect(matches).toHaveText('1 de 3 coincidencias');
    await expect(region).toHaveAttribute('data-current-page', '3');
    await dialog.getByRole('button', { name: 'Coincidencia anterior' }).click();
    await expect(matches).toHaveText('3 de 3 coincidencias');
    await expect(region).toHaveAttribute('data-current-page', '11');
    await search.fill('mamut');
    await search.press('Enter');
    await expect(matches).toHaveText('Sin coincidencias');

    // The thumbnails go to their page.
    await dialog.getByRole('button', { name: 'Mostrar las miniaturas' }).click();
    const thumbnails = dialog.getByRole('navigation', { name: 'Miniaturas de las páginas' });
    await thumbnails.getByRole('button', { name: 'Página 5', exact: true }).click();
    await expect(region).toHaveAttribute('data-current-page', '5');
    await expect(thumbnails.getByRole('button', { name: 'Página 5', exact: true })).toHaveAttribute(
      'aria-current',
      'page',
    );
    expect(await seriousAxeViolations(page), 'the viewer in Spanish').toEqual([]);

    // Escape closes it; the page behind is the case again.
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    // In Valencian.
    await page.getByRole('button', { name: 'Valencià' }).click();
    const valencian = await openDocument(page, 'Proyecto técnico');
    await expect(drawnPage(valencian, 1)).toBeVisible();
    await expect(valencian.getByRole('status').filter({ hasText: 'Pàgina 1 de 12' })).toHaveCount(1);
    const cerca = valencian.getByRole('searchbox', { name: 'Cercar en el document' });
    await cerca.fill(word);
    await cerca.press('Enter');
    await expect(valencian.getByTestId('pdf-matches')).toHaveText('1 de 3 coincidències');
    await expect(valencian.getByRole('button', { name: 'Ajustar a l’amplària' })).toBeVisible();
    expect(await seriousAxeViolations(page), 'the viewer in Valencian').toEqual([]);
    await page.keyboard.press('Escape');
    await expect(valencian).toBeHidden();
  } finally {
    expect(desk.cspViolations, 'Content Security Policy violations').toEqual([]);
    await page.context().close();
  }
});

test('a document that is not a PDF, or a damaged one, is explained in the user’s language', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const desk = await openDesk(browser, url);
  const { page } = desk;
  try {
    await openCase(page);
    let dialog = await openDocument(page, 'Nota en texto');
    await expect(dialog.getByRole('alert')).toHaveText(/^Este documento no es un PDF/);
    await page.keyboard.press('Escape');
    dialog = await openDocument(page, 'Plano dañado');
    await expect(dialog.getByRole('alert')).toHaveText(/^El visor no puede leer este PDF/);
    expect(await seriousAxeViolations(page), 'a damaged PDF in Spanish').toEqual([]);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Valencià' }).click();
    dialog = await openDocument(page, 'Nota en texto');
    await expect(dialog.getByRole('alert')).toHaveText(/^Este document no és un PDF/);
    await page.keyboard.press('Escape');
    dialog = await openDocument(page, 'Plano dañado');
    await expect(dialog.getByRole('alert')).toHaveText(/^El visor no pot llegir este PDF/);
    expect(await seriousAxeViolations(page), 'a damaged PDF in Valencian').toEqual([]);
  } finally {
    expect(desk.cspViolations, 'Content Security Policy violations').toEqual([]);
    await page.context().close();
  }
});
