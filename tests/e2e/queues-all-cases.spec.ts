import {
  caseNumbers,
  expect,
  grid,
  openQueue,
  rows,
  searchCases,
  seriousAxeViolations,
  signIn,
  test,
} from './support';

test('"all" finds a resolved case by state and by search, with the day it closed, in both languages', async ({
  desk,
}) => {
  const { page } = desk;
  await signIn(page);
  // A case awaiting amendment has its term suspended: no days left, and never overdue.
  await openQueue(page, /Pendientes de subsanación/);
  await expect(rows(page).first().locator('.deadline')).toHaveText('Plazo suspendido');
  // The other queues hold open cases only: they do not offer closed states.
  await openQueue(page, /Sin asignar/);
  await expect(page.getByLabel('Estado').locator('option', { hasText: 'Resuelto' })).toHaveCount(0);

  await openQueue(page, /Todos los expedientes/);
  await page.getByLabel('Estado').selectOption({ label: 'Resuelto' });
  await expect(grid(page)).toHaveAttribute('aria-busy', 'false');
  await expect(rows(page).first().locator('.case-grid__state')).toHaveText('Resuelto');
  const number = (await caseNumbers(page).first().textContent()) ?? '';
  expect(number).not.toBe('');

  await page.getByRole('button', { name: 'Quitar filtros' }).click();
  await searchCases(page, number);
  await expect(caseNumbers(page)).toHaveText([number]);
  const row = rows(page).first();
  await expect(row.locator('.case-grid__state')).toHaveText('Resuelto');
  await expect(row.locator('.deadline')).toHaveText(/^Cerrado el \d{1,2} \S+ \d{4}$/);
  expect(await seriousAxeViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Valencià' }).click();
  await expect(page.getByRole('tab', { name: /Tots els expedients/ })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(row.locator('.case-grid__state')).toHaveText('Resolt');
  await expect(row.locator('.deadline')).toHaveText(/^Tancat el \d{1,2} \S+ \d{4}$/);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Castellano' }).click();
});

test('a processor hands a case they hold to a colleague with a reason, by keyboard', async ({ desk }) => {
  const { page } = desk;
  await signIn(page);
  await openQueue(page, /Sin asignar/);
  await expect(caseNumbers(page).first()).toBeVisible();
  await page.keyboard.press('n');
  const toast = page.getByText(/^Se le ha asignado el expediente .+\.$/);
  await expect(toast).toBeVisible();
  const number = ((await toast.textContent()) ?? '').replace(
    /^Se le ha asignado el expediente (.+)\.$/,
    '$1',
  );

  await openQueue(page, /Mis expedientes/);
  await searchCases(page, number);
  await expect(caseNumbers(page)).toHaveText([number]);
  await grid(page).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: `Expediente ${number}` })).toBeFocused();

  await page.getByRole('button', { name: 'Reasignar' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: `Reasignar el expediente ${number}` });
  await expect(dialog).toBeVisible();
  const picker = dialog.getByLabel('Nueva persona tramitadora');
  await expect(picker).toBeFocused();
  expect(await seriousAxeViolations(page)).toEqual([]);

  // Submitting without a colleague or a reason says what is missing.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Reasignar' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('alert')).toHaveText('Elija a quién se reasigna el expediente.');

  await picker.focus();
  await page.keyboard.press('ArrowDown');
  const colleague = (await picker.locator('option:checked').textContent()) ?? '';
  expect(colleague).not.toBe('Elija una persona');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Vacaciones del 1 al 15 de julio');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');

  await expect(page.getByText(`El expediente ${number} se ha reasignado a ${colleague}.`)).toBeVisible();
  await expect(dialog).toBeHidden();
  const history = page.getByRole('region', { name: 'Historial' }).getByRole('listitem');
  await expect(history.first()).toContainText('Reasigna el expediente');
  // No longer theirs: the case page offers them neither release nor reassignment.
  await expect(page.getByRole('button', { name: 'Reasignar' })).toHaveCount(0);
});
