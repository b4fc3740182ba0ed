import {
  caseNumbers,
  expect,
  grid,
  loadedCount,
  openQueue,
  rows,
  signIn,
  test,
  searchCases,
} from './support';

test('filters by text, procedure and state', async ({ desk }) => {
  const { page } = desk;
  await signIn(page);
  await openQueue(page, /Sin asignar/);
  const total = await loadedCount(page, 'unassigned');
  expect(total).toBeGreaterThan(2);
  await expect(page.getByRole('status').filter({ hasText: /expedientes?$/ })).toHaveText(
    `${total} expedientes`,
  );

  // Text: a case number finds exactly that case.
  const number = (await caseNumbers(page).nth(1).textContent()) ?? '';
  const nif = (await rows(page).nth(2).locator('.case-grid__nif').textContent()) ?? '';
  const search = page.getByRole('searchbox', { name: 'Buscar' });
  await searchCases(page, number);
  await expect(caseNumbers(page)).toHaveText([number]);

  // Text: a NIF finds that applicant's cases only.
  await searchCases(page, nif);
  await expect
    .poll(async () => new Set(await rows(page).locator('.case-grid__nif').allTextContents()))
    .toEqual(new Set([nif]));

  await page.getByRole('button', { name: 'Quitar filtros' }).click();
  await expect(search).toHaveValue('');
  await expect(page.getByRole('status').filter({ hasText: /expedientes?$/ })).toHaveText(
    `${total} expedientes`,
  );

  // Procedure: every row shown is of the chosen procedure.
  const procedure = page.getByLabel('Procedimiento');
  const firstProcedureName = (await rows(page).first().locator('.case-grid__procedure').textContent()) ?? '';
  await procedure.selectOption({ label: firstProcedureName });
  await expect
    .poll(async () => new Set(await rows(page).locator('.case-grid__procedure').allTextContents()))
    .toEqual(new Set([firstProcedureName]));
  await procedure.selectOption('');

  // State: every row shown is in the chosen state.
  const stateCell = rows(page).first().locator('.case-grid__state');
  const stateName = (await stateCell.textContent()) ?? '';
  await page.getByLabel('Estado').selectOption({ label: stateName });
  await expect
    .poll(async () => new Set(await rows(page).locator('.case-grid__state').allTextContents()))
    .toEqual(new Set([stateName]));
});

test('sorts by due date both ways', async ({ desk }) => {
  const { page } = desk;
  await signIn(page);
  await openQueue(page, /Sin asignar/);
  await expect(caseNumbers(page).first()).toBeVisible();
  const daysLeft = async () =>
    // A suspended term (awaiting amendment) has no days to sort by: it says so instead.
    (await rows(page).locator('.deadline:not(.deadline--suspended)').allTextContents()).map((text) => {
      const value = Number(text.replace(/\D/g, '') || 0);
      return /Vencido/.test(text) ? -value : value;
    });
  const ascending = await daysLeft();
  expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
  await page.getByLabel('Orden').selectOption('due_desc');
  await expect
    .poll(async () => (await daysLeft())[0])
    .toBeGreaterThanOrEqual(ascending[ascending.length - 1] ?? 0);
  const descending = await daysLeft();
  expect(descending).toEqual([...descending].sort((a, b) => b - a));
});

test('claim next moves the unassigned case due first to my cases', async ({ desk }) => {
  const { page } = desk;
  await signIn(page);
  await openQueue(page, /Sin asignar/);
  const unassigned = await loadedCount(page, 'unassigned');
  const mine = await loadedCount(page, 'mine');
  const firstDue = (await rows(page).first().locator('.deadline').textContent()) ?? '';

  await page.getByRole('button', { name: /Asignarme el siguiente/ }).click();
  const toast = page.getByText(/^Se le ha asignado el expediente .+\.$/);
  await expect(toast).toBeVisible();
  const claimed = ((await toast.textContent()) ?? '').replace(
    /^Se le ha asignado el expediente (.+)\.$/,
    '$1',
  );
  await expect(page.getByTestId('count-unassigned')).toHaveText(String(unassigned - 1));
  await expect(page.getByTestId('count-mine')).toHaveText(String(mine + 1));
  await expect(caseNumbers(page).filter({ hasText: claimed })).toHaveCount(0);

  await openQueue(page, /Mis expedientes/);
  await searchCases(page, claimed);
  await expect(caseNumbers(page)).toHaveText([claimed]);
  // It was one of those due first.
  await expect(rows(page).first().locator('.deadline')).toHaveText(firstDue);
});

test('the keyboard moves through the queue, claims with C and opens with Enter', async ({ desk }) => {
  const { page } = desk;
  const me = await signIn(page);
  await openQueue(page, /Sin asignar/);
  const mine = await loadedCount(page, 'mine');
  // The keys move over the rows shown: wait for them, or the first key finds an empty list.
  await expect(caseNumbers(page).nth(2)).toBeVisible();
  await grid(page).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  const active = grid(page).locator('[aria-selected="true"]');
  await expect(active).toHaveAttribute('aria-rowindex', '3');
  await expect(grid(page)).toHaveAttribute('aria-activedescendant', 'case-row-1');
  const number = (await active.locator('.case-grid__number').textContent()) ?? '';

  await page.keyboard.press('c');
  await expect(page.getByText(`Se le ha asignado el expediente ${number}.`)).toBeVisible();
  await expect(page.getByTestId('count-mine')).toHaveText(String(mine + 1));

  await openQueue(page, /Mis expedientes/);
  await searchCases(page, number);
  await expect(caseNumbers(page)).toHaveText([number]);
  await grid(page).focus();
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: `Expediente ${number}` })).toBeFocused();
  const documents = page.getByRole('table').first();
  await expect(documents.getByRole('columnheader', { name: 'Tipo documental' })).toBeVisible();
  await expect(documents.locator('tbody tr').first()).toContainText(/TD\d\d/);
  await expect(documents.locator('code.hash').first()).toHaveAttribute(
    'title',
    /^Huella SHA-256 completa: [0-9a-f]{64}$/,
  );
  const history = page.getByRole('region', { name: 'Historial' }).getByRole('listitem');
  await expect(history.first()).toContainText(me);
  await expect(history.first()).toContainText('Se asigna el expediente');

  await page.getByRole('button', { name: 'Liberarlo' }).click();
  await expect(page.getByText(`El expediente ${number} vuelve a estar sin asignar.`)).toBeVisible();
  await expect(history.first()).toContainText('Deja el expediente sin asignar');
  await expect(page.getByRole('button', { name: 'Asignármelo' })).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'Bandejas de trabajo' })).toBeVisible();
  await expect(grid(page)).toBeFocused();
  await expect(page.getByRole('tab', { name: /Mis expedientes/ })).toHaveAttribute('aria-selected', 'true');
});

test('End, Home and the page keys reach the ends of the list', async ({ desk }) => {
  const { page } = desk;
  await signIn(page);
  await openQueue(page, /Sin asignar/);
  const total = await loadedCount(page, 'unassigned');
  await grid(page).focus();
  await page.keyboard.press('End');
  await expect(grid(page).locator('[aria-selected="true"]')).toHaveAttribute(
    'aria-rowindex',
    String(total + 1),
  );
  await page.keyboard.press('Home');
  await expect(grid(page).locator('[aria-selected="true"]')).toHaveAttribute('aria-rowindex', '2');
  await page.keyboard.press('PageDown');
  await expect(grid(page).locator('[aria-selected="true"]')).not.toHaveAttribute('aria-rowindex', '2');
});
