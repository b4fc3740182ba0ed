import type { Browser, Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoStaff } from '../../src/main/office/demo/city';
import { despachoRun } from '../support/despacho-command';
import { loadTestToken, type TestToken } from '../support/softhsm';
import {
  caseNumbers,
  expect,
  explainedDueDate,
  grid,
  onePagePdf,
  openDesk,
  openQueue,
  rows,
  seriousAxeViolations,
  signIn,
  processors,
  test,
} from './support';
import {
  clearOfMadridMidnight,
  expectDueDateAfterSameDayReply,
  OwnHost,
  recordRequestReached,
} from './processor-day-support';

/**
 * What the processor reads on the way through the card's path, in one language of the desk: the
 * queues, the request dialog and its signer's choice, the card's and the PIN's dialogs, the outcome,
 * and the documents' signatures panel.
 */
interface Language {
  button: string;
  unassigned: RegExp;
  search: string;
  caseTitle: (number: string) => string;
  claim: string;
  request: string;
  missing: string;
  signer: string;
  seal: string;
  card: string;
  submit: string;
  cardTitle: string;
  certificates: string;
  certificate: RegExp;
  signAndIssue: string;
  pinTitle: string;
  pinLabel: string;
  pinSubmit: string;
  wrongPin: RegExp;
  fewTries: string;
  requested: string;
  awaiting: string;
  /** The notifications panel names the request in the user's language, whatever language it was filed in. */
  notifiedDocument: RegExp;
  requestDocument: RegExp;
  documentSignatures: RegExp;
  showSignatures: RegExp;
  hideSignatures: RegExp;
  signaturesOf: RegExp;
  oneSignature: RegExp;
  signerColumn: string;
  valid: string;
}

const castellano: Language = {
  button: 'Castellano',
  unassigned: /Sin asignar/,
  search: 'Buscar',
  caseTitle: (number) => `Expediente ${number}`,
  claim: 'Asignármelo',
  request: 'Requerir subsanación',
  missing: 'Qué debe subsanar o aportar el interesado',
  signer: 'Firma',
  seal: 'Con el sello del órgano',
  card: 'Con mi tarjeta',
  submit: 'Emitir el requerimiento',
  cardTitle: 'Firmar el requerimiento con su tarjeta',
  certificates: 'Certificado con el que se firma',
  certificate: /ANA GARCIA PEREZ, tarjeta «DESPACHO PRUEBAS»/,
  signAndIssue: 'Firmar y emitir',
  pinTitle: 'PIN de la tarjeta',
  pinLabel: 'PIN',
  pinSubmit: 'Firmar el documento',
  wrongPin: /^PIN incorrecto\./,
  fewTries: 'La tarjeta dice que quedan pocos intentos de PIN.',
  requested:
    'Requerimiento emitido y notificado al interesado: el plazo de 10 días empezará a contar al día siguiente de la notificación.',
  awaiting: 'Pendiente de subsanación',
  notifiedDocument: /^Documento notificado: Requerimiento de subsanación · /,
  requestDocument: /^Requerimiento de subsanación/,
  documentSignatures: /firmas de «Requerimiento de subsanación/,
  showSignatures: /^Ver las firmas de/,
  hideSignatures: /^Ocultar las firmas de/,
  signaturesOf: /^Firmas de «Requerimiento de subsanación/,
  oneSignature: /^1 firma, verificada ahora/,
  signerColumn: 'Firmante',
  valid: 'Válida',
};

const valencia: Language = {
  button: 'Valencià',
  unassigned: /Sense assignar/,
  search: 'Cercar',
  caseTitle: (number) => `Expedient ${number}`,
  claim: 'Assignar-me’l',
  request: 'Requerir esmena',
  missing: 'Què ha d’esmenar o aportar la persona interessada',
  signer: 'Signatura',
  seal: 'Amb el segell de l’òrgan',
  card: 'Amb la meua targeta',
  submit: 'Emetre el requeriment',
  cardTitle: 'Signar el requeriment amb la vostra targeta',
  certificates: 'Certificat amb què se signa',
  certificate: /ANA GARCIA PEREZ, targeta «DESPACHO PRUEBAS»/,
  signAndIssue: 'Signar i emetre',
  pinTitle: 'PIN de la targeta',
  pinLabel: 'PIN',
  pinSubmit: 'Signar el document',
  wrongPin: /^PIN incorrecte\./,
  fewTries: 'La targeta diu que queden pocs intents de PIN.',
  requested:
    'Requeriment emés i notificat a la persona interessada: el termini de 10 dies començarà a comptar l’endemà de la notificació.',
  awaiting: 'Pendent d’esmena',
  notifiedDocument: /^Document notificat: Requeriment d’esmena · /,
  requestDocument: /^Requeriment d’esmena/,
  documentSignatures: /signatures de «Requeriment d’esmena/,
  showSignatures: /^Veure les signatures de/,
  hideSignatures: /^Amagar les signatures de/,
  signaturesOf: /^Signatures de «Requeriment d’esmena/,
  oneSignature: /^1 signatura, verificada ara/,
  signerColumn: 'Signant',
  valid: 'Vàlida',
};

/**
 * Opens, by keyboard, the first unassigned case whose term still runs with days to spare (a request
 * suspends a running term only) and claims it.
 */
async function claimRunningCase(page: Page, language: Language): Promise<void> {
  await openQueue(page, language.unassigned);
  const running = rows(page)
    .filter({ has: page.locator('.deadline--ok') })
    .first();
  await expect(running).toBeVisible();
  const number = (await running.locator('.case-grid__number').textContent()) ?? '';
  // The list shows this case alone once the search is done.
  await page.getByRole('searchbox', { name: language.search }).fill(number);
  await expect(caseNumbers(page)).toHaveText([number]);
  await grid(page).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: language.caseTitle(number) })).toBeFocused();
  await page.getByRole('button', { name: language.claim }).click();
}

test('a processor requests an amendment: it is notified, the term is suspended from the notification and explained, the reply moves the due date back', async ({
  desk,
}) => {
  const { page } = desk;
  await signIn(page, processors, 2);
  await claimRunningCase(page, castellano);
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

  // The request is notified and answered on one legal day: no suspended day between them.
  await clearOfMadridMidnight();
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

  // The reply today: the suspension lasted no day, and the due date is the original again (on a
  // business day: on another the reply counts from the next one, art. 31.2.b).
  await files.setInputFiles({ name: 'plano.pdf', mimeType: 'application/pdf', buffer: await onePagePdf() });
  await reply.getByRole('button', { name: 'Registrar' }).click();
  await expect(page.getByText('Respuesta registrada: el plazo para resolver vuelve a correr.')).toBeVisible();
  await expect(amendments).toContainText('Respondido');
  await expect(page.locator('.case-summary')).toContainText('En tramitación');
  await expect(steps).not.toContainText('Suspendido ·');
  await expectDueDateAfterSameDayReply(page, original);

  // In Valencian the panels speak Valencian.
  await page.getByRole('button', { name: 'Valencià' }).click();
  await expect(page.getByRole('button', { name: 'Explicar esta data' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Esmena (art. 68)' })).toContainText('Respost');
  expect(await seriousAxeViolations(page), 'amendments in Valencian').toEqual([]);
});

/** The test card's PIN state as `despacho tokens` reads it on the token itself (ready, countLow…). */
async function cardPinState(token: TestToken): Promise<string | undefined> {
  const listed = await despachoRun(['tokens', '--module', token.modulePath, '--json']);
  expect(listed.code, listed.stderr).toBe(0);
  const { tokens } = JSON.parse(listed.stdout) as { tokens: { label: string; pin: string }[] };
  return tokens.find((card) => card.label === token.tokenLabel)?.pin;
}

/**
 * The processor, on a host of the spec's own with the test card, in `language` from the sign-in on:
 * requests an amendment signed with their card, by keyboard; a wrong PIN first (the PIN dialog comes
 * back saying so, the card counts the miss), then the right one (the count is full again); the
 * request's signature read in the documents' signatures panel. Axe at each dialog.
 */
async function signRequestWithCard(browser: Browser, language: Language): Promise<void> {
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
    const languageButton = page.getByRole('button', { name: language.button });
    await languageButton.focus();
    await page.keyboard.press('Enter');
    await expect(languageButton).toHaveAttribute('aria-pressed', 'true');
    await signIn(page, processor.name);
    await claimRunningCase(page, language);

    await page.getByRole('button', { name: language.request }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: language.request });
    await dialog.getByLabel(language.missing).focus();
    await page.keyboard.type('Plano de situación firmado');
    const signer = dialog.getByRole('group', { name: language.signer, exact: true });
    await expect(signer.getByRole('radio')).toHaveCount(2);
    const seal = signer.getByRole('radio', { name: language.seal });
    await expect(seal).toBeChecked();
    await seal.focus();
    await page.keyboard.press('ArrowDown');
    await expect(signer.getByRole('radio', { name: language.card })).toBeChecked();
    expect(await seriousAxeViolations(page), 'the request dialog with the signer’s choice').toEqual([]);
    await dialog.getByRole('button', { name: language.submit }).focus();
    await page.keyboard.press('Enter');

    const cardDialog = page.getByRole('dialog', { name: language.cardTitle });
    const certificate = cardDialog
      .getByRole('group', { name: language.certificates })
      .getByRole('radio', { name: language.certificate });
    await certificate.focus();
    await page.keyboard.press('Space');
    await expect(certificate).toBeChecked();
    expect(await seriousAxeViolations(page), 'the card’s dialog').toEqual([]);
    await cardDialog.getByRole('button', { name: language.signAndIssue }).focus();
    await page.keyboard.press('Enter');

    // A wrong PIN issues nothing: the PIN dialog comes back, empty, saying why, and the card's
    // warning of few tries left (the token counted the miss).
    const pinDialog = page.getByRole('dialog', { name: language.pinTitle });
    const pin = pinDialog.getByLabel(language.pinLabel, { exact: true });
    await expect(pin).toBeFocused();
    await expect(pinDialog.getByText(language.fewTries)).toHaveCount(0);
    await page.keyboard.type('0000');
    await page.keyboard.press('Enter');
    await expect(pinDialog.getByRole('alert')).toHaveText(language.wrongPin);
    await expect(pin).toHaveValue('');
    await expect(pin).toBeFocused();
    await expect(pinDialog.getByText(language.fewTries)).toBeVisible();
    expect(await cardPinState(token)).toBe('countLow');
    await expect(page.locator('.case-summary')).not.toContainText(language.awaiting);
    expect(await seriousAxeViolations(page), 'the PIN dialog after a wrong PIN').toEqual([]);

    // The right PIN, by keyboard through the dialog's submit: the request is issued and notified.
    await page.keyboard.type(token.userPin);
    await pinDialog.getByRole('button', { name: language.pinSubmit }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByText(language.requested)).toBeVisible();
    await expect(page.locator('.case-summary')).toContainText(language.awaiting);
    await expect(page.locator('.notifications').getByText(language.notifiedDocument)).toBeVisible();
    // The token's PIN count is full again: the next test that uses the card finds it as it was.
    expect(await cardPinState(token)).toBe('ready');
    // The PIN went with the call: nothing on the page holds it.
    expect(await page.content()).not.toContain(token.userPin);

    // The request among the case's documents, its signature read by the verifier: the processor's card.
    const toggle = page
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: language.requestDocument }) })
      .getByRole('button', { name: language.documentSignatures });
    await expect(toggle).toHaveAccessibleName(language.showSignatures);
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(toggle).toHaveAccessibleName(language.hideSignatures);
    const panel = page.locator(`#${await toggle.getAttribute('aria-controls')}`);
    await expect(panel.getByRole('heading')).toHaveText(language.signaturesOf);
    await expect(panel.getByRole('status')).toHaveText(language.oneSignature);
    await expect(panel.getByRole('columnheader', { name: language.signerColumn })).toBeVisible();
    const signature = panel.getByRole('row').nth(1);
    await expect(signature.getByRole('rowheader')).toContainText('ANA GARCIA PEREZ');
    await expect(signature).toContainText(language.valid);
    expect(await seriousAxeViolations(page), 'the signed request’s signatures').toEqual([]);
    expect(desk.cspViolations, 'Content Security Policy violations').toEqual([]);
  } finally {
    await desk.page.context().close();
    await host.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const language of [castellano, valencia])
  test(`a processor signs the amendment request with their own card, by keyboard, after a wrong PIN, and the documents show its signature (${language.button})`, async ({
    browser,
  }) => {
    await signRequestWithCard(browser, language);
  });
