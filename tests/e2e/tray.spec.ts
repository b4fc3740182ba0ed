import type { Page } from '@playwright/test';
import {
  expect,
  grid,
  head,
  openQueue,
  rows,
  searchCases,
  seriousAxeViolations,
  signIn,
  test,
  trayRow,
} from './support';

/**
 * This spec's people: two processors the other specs leave alone (each with a few cases in progress
 * in the demo city), the head and the councillor of Urbanismo.
 */
const processor = 'Bruno Demo Soler';
const anotherProcessor = 'Fernando Demo Pastor';
const councillor = { search: 'Urbanismo Concejalía', name: 'Sergi Demo Llorca' };

type Ask = 'sign' | 'approve';

/**
 * The processor opens one of their cases that can go for signature (the next one each time: a sent
 * case leaves these states).
 */
async function openCaseInProgress(page: Page): Promise<string> {
  await openQueue(page, /Mis expedientes/);
  for (const state of ['En tramitación', 'Propuesta de resolución']) {
    await page.getByLabel('Estado').selectOption({ label: state });
    await searchCases(page, '');
    if ((await rows(page).count()) > 0) break;
  }
  const number = (await rows(page).first().locator('.case-grid__number').textContent()) ?? '';
  await grid(page).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: `Expediente ${number}` })).toBeFocused();
  return number;
}

/**
 * Opens the processor's next case that can go for signature, drafts its resolution with a decision
 * of its own (`decisionFor` the case's number), previews it and sends it to these people.
 */
async function sendNextCase(
  page: Page,
  decisionFor: (number: string) => string,
  asks: [string, Ask][],
  { checkAccessibility = false } = {},
): Promise<{ number: string; decision: string }> {
  const number = await openCaseInProgress(page);
  const decision = decisionFor(number);
  await page.getByRole('button', { name: 'Redactar resolución' }).click();
  const decisionField = page.getByLabel('RESUELVO');
  await expect(decisionField).not.toHaveValue('');
  await decisionField.fill(decision);
  // Escape leaves a case page, but never from the middle of a draft.
  await decisionField.press('Escape');
  await expect(page.getByRole('heading', { level: 1, name: `Expediente ${number}` })).toBeVisible();
  await page.getByRole('button', { name: 'Vista previa' }).click();
  const preview = page.getByRole('region', { name: /Vista previa/ });
  await expect(preview.getByText(decision)).toBeVisible();
  await expect(preview.locator('code')).toHaveText(/^[0-9a-f]{64}$/);

  await page.getByRole('button', { name: 'Enviar a firma…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  for (const [name, ask] of asks) await dialog.getByLabel(`Qué se pide a ${name}`).selectOption(ask);
  await dialog.getByLabel('Prioridad').selectOption('urgent');
  if (checkAccessibility) expect(await seriousAxeViolations(page), 'send dialog').toEqual([]);
  await dialog.getByRole('button', { name: 'Enviar', exact: true }).click();
  await expect(page.getByText(`La resolución del expediente ${number} se ha enviado a firma.`)).toBeVisible();
  await expect(page.locator('.case-summary')).toContainText('Pendiente de firma');
  return { number, decision };
}

/** A head or councillor signs in and lands on their signing tray. */
async function signInToTray(page: Page, search: string): Promise<void> {
  await signIn(page, search);
  await expect(page.getByRole('heading', { level: 1, name: 'Bandeja de firmas' })).toBeVisible();
}

test('a processor drafts, previews and sends; the head lands on the tray and gives the visto bueno', async ({
  desk,
  secondDesk,
}) => {
  const { page } = desk;
  await signIn(page, processor);
  const { number } = await sendNextCase(
    page,
    (caseNumber) => `Conceder la licencia (prueba de visto bueno ${caseNumber}).`,
    [
      [head.name, 'approve'],
      [councillor.name, 'sign'],
    ],
    { checkAccessibility: true },
  );
  const request = page.locator('.signature-request').first();
  await expect(request).toContainText('Pendiente de firma');
  await expect(request).toContainText(head.name);
  await expect(page.getByRole('button', { name: 'Redactar resolución' })).toHaveCount(0);
  expect(await seriousAxeViolations(page), 'case page with its request').toEqual([]);

  const boss = secondDesk.page;
  await signInToTray(boss, head.search);
  await expect(boss.getByTestId('header-pending-count')).toHaveText(/[1-9]/);
  const row = trayRow(boss, number);
  await expect(row).toContainText('Visto bueno');
  await expect(row).toContainText('Urgente');
  expect(await seriousAxeViolations(boss), 'tray').toEqual([]);

  // Keyboard only: to the row, Space marks it, the button acts on it.
  await grid(boss).focus();
  await boss.keyboard.press('Home');
  const rowIndex = Number(await row.getAttribute('aria-rowindex'));
  for (let step = 2; step < rowIndex; step += 1) await boss.keyboard.press('ArrowDown');
  await expect(row).toHaveClass(/tray-grid__row--active/);
  await boss.keyboard.press(' ');
  await expect(row).toHaveAttribute('aria-selected', 'true');
  await expect(boss.getByRole('heading', { name: `Expediente ${number}` })).toBeVisible();
  await expect(boss.locator('.resolution-text')).toContainText(`prueba de visto bueno ${number}`);
  await boss.getByRole('button', { name: 'Dar el visto bueno (1)' }).click();
  await expect(boss.getByText('Visto bueno dado a 1 petición.')).toBeVisible();
  await expect(trayRow(boss, number)).toHaveCount(0);
  await boss.getByRole('tab', { name: /Firmadas y vistas/ }).click();
  await expect(trayRow(boss, number)).toContainText('Visto bueno');

  // The processor's case says who has done what.
  await expect(request.locator('.request-steps__step--done')).toContainText(head.name);
});

test('a head rejects with a reason, and the processor finds it on the case with the text to fix', async ({
  desk,
  secondDesk,
}) => {
  const { page } = desk;
  await signIn(page, processor);
  const { number, decision } = await sendNextCase(
    page,
    (caseNumber) => `Conceder la licencia (prueba de rechazo ${caseNumber}).`,
    [[head.name, 'sign']],
  );

  const boss = secondDesk.page;
  await signIn(boss, head.search);
  const row = trayRow(boss, number);
  await row.click();
  await boss.getByRole('button', { name: 'Rechazar…' }).click();
  const dialog = boss.getByRole('dialog', { name: `Rechazar la resolución del expediente ${number}` });
  await expect(dialog.getByLabel('Motivo del rechazo')).toBeFocused();
  await dialog.getByRole('button', { name: 'Rechazar', exact: true }).click();
  await expect(dialog.getByRole('alert')).toHaveText(/Escriba el motivo/);
  expect(await seriousAxeViolations(boss), 'reject dialog').toEqual([]);
  const reason = 'Falta el informe técnico favorable del arquitecto municipal.';
  await dialog.getByLabel('Motivo del rechazo').fill(reason);
  await dialog.getByRole('button', { name: 'Rechazar', exact: true }).click();
  await expect(
    boss.getByText(`Rechazada. El expediente ${number} vuelve a la tramitación con el motivo.`),
  ).toBeVisible();
  await expect(trayRow(boss, number)).toHaveCount(0);
  await boss.getByRole('tab', { name: /Rechazadas/ }).click();
  await expect(trayRow(boss, number)).toContainText(reason);

  // Back with the processor (their page follows the change): the reason, and the same text to fix.
  const request = page.locator('.signature-request').first();
  await expect(request).toContainText('Rechazada');
  await expect(request).toContainText(reason);
  await expect(page.locator('.case-summary')).toContainText('Propuesta de resolución');
  await page.getByRole('button', { name: 'Redactar resolución' }).click();
  await expect(page.getByText(/texto de la última petición, que volvió sin firmar/)).toBeVisible();
  await expect(page.getByLabel('RESUELVO')).toHaveValue(decision);
});

test('a head picks several requests with the keyboard and goes to sign them', async ({
  desk,
  secondDesk,
}) => {
  const { page } = desk;
  await signIn(page, anotherProcessor);
  const numbers = [];
  for (let index = 0; index < 2; index += 1) {
    const sent = await sendNextCase(page, () => `Conceder la licencia (lote ${index}).`, [
      [councillor.name, 'sign'],
    ]);
    numbers.push(sent.number);
    await page.keyboard.press('Escape');
  }

  const signer = secondDesk.page;
  await signInToTray(signer, councillor.search);
  for (const number of numbers) await expect(trayRow(signer, number)).toBeVisible();
  await grid(signer).focus();
  await signer.keyboard.press('Control+a');
  const all = await grid(signer).locator('[role="row"][aria-selected="true"]').count();
  expect(all).toBeGreaterThanOrEqual(2);
  await signer.keyboard.press('Escape');
  await expect(grid(signer).locator('[role="row"][aria-selected="true"]')).toHaveCount(0);
  await signer.keyboard.press('Home');
  await signer.keyboard.press('Shift+ArrowDown');
  await expect(grid(signer).locator('[role="row"][aria-selected="true"]')).toHaveCount(2);
  await signer.getByRole('button', { name: 'Firmar (2)' }).click();
  await expect(signer).toHaveURL(/#\/sign\/\d+,\d+$/);
});

test('a head names a substitute for some days and revokes it, in Valencian', async ({ desk }) => {
  const { page } = desk;
  await page.getByRole('button', { name: 'Valencià' }).click();
  await signIn(page, 'Padrón Jefatura');
  await expect(page.getByRole('heading', { level: 1, name: 'Safata de signatures' })).toBeVisible();
  await page.getByRole('link', { name: 'Substitucions' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Substitucions i delegacions' })).toBeVisible();
  await page.getByLabel('Qui vos substituïx').selectOption({ index: 1 });
  await page.getByLabel('Delegació de signatura').check();
  await page.getByRole('button', { name: 'Nomenar' }).click();
  await expect(page.getByText(/signarà per vós en eixes dates/)).toBeVisible();
  const given = page.getByRole('table').first();
  await expect(given).toContainText('En vigor hui');
  expect(await seriousAxeViolations(page), 'substitutions').toEqual([]);
  await given.getByRole('button', { name: /^Revocar la substitució de/ }).click();
  await expect(page.getByText(/ja no signa per vós/)).toBeVisible();
  await expect(given).toContainText('Revocada');
});
