import { caseNumbers, department, expect, signIn, test } from './support';

test('the demo sign-in lists people by department, searches and signs in with the keyboard', async ({
  desk,
}) => {
  const { page } = desk;
  await expect(page.getByRole('heading', { name: /Acceso de demostración/ })).toBeVisible();
  await expect(page.getByText('Demostración: datos ficticios').first()).toBeVisible();
  const list = page.getByRole('listbox');
  await expect(list.getByRole('group', { name: department })).toBeVisible();
  const everyone = await page.getByRole('option').count();

  const search = page.getByRole('searchbox');
  await search.fill(department);
  const matching = await page.getByRole('option').count();
  expect(matching).toBeGreaterThan(1);
  expect(matching).toBeLessThan(everyone);
  await search.fill('zzzz-nadie');
  await expect(page.getByText('Nadie coincide con «zzzz-nadie».')).toBeVisible();

  await search.fill(department);
  await search.press('ArrowDown');
  await expect(list).toBeFocused();
  await page.keyboard.press('ArrowDown');
  const second = page.getByRole('option').nth(1);
  await expect(second).toHaveAttribute('aria-selected', 'true');
  const name = (await second.locator('.user-list__name').textContent()) ?? '';
  await page.keyboard.press('Enter');

  await expect(page.locator('.app-header__user')).toContainText(name);
  await expect(page.getByRole('heading', { name: 'Bandejas de trabajo' })).toBeVisible();
});

test('the language switch changes the texts and <html lang>, and survives a reload', async ({ desk }) => {
  const { page } = desk;
  await signIn(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('tab', { name: /Sin asignar/ })).toBeVisible();

  await page.getByRole('button', { name: 'Valencià' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ca-ES-valencia');
  await expect(page.getByRole('heading', { name: 'Safates de treball' })).toBeVisible();
  await expect(page.getByRole('tab', { name: /Sense assignar/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /Assignar-me el següent/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Valencià' })).toHaveAttribute('aria-pressed', 'true');

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ca-ES-valencia');
  await expect(page.getByRole('heading', { name: 'Safates de treball' })).toBeVisible();
  // The desk keeps its sign-in across the reload: the token and desk id live in the tab.
  await expect(page.locator('.app-header__user')).toBeVisible();
  await page.getByRole('tab', { name: /Sense assignar/ }).click();
  await expect(caseNumbers(page).first()).toBeVisible();
  await expect(page.locator('.silence').first()).toHaveText(/^Silenci (estimatori|desestimatori)$/);

  await page.getByRole('button', { name: 'Castellano' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('heading', { name: 'Bandejas de trabajo' })).toBeVisible();
});

test('the token leaves the address bar as soon as the page reads it', async ({ desk }) => {
  await expect(desk.page).not.toHaveURL(/token=/);
});

test('the first Tab reaches the skip link, which takes the keyboard to the main content', async ({
  desk,
}) => {
  const { page } = desk;
  await signIn(page);
  // After a page load focus stays at the top of the document.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Bandejas de trabajo' })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Saltar al contenido principal' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: /Asignarme el siguiente/ })).toBeFocused();
});
