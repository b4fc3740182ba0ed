import {
  caseNumbers,
  department,
  expect,
  grid,
  openQueue,
  seriousAxeViolations,
  signIn,
  test,
} from './support';

test('a head reviews the department’s queues and cases without claiming, keyboard and axe clean', async ({
  desk,
}) => {
  const { page } = desk;
  await signIn(page, `${department} Jefatura`);
  // A head lands on the signing tray; the department's cases are one link away.
  await expect(page.getByRole('heading', { level: 1, name: 'Bandeja de firmas' })).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Secciones' })
    .getByRole('link', { name: 'Expedientes' })
    .click();
  await expect(page.getByRole('heading', { name: 'Bandejas de trabajo' })).toBeVisible();
  await expect(page.getByRole('tab')).toHaveText([
    /^Sin asignar/,
    /^Vencen en 5 días hábiles/,
    /^Vencidos/,
    /^Todos los expedientes/,
  ]);
  await expect(page.getByText(/Como jefatura de servicio, consulta los expedientes/)).toBeVisible();
  await expect(page.getByRole('button', { name: /Asignarme/ })).toHaveCount(0);
  await expect(page.getByRole('columnheader')).toHaveCount(6);

  await openQueue(page, /Sin asignar/);
  await expect(caseNumbers(page).first()).toBeVisible();
  expect(await seriousAxeViolations(page), 'queues of a head').toEqual([]);
  await grid(page).focus();
  await page.keyboard.press('ArrowDown');
  // C and N claim for a processor; for a head they do nothing (not even a refusal).
  await page.keyboard.press('c');
  await page.keyboard.press('n');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Documentos' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^(Asignármelo|Liberarlo)$/ })).toHaveCount(0);
  await expect(page.locator('.toast')).toHaveCount(0);
  expect(await seriousAxeViolations(page), 'case of a head').toEqual([]);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('tab', { name: /Sin asignar/ })).toHaveAttribute('aria-selected', 'true');
});

for (const language of [
  {
    button: 'Castellano',
    title: 'La tramitación de expedientes no forma parte de su perfil',
    commands: /Su trabajo se hace con la orden «despacho»/,
  },
  {
    button: 'Valencià',
    title: 'La tramitació d’expedients no forma part del vostre perfil',
    commands: /La vostra faena es fa amb l’orde «despacho»/,
  },
] as const) {
  test(`the administrator gets a screen saying what they do instead of case work (${language.button})`, async ({
    desk,
  }) => {
    const { page } = desk;
    await page.getByRole('button', { name: language.button }).click();
    await signIn(page, 'Administración de sistemas');
    await expect(page.getByRole('heading', { level: 1, name: language.title })).toBeVisible();
    await expect(page.getByText(language.commands)).toBeVisible();
    await expect(page.getByText('despacho db migrate', { exact: true })).toBeVisible();
    await expect(page.getByText('despacho db verify-audit', { exact: true })).toBeVisible();
    await expect(page.getByRole('tab')).toHaveCount(0);
    await expect(page.getByRole('grid')).toHaveCount(0);
    expect(await seriousAxeViolations(page), 'administrator').toEqual([]);

    // The keyboard reaches the content from the skip link, and the sign-out from there.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: language.title })).toBeVisible();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(page.getByRole('button', { name: /Cerrar sesión|Tancar la sessió/ })).toBeFocused();
  });
}
