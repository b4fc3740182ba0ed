import type { Locator, Page } from '@playwright/test';
import { practicePin } from '../../src/main/compose/practice-card-desk';
import { demoStaff } from '../../src/main/office/demo/city';
import { ownTrainingHost } from './training-host';
import {
  test as base,
  expect,
  head,
  onePagePdf,
  openDesk,
  seriousAxeViolations,
  selectLastTrayRows,
  signIn,
  type Desk,
} from './support';

/**
 * Every shipped scenario after the first (which training-walkthrough.spec.ts walks by keyboard), done
 * with the walkthrough on a training desk by doing the real work where its popover points: a step
 * moves on only once the host has checked its outcome, and each ends with its full score. The
 * practice card plays the faults the scenarios script: a first PIN refused, and the card pulled out
 * in the middle of a batch, then the retry of what was left. Last, an assessment with a wrong
 * outcome is not passed, and offers no hint.
 */

const nameOf = (id: string) => demoStaff().find((user) => user.id === id)!.name;
const processor = nameOf('urb-02');
const headName = nameOf('urb-jefatura');

const hostUrl = ownTrainingHost();

/** A trainee's own browser context on the training host, closed after the test. */
const test = base.extend<{ desk: Desk }>({
  desk: async ({ browser }, use) => {
    const desk = await openDesk(browser, hostUrl());
    await use(desk);
    await desk.page.context().close();
  },
});

const popover = (page: Page) => page.locator('aside.walkthrough-panel');
const stepHeading = (page: Page, n: number, of: number) =>
  popover(page).getByRole('heading', { name: `Paso ${n} de ${of}` });

/** Signs in as the scenario's trainee and starts it from the picker. */
async function start(page: Page, trainee: string, scenarioId: string, mode: 'guided' | 'assessment') {
  await signIn(page, trainee);
  await page.getByRole('button', { name: 'Ejercicios de formación' }).click();
  await page
    .locator(`[data-scenario="${scenarioId}"]`)
    .getByRole('button', { name: mode === 'guided' ? 'Empezar con guía' : 'Empezar la evaluación' })
    .click();
}

/**
 * Waits for step `n` of `of` beside its target and follows the popover's "go to" control; returns
 * the target it points at, which then has the focus (or, in a grid, is in the active row).
 */
async function goToStep(page: Page, n: number, of: number, target: string) {
  await expect(stepHeading(page, n, of)).toBeVisible();
  await popover(page).getByRole('button', { name: 'Ir al elemento señalado' }).click();
  const aimed = page.locator(`[data-tour="${target}"]`);
  await expect(aimed.first()).toBeVisible();
  return aimed;
}

/** The end of a guided scenario: every outcome right. */
async function expectFullScore(desk: Desk, steps: number): Promise<void> {
  const { page } = desk;
  await expect(popover(page).getByRole('heading', { name: 'Ejercicio terminado' })).toBeVisible();
  await expect(popover(page)).toContainText(`${steps} de ${steps} resultados correctos`);
  await popover(page).getByRole('button', { name: 'Cerrar' }).click();
  await expect(page.getByRole('button', { name: 'Ejercicios de formación' })).toBeVisible();
  expect(desk.cspViolations).toEqual([]);
}

/** The trainee types the practice card's PIN and signs. */
async function typePracticePin(pin: Locator): Promise<void> {
  await pin.locator('[data-tour="pin.input"]').fill(practicePin);
  await pin.locator('[data-tour="pin.submit"]').click();
}

/** The heading of a case's page, once the walkthrough has opened it. */
const casePage = (page: Page) => page.getByRole('heading', { level: 1, name: /^Expediente / });

/** 'YYYY-MM-DDTHH:mm:ss' of the browser's clock, the way a datetime-local field to the second takes it. */
const localSecond = (page: Page) =>
  page.evaluate(() => {
    const now = new Date();
    return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 19);
  });

test('request an amendment: the request is issued and its notification made available', async ({ desk }) => {
  test.setTimeout(600_000);
  const { page } = desk;
  await start(page, processor, 'request-amendment', 'guided');
  const request = await goToStep(page, 1, 1, 'amendments.request');
  await expect(casePage(page)).toBeVisible();
  await expect(request).toBeFocused();
  expect(await seriousAxeViolations(page), 'the amendments section beside the popover').toEqual([]);
  await request.click();
  const dialog = page.getByRole('dialog', { name: 'Requerir subsanación' });
  await dialog.locator('[data-tour="amendment-request.missing"]').fill('Plano de situación');
  await expect(dialog.getByRole('region', { name: 'Vista previa del requerimiento' })).toContainText(
    '10 días hábiles',
  );
  // Writing the request is not its outcome: the step waits for the request the office issues.
  await expect(stepHeading(page, 1, 1)).toBeVisible();
  await dialog.locator('[data-tour="amendment-request.submit"]').click();
  // The 10 days and the suspension wait for the notification to be made (arts. 68.1 and 22.1.a).
  await expect(page.getByRole('region', { name: 'Subsanación (art. 68)' })).toContainText(
    'Pendiente de notificación',
  );
  await expectFullScore(desk, 1);
});

test('register the reply: the PDF the applicant brought, and the term runs again', async ({ desk }) => {
  test.setTimeout(600_000);
  const { page } = desk;
  await start(page, processor, 'register-reply', 'guided');
  const reply = await goToStep(page, 1, 1, 'amendments.reply');
  await expect(reply).toBeFocused();
  await reply.click();
  const dialog = page.getByRole('dialog', { name: 'Registrar la respuesta del interesado' });
  await expect(dialog.locator('[data-tour="amendment-reply.received-at"]')).not.toHaveValue('');
  await dialog
    .getByLabel(/Documentos de la respuesta/)
    .setInputFiles({ name: 'plano.pdf', mimeType: 'application/pdf', buffer: await onePagePdf() });
  await dialog.locator('[data-tour="amendment-reply.submit"]').click();
  await expect(page.getByRole('region', { name: 'Subsanación (art. 68)' })).toContainText('Respondido');
  await expectFullScore(desk, 1);
});

/** On the case page, drafts the resolution in `locale` and sends it to the head of Urbanismo to sign. */
async function draftAndSend(page: Page, open: ReturnType<Page['locator']>, locale: 'es' | 'ca-valencia') {
  await open.click();
  const language = page.locator('[data-tour="draft.locale"]');
  if (locale !== 'es') await language.selectOption(locale);
  await expect(language).toHaveValue(locale);
  await expect(page.getByLabel('RESUELVO')).not.toHaveValue('');
  await page.locator('[data-tour="draft.send"]').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(`Qué se pide a ${head.name}`).selectOption('sign');
  await dialog.locator('[data-tour="send.confirm"]').click();
  await expect(page.getByText(/La resolución del expediente .* se ha enviado a firma\./)).toBeVisible();
}

test('draft the resolution and send it to the head to sign', async ({ desk }) => {
  test.setTimeout(600_000);
  const { page } = desk;
  await start(page, processor, 'draft-and-send', 'guided');
  const open = await goToStep(page, 1, 1, 'draft.open');
  await expect(casePage(page)).toBeVisible();
  await draftAndSend(page, open, 'es');
  await expectFullScore(desk, 1);
});

/** The practice certificate of the signed-in head, in the signing screen's card picker. */
const ownCertificate = (page: Page) =>
  page
    .locator('[data-tour="sign.card"]')
    .getByRole('radio', { name: new RegExp(headName.split(' ')[0]!, 'i') });

test('sign one resolution: the card refuses the first PIN, the second signs', async ({ desk }) => {
  test.setTimeout(600_000);
  const { page } = desk;
  await start(page, headName, 'sign-one', 'guided');
  // The popover points at the resolution's row in the tray; going there makes it the grid's active
  // row, the one «Firmar (1)» signs (the score below says it was the scenario's).
  await goToStep(page, 1, 1, 'tray.row-select');
  const grid = page.getByRole('grid');
  await expect(grid).toBeFocused();
  const active = page.locator(`#${await grid.getAttribute('aria-activedescendant')}`);
  await expect(active.locator('[data-tour="tray.row-select"]')).toBeVisible();
  expect(await seriousAxeViolations(page), 'the signing tray beside the popover').toEqual([]);
  await expect(page.locator('[data-tour="tray.sign"]')).toHaveText('Firmar (1)');
  await page.locator('[data-tour="tray.sign"]').click();

  await expect(page.getByRole('heading', { level: 1, name: /Firmar/ })).toBeVisible();
  await ownCertificate(page).check();
  await page.locator('[data-tour="sign.sign-all"]').click();
  const pin = page.getByRole('dialog', { name: 'PIN de la tarjeta' });
  await typePracticePin(pin);
  // The practice card refuses the first PIN as a mistyped one: the dialog says so, with tries left.
  await expect(pin.getByRole('alert')).toBeVisible();
  await expect(pin.locator('[data-tour="pin.input"]')).toHaveValue('');
  await expect(stepHeading(page, 1, 1)).toBeAttached();
  expect(await seriousAxeViolations(page), 'the PIN dialog after a refused PIN').toEqual([]);
  await typePracticePin(pin);
  await expect(page.getByText('Firmadas y numeradas: 1. Sin firmar: 0.')).toBeVisible();
  await expectFullScore(desk, 1);
});

test('batch-sign three resolutions: the card is pulled out after the first, the retry signs the rest', async ({
  desk,
}) => {
  test.setTimeout(600_000);
  const { page } = desk;
  await start(page, headName, 'batch-sign-card-removed', 'guided');
  const sign = await goToStep(page, 1, 2, 'tray.sign');
  // The scenario's three wait longest (the demo city's end within 12 days): the last rows of the tray.
  await selectLastTrayRows(page, 3);
  await expect(sign).toHaveText('Firmar (3)');
  await sign.click();

  await ownCertificate(page).check();
  await page.locator('[data-tour="sign.sign-all"]').click();
  const pin = page.getByRole('dialog', { name: 'PIN de la tarjeta' });
  await typePracticePin(pin);
  await expect(page.getByText('Firmadas y numeradas: 1. Sin firmar: 2.')).toBeVisible();

  // One signed is this step's outcome; the retry is the next. The card stays out of the reader until
  // the trainee puts it back, by keyboard, where the cards are shown; the retry waits for it.
  await expect(stepHeading(page, 2, 2)).toBeVisible();
  const putBack = page.getByRole('button', { name: 'Volver a insertar la tarjeta de prácticas' });
  await expect(putBack).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: 'La tarjeta de prácticas está fuera del lector.' }),
  ).toHaveCount(1);
  await expect(ownCertificate(page)).toHaveCount(0);
  expect(await seriousAxeViolations(page), 'the signing screen after the card was pulled out').toEqual([]);
  await putBack.focus();
  await page.keyboard.press('Enter');
  const backIn = page
    .getByRole('status')
    .filter({ hasText: 'La tarjeta de prácticas vuelve a estar en el lector.' });
  await expect(backIn).toBeVisible();
  await expect(putBack).toHaveCount(0);
  // The button pressed is gone: the focus is not dropped on the page (it went to the message, and the
  // guide may then take it for its step, as it does when the screen under it changes).
  await expect
    .poll(() =>
      page.evaluate(() => document.activeElement !== document.body && document.activeElement !== null),
    )
    .toBe(true);
  const retry = await goToStep(page, 2, 2, 'sign.retry');
  await expect(retry).toHaveText('Reintentar los 2 no firmados');
  expect(await seriousAxeViolations(page), 'the signing screen with the card put back').toEqual([]);
  await ownCertificate(page).check();
  await retry.click();
  await typePracticePin(pin);
  await expect(page.getByText('Firmadas y numeradas: 3. Sin firmar: 0.')).toBeVisible();
  await expectFullScore(desk, 2);
});

test('notify the resolution, record the access the site reports, and archive the case', async ({ desk }) => {
  test.setTimeout(600_000);
  const { page } = desk;
  await start(page, processor, 'notify-and-close', 'guided');
  const notify = await goToStep(page, 1, 3, 'notifications.notify');
  await expect(casePage(page)).toBeVisible();
  await notify.click();

  const submit = await goToStep(page, 2, 3, 'notification-access.submit');
  expect(await seriousAxeViolations(page), 'the notification section beside the popover').toEqual([]);
  // The access is at or after the notice was put at the applicant's disposal, never in the future.
  const notifiedBy = await localSecond(page);
  await expect.poll(() => localSecond(page)).not.toBe(notifiedBy);
  const form = page.locator('form.notification-form');
  await form.getByLabel('Fecha y hora').fill(await localSecond(page));
  await form.getByLabel('Identificador del evento en la sede').fill('SEDE-2026-000123');
  await submit.click();

  const archive = await goToStep(page, 3, 3, 'notifications.archive');
  await archive.click();
  await expect(page.locator('.case-summary')).toContainText('Archivado');
  await expectFullScore(desk, 3);
});

test('an assessment with a wrong outcome is not passed, and offers no hint', async ({ desk }) => {
  test.setTimeout(600_000);
  const { page } = desk;
  await start(page, processor, 'draft-and-send', 'assessment');
  await expect(popover(page)).toContainText('Evaluación: sin pistas');
  const open = await goToStep(page, 1, 1, 'draft.open');
  await expect(popover(page).getByRole('button', { name: 'Pedir una pista' })).toHaveCount(0);
  await expect(popover(page).locator('.walkthrough-hint')).toHaveCount(0);
  // The scenario asks for the resolution in Spanish: this one goes in Valencian.
  await draftAndSend(page, open, 'ca-valencia');

  await expect(popover(page).getByRole('heading', { name: 'Ejercicio terminado' })).toBeVisible();
  await expect(popover(page)).toContainText('0 de 1 resultados correctos (para aprobar hacen falta 1).');
  await expect(popover(page)).toContainText('No aprobado.');
  await expect(popover(page)).toContainText('Pistas usadas: 0.');
  expect(await seriousAxeViolations(page), 'the assessment result').toEqual([]);
  expect(desk.cspViolations).toEqual([]);
});
