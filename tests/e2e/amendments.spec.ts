import {
  caseNumbers,
  expect,
  explainedDueDate,
  grid,
  onePagePdf,
  openQueue,
  rows,
  searchCases,
  seriousAxeViolations,
  signIn,
  processors,
  test,
} from './support';
import { recordRequestReached } from './processor-day-support';

test('a processor requests an amendment: it is notified, the term is suspended from the notification and explained, the reply moves the due date back', async ({
  desk,
}) => {
  const { page } = desk;
  await signIn(page, processors, 2);
  await openQueue(page, /Sin asignar/);
  // A case whose term still runs with days to spare: a request suspends a running term only.
  const running = rows(page)
    .filter({ has: page.locator('.deadline--ok') })
    .first();
  await expect(running).toBeVisible();
  const number = (await running.locator('.case-grid__number').textContent()) ?? '';
  await searchCases(page, number);
  await expect(caseNumbers(page)).toHaveText([number]);
  await grid(page).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: `Expediente ${number}` })).toBeFocused();
  await page.getByRole('button', { name: 'Asignármelo' }).click();
  await expect(page.getByRole('button', { name: 'Requerir subsanación' })).toBeVisible();

  // Explain this date, from the keyboard: the rule, the start and the final step, before any suspension.
  const explain = page.getByRole('button', { name: 'Explicar esta fecha' });
  await explain.focus();
  await page.keyboard.press('Enter');
  await expect(explain).toHaveAttribute('aria-expanded', 'true');
  const steps = page.locator('.due-date-panel__steps');
  await expect(steps).toContainText('Inicio: entrada en el registro');
  const original = await explainedDueDate(page);
  await expect(steps).not.toContainText('Suspensión del');

  await page.getByRole('button', { name: 'Requerir subsanación' }).click();
  const dialog = page.getByRole('dialog', { name: 'Requerir subsanación' });
  await dialog
    .getByLabel('Qué debe subsanar o aportar el interesado')
    .fill('Plano de situación\nFotografías');
  const preview = dialog.getByRole('region', { name: 'Vista previa del requerimiento' });
  await expect(preview).toContainText('10 días hábiles');
  await expect(preview).toContainText('Plano de situación');
  await expect(preview).toContainText('se le tendrá por desistido');
  expect(await seriousAxeViolations(page), 'the request dialog').toEqual([]);
  await dialog.getByRole('button', { name: 'Emitir el requerimiento' }).click();
  await expect(
    page.getByText(
      'Requerimiento emitido y notificado al interesado: el plazo de 10 días empezará a contar al día siguiente de la notificación.',
    ),
  ).toBeVisible();

  // Pending notification: no term yet and nothing suspended, the term to resolve keeps running.
  await expect(page.locator('.case-summary')).toContainText('Pendiente de subsanación');
  const amendments = page.getByRole('region', { name: 'Subsanación (art. 68)' });
  await expect(amendments).toContainText('Pendiente de notificación');
  await expect(amendments).toContainText(
    'El plazo de 10 días empezará a contar al día siguiente de la notificación',
  );
  await expect(amendments).toContainText('Notificación del requerimiento:');
  await expect(steps).toContainText('pendiente de notificación');
  await expect(steps).not.toContainText('Suspensión del');
  expect(await explainedDueDate(page)).toBe(original);
  expect(await seriousAxeViolations(page), 'a request pending notification').toEqual([]);

  // The site reports the applicant opened it (or the messenger delivered it): the notification is made.
  await recordRequestReached(page, 'SEDE-REQ-1');

  // Suspended from the notification's day: the panel says the clock stands still and counts it (art. 22.1.a, 30.5).
  await expect(amendments).toContainText('Pendiente de respuesta');
  await expect(amendments).toContainText('Plazo: 10 días hábiles');
  await expect(steps).toContainText('Suspendido');
  await expect(steps).toContainText('día en que se notificó el requerimiento');
  await expect(steps).toContainText('Suspensión del');
  await expect.poll(() => explainedDueDate(page)).not.toBe(original);
  expect((await explainedDueDate(page)) > original).toBe(true);
  await expect(page.getByRole('table').first()).toContainText('Requerimiento de subsanación');
  expect(await seriousAxeViolations(page), 'a case awaiting amendment').toEqual([]);

  // A file that is not a PDF is refused with the reason, and nothing is registered.
  await amendments.getByRole('button', { name: 'Registrar la respuesta' }).click();
  const reply = page.getByRole('dialog', { name: 'Registrar la respuesta del interesado' });
  const files = reply.getByLabel(/Documentos de la respuesta/);
  await files.setInputFiles({
    name: 'foto.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
  });
  await reply.getByRole('button', { name: 'Registrar' }).click();
  await expect(reply.getByRole('alert')).toHaveText(/El documento 1 no es un PDF válido/);

  // The reply today: the suspension lasted no day, and the due date is the original again.
  await files.setInputFiles({ name: 'plano.pdf', mimeType: 'application/pdf', buffer: await onePagePdf() });
  await reply.getByRole('button', { name: 'Registrar' }).click();
  await expect(page.getByText('Respuesta registrada: el plazo para resolver vuelve a correr.')).toBeVisible();
  await expect(amendments).toContainText('Respondido');
  await expect(page.locator('.case-summary')).toContainText('En tramitación');
  await expect(steps).not.toContainText('Suspendido ·');
  await expect.poll(() => explainedDueDate(page)).toBe(original);

  // In Valencian the panels speak Valencian.
  await page.getByRole('button', { name: 'Valencià' }).click();
  await expect(page.getByRole('button', { name: 'Explicar esta data' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Esmena (art. 68)' })).toContainText('Respost');
  expect(await seriousAxeViolations(page), 'amendments in Valencian').toEqual([]);
});
