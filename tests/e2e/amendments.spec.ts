import type { Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoStaff } from '../../src/main/office/demo/city';
import { despachoRun } from '../support/despacho-command';
import { loadTestToken } from '../support/softhsm';
import {
  caseNumbers,
  expect,
  explainedDueDate,
  grid,
  onePagePdf,
  openDesk,
  openQueue,
  rows,
  searchCases,
  seriousAxeViolations,
  signIn,
  processors,
  test,
} from './support';
import { OwnHost, recordRequestReached } from './processor-day-support';

/**
 * Opens, by keyboard, the first unassigned case whose term still runs with days to spare (a request
 * suspends a running term only) and claims it.
 */
async function claimRunningCase(page: Page): Promise<void> {
  await openQueue(page, /Sin asignar/);
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
}

test('a processor requests an amendment: it is notified, the term is suspended from the notification and explained, the reply moves the due date back', async ({
  desk,
}) => {
  const { page } = desk;
  await signIn(page, processors, 2);
  await claimRunningCase(page);
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

test('a processor signs the amendment request with their own card, by keyboard, and the documents show its signature', async ({
  browser,
}) => {
  const token = loadTestToken();
  const dir = mkdtempSync(join(tmpdir(), 'despacho-e2e-amendment-card-'));
  const host = new OwnHost(dir, token);
  host.seed();
  // The test card is ANA GARCIA PEREZ's: her NIF becomes the processor's on record (no longer the head's).
  const processor = demoStaff().find((person) => person.id === 'urb-01')!;
  for (const args of [
    ['clear-nif', 'urb-jefatura'],
    ['set-nif', processor.id, token.keys.rsa2048.holder.nif],
  ]) {
    const changed = await despachoRun(['users', ...args, '--data', host.dataDir]);
    expect(changed.code, changed.stderr).toBe(0);
  }
  const desk = await openDesk(browser, await host.start());
  try {
    const { page } = desk;
    await signIn(page, processor.name);
    await claimRunningCase(page);

    await page.getByRole('button', { name: 'Requerir subsanación' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Requerir subsanación' });
    await dialog.getByLabel('Qué debe subsanar o aportar el interesado').focus();
    await page.keyboard.type('Plano de situación firmado');
    const seal = dialog.getByRole('radio', { name: 'Con el sello del órgano' });
    await expect(seal).toBeChecked();
    await seal.focus();
    await page.keyboard.press('ArrowDown');
    await expect(dialog.getByRole('radio', { name: 'Con mi tarjeta' })).toBeChecked();
    expect(await seriousAxeViolations(page), 'the request dialog with the signer’s choice').toEqual([]);
    await dialog.getByRole('button', { name: 'Emitir el requerimiento' }).focus();
    await page.keyboard.press('Enter');

    const cardDialog = page.getByRole('dialog', { name: 'Firmar el requerimiento con su tarjeta' });
    const certificate = cardDialog.getByRole('radio', {
      name: /ANA GARCIA PEREZ, tarjeta «DESPACHO PRUEBAS»/,
    });
    await certificate.focus();
    await page.keyboard.press('Space');
    await expect(certificate).toBeChecked();
    expect(await seriousAxeViolations(page), 'the card’s dialog').toEqual([]);
    await cardDialog.getByRole('button', { name: 'Firmar y emitir' }).focus();
    await page.keyboard.press('Enter');

    const pinDialog = page.getByRole('dialog', { name: 'PIN de la tarjeta' });
    await expect(pinDialog.getByLabel('PIN', { exact: true })).toBeFocused();
    await page.keyboard.type(token.userPin);
    await page.keyboard.press('Enter');
    await expect(
      page.getByText(
        'Requerimiento emitido y notificado al interesado: el plazo de 10 días empezará a contar al día siguiente de la notificación.',
      ),
    ).toBeVisible();
    await expect(page.locator('.case-summary')).toContainText('Pendiente de subsanación');
    // The PIN went with the call: nothing on the page holds it.
    expect(await page.content()).not.toContain(token.userPin);

    // The request among the case's documents, its signature read by the verifier: the processor's card.
    const toggle = page
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: /^Requerimiento de subsanación/ }) })
      .getByRole('button', { name: /firmas/ });
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const panel = page.locator(`#${await toggle.getAttribute('aria-controls')}`);
    await expect(panel.getByRole('status')).toHaveText(/^1 firma, verificada ahora/);
    await expect(panel.getByRole('row').nth(1).getByRole('rowheader')).toContainText('ANA GARCIA PEREZ');
    expect(await seriousAxeViolations(page), 'the signed request’s signatures').toEqual([]);
    expect(desk.cspViolations, 'Content Security Policy violations').toEqual([]);
  } finally {
    await desk.page.context().close();
    await host.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
