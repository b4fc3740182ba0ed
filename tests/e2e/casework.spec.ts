import { caseNumbers, expect, grid, openQueue, seriousAxeViolations, signIn, test } from './support';

/**
 * A processor's day on a case: the shortcuts panel (`?`), an internal note written from the `n`
 * shortcut, a report drafted from its template from the `r` shortcut, and both in the timeline,
 * which filters by kind; in Spanish and in Valencian, checked with axe.
 */
test('a processor adds a note and a report from a template, sees them in the timeline, and opens the shortcuts with ?', async ({
  desk,
}) => {
  // Many steps, each waiting on a busy machine: more room than the default guard against hangs.
  test.setTimeout(480_000);
  const { page } = desk;
  const me = await signIn(page, undefined, 2);
  await openQueue(page, /Sin asignar/);
  // Deep in the list: the other specs work on the cases due first.
  await expect(caseNumbers(page).nth(6)).toBeVisible();
  await grid(page).focus();
  for (let step = 0; step < 6; step++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const title = page.getByRole('heading', { level: 1, name: /^Expediente? / });
  await expect(title).toBeFocused();
  const number = ((await title.textContent()) ?? '').replace('Expediente ', '');

  // `?` opens the shortcuts panel; Escape closes it and stays on the case.
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Atajos de teclado' });
  await expect(help).toBeVisible();
  await expect(help.getByRole('row', { name: /N Escribir una nota interna/ })).toBeVisible();
  await expect(help.getByRole('row', { name: /R Añadir un informe/ })).toBeVisible();
  expect(await seriousAxeViolations(page), 'shortcuts panel in Spanish').toEqual([]);
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await expect(title).toBeVisible();

  // `n` brings the cursor to the note; what is typed there stays text (no shortcut fires).
  await page.keyboard.press('n');
  const note = page.getByLabel('Nueva nota');
  await expect(note).toBeFocused();
  await page.keyboard.type('Revisar el plano con la arquitecta.');
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.type('Ni ? ni r abren nada aquí.');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.getByRole('button', { name: 'Añadir nota' }).click();
  await expect(page.getByText('Nota añadida.')).toBeVisible();
  const notes = page.getByRole('region', { name: 'Notas internas' });
  await expect(notes.getByRole('listitem')).toContainText(['Revisar el plano con la arquitecta.']);
  await expect(note).toHaveValue('');

  // `r` opens the report dialog; the technical report's template comes filled from the case.
  await title.focus();
  await page.keyboard.press('r');
  const dialog = page.getByRole('dialog', { name: `Añadir un informe al expediente ${number}` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Texto del informe')).toHaveValue(new RegExp(number));
  expect(await seriousAxeViolations(page), 'report dialog in Spanish').toEqual([]);
  await dialog.getByRole('button', { name: 'Añadir informe' }).click();
  await expect(page.getByText('Informe «Informe técnico» añadido al expediente.')).toBeVisible();
  await expect(dialog).toBeHidden();
  const documents = page.getByRole('region', { name: 'Documentos' });
  await expect(documents.getByRole('row').filter({ hasText: 'Informe técnico' }).last()).toContainText(
    'TD13',
  );

  // The timeline, newest first: the report, then the note, each with who did it.
  const timeline = page.getByRole('region', { name: 'Historial' });
  const entries = timeline.getByRole('listitem');
  await expect(entries.first()).toContainText(`${me} · Añade el informe «Informe técnico»`);
  await expect(entries.nth(1)).toContainText(`${me} · Añade una nota interna`);
  await timeline.getByLabel('Mostrar').selectOption({ label: 'Notas' });
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText('Añade una nota interna');
  await timeline.getByLabel('Mostrar').selectOption({ label: 'Todo' });
  // `t` goes to the timeline; the arrows move through it.
  await title.focus();
  await page.keyboard.press('t');
  await expect(entries.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(entries.nth(1)).toBeFocused();
  expect(await seriousAxeViolations(page), 'case page with notes and timeline in Spanish').toEqual([]);

  // In Valencian.
  await page.getByRole('button', { name: 'Valencià' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Notes internes' })).toBeVisible();
  await expect(entries.first()).toContainText('Afig l’informe «Informe técnico»');
  await title.focus();
  await page.keyboard.press('?');
  const ajuda = page.getByRole('dialog', { name: 'Dreceres de teclat' });
  await expect(ajuda).toBeVisible();
  await expect(ajuda.getByRole('row', { name: /R Afegir un informe/ })).toBeVisible();
  expect(await seriousAxeViolations(page), 'shortcuts panel in Valencian').toEqual([]);
  await ajuda.getByRole('button', { name: 'Tancar' }).click();
  await page.keyboard.press('r');
  const dialeg = page.getByRole('dialog', { name: `Afegir un informe a l’expedient ${number}` });
  await expect(dialeg).toBeVisible();
  await expect(dialeg.getByRole('radio', { name: 'Pujar un PDF' })).toBeVisible();
  expect(await seriousAxeViolations(page), 'report dialog in Valencian').toEqual([]);
  await dialeg.getByRole('button', { name: 'Cancel·lar' }).click();
  await expect(dialeg).toBeHidden();
});
