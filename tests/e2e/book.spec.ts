import type { Page } from '@playwright/test';
import { department, expect, seriousAxeViolations, signIn, test } from './support';

const book = (page: Page) =>
  page.getByRole('grid', { name: /Libro de resoluciones de \d{4}|Llibre de resolucions de \d{4}/ });
const bookRows = (page: Page) => book(page).locator('[role="row"]:not([aria-rowindex="1"])');
const status = (page: Page) => page.locator('.book').getByRole('status');

async function openBook(page: Page): Promise<number> {
  await page.getByRole('navigation', { name: 'Libro de resoluciones' }).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Libro de resoluciones' })).toBeVisible();
  await expect(status(page)).toHaveText(/^\d+ resoluci/);
  await expect(book(page)).toHaveAttribute('aria-busy', 'false');
  return Number(((await status(page).textContent()) ?? '').replace(/\D/g, ''));
}

/** Waits until what the form asks for is on screen (debounce and fetch done). */
async function settled(page: Page): Promise<void> {
  await expect(status(page)).not.toHaveText(/Buscando|S’està cercant/);
  await expect(book(page).or(page.getByText(/Ninguna resolución|Cap resolució/))).toBeVisible();
}

test('a head reads the whole city hall’s book by keyboard, searches it and opens their own department’s case', async ({
  desk,
}) => {
  const { page } = desk;
  await signIn(page, `${department} Jefatura`);
  const total = await openBook(page);
  expect(total).toBeGreaterThan(1);
  await expect(page.getByText('Todo el libro del ayuntamiento')).toBeVisible();
  // Newest first; every entry shows its signer's NIF masked for publication.
  const labels = await bookRows(page).locator('.book-grid__number').allTextContents();
  const numbers = labels.map((label) => Number(label.split('/')[1]));
  expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
  await expect(bookRows(page).first()).toContainText(/NIF \*\*\*\d{4}\*\*/);
  const departments = new Set(
    (await bookRows(page).locator('.book-grid__stacked > span:first-child').allTextContents())
      .filter((text) => /^[A-Z]{3}-\d{4}-/.test(text))
      .map((text) => text.slice(0, 3)),
  );
  expect(departments.size).toBeGreaterThan(1);
  expect(await seriousAxeViolations(page), 'book of a head').toEqual([]);

  // The keyboard moves through the page; the entry below follows the active row.
  await book(page).focus();
  await page.keyboard.press('ArrowDown');
  await expect(book(page)).toHaveAttribute('aria-activedescendant', 'book-row-1');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(`Resolución ${labels[1]}`);
  await page.keyboard.press('End');
  const last = (await bookRows(page).count()) - 1;
  await expect(book(page)).toHaveAttribute('aria-activedescendant', `book-row-${last}`);
  await page.keyboard.press('Home');
  await expect(book(page)).toHaveAttribute('aria-activedescendant', 'book-row-0');

  // By number, as printed on the document.
  const wanted = labels[2]!;
  await page.getByLabel('Número').fill(wanted);
  await settled(page);
  await expect(bookRows(page)).toHaveCount(1);
  await expect(bookRows(page).first()).toContainText(wanted);
  await page.getByLabel('Número').fill('12a');
  await expect(page.getByText('Escriba un número del libro')).toBeVisible();
  await expect(book(page)).toHaveCount(0);
  await page.getByRole('button', { name: 'Limpiar la búsqueda' }).click();
  await settled(page);
  await expect(status(page)).toHaveText(new RegExp(`^${total} resoluci`));

  // By signer: every entry found is theirs.
  const signer = (await bookRows(page)
    .nth(1)
    .locator('.book-grid__stacked')
    .nth(1)
    .locator('span')
    .first()
    .textContent())!;
  await page.getByLabel('Firmante').fill(signer.toUpperCase());
  await settled(page);
  const signers = await bookRows(page)
    .locator('.book-grid__stacked:nth-of-type(4) > span:first-child')
    .allTextContents();
  expect(signers.length).toBeGreaterThan(0);
  for (const name of signers) expect(name).toBe(signer);
  await page.getByRole('button', { name: 'Limpiar la búsqueda' }).click();

  // By dates: a range that ends before it starts is said so; the whole year finds everything.
  const year = (await page.getByLabel('Año').inputValue()).trim();
  await page.getByLabel('Desde').fill(`${year}-12-31`);
  await page.getByLabel('Hasta').fill(`${year}-01-01`);
  await expect(page.getByText('La fecha «Hasta» es anterior a «Desde».')).toBeVisible();
  await page.getByLabel('Desde').fill(`${year}-01-01`);
  await page.getByLabel('Hasta').fill(`${year}-12-31`);
  await settled(page);
  await expect(status(page)).toHaveText(new RegExp(`^${total} resoluci`));
  await page.getByRole('button', { name: 'Limpiar la búsqueda' }).click();
  await settled(page);

  // Enter opens a case of the head's own department; back returns to the book.
  await page.getByLabel('Expediente').fill('URB-');
  await settled(page);
  await book(page).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Documentos' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { level: 1, name: 'Libro de resoluciones' })).toBeVisible();
});

test('a processor reads only their department’s entries', async ({ desk }) => {
  const { page } = desk;
  await signIn(page);
  await openBook(page);
  await expect(page.getByText('Las resoluciones de los expedientes de su servicio.')).toBeVisible();
  const cases = await bookRows(page).locator('.book-grid__stacked > span:first-child').allTextContents();
  const caseNumbers = cases.filter((text) => /^[A-Z]{3}-\d{4}-/.test(text));
  expect(caseNumbers.length).toBeGreaterThan(0);
  for (const number of caseNumbers) expect(number.startsWith('URB-')).toBe(true);
});

test('the administrator reads the whole book but opens no case', async ({ desk }) => {
  const { page } = desk;
  await signIn(page, 'Administración de sistemas');
  await openBook(page);
  await expect(page.getByText('Todo el libro del ayuntamiento')).toBeVisible();
  await expect(
    page.getByText('Este expediente solo lo abren quienes tramitan o dirigen su servicio.'),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: /Abrir el expediente/ })).toHaveCount(0);
  await book(page).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Libro de resoluciones' })).toBeVisible();
});

test('the book in Valencian, axe clean', async ({ desk }) => {
  const { page } = desk;
  await signIn(page, `${department} Jefatura`);
  await openBook(page);
  await page.getByRole('button', { name: 'Valencià' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Llibre de resolucions' })).toBeVisible();
  await expect(page.getByRole('search', { name: 'Cercar en el llibre' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Signant' })).toBeVisible();
  await expect(status(page)).toHaveText(/^\d+ resoluci/);
  await page.getByLabel('Número').fill('x');
  await expect(page.getByText('Escriviu un número del llibre')).toBeVisible();
  expect(await seriousAxeViolations(page), 'book in Valencian').toEqual([]);
});
