import type { Page } from '@playwright/test';
import { department, expect, seriousAxeViolations, signIn, test } from './support';

/**
 * The demo city's resolved cases carry documents that were signed where they came from: the
 * application, signed by the applicant with a practice certificate (in each department, the first
 * case's copy changed after it was signed), and the resolution signed by the head with theirs.
 */
const book = (page: Page) =>
  page.getByRole('grid', { name: /^(Libro de resoluciones|Llibre de resolucions) de \d/ });

/** From the book, the case of the `fromOldest`-th oldest resolution of the department (0: the oldest). */
async function openBookCase(page: Page, fromOldest: number): Promise<void> {
  await page.getByLabel(/^Expediente$|^Expedient$/).fill('URB-');
  await expect(page.locator('.book').getByRole('status')).not.toHaveText(/Buscando|S’està cercant/);
  await expect(book(page)).toHaveAttribute('aria-busy', 'false');
  await book(page).focus();
  await page.keyboard.press('End');
  for (let step = 0; step < fromOldest; step++) await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: /^Documentos$|^Documents$/ })).toBeVisible();
}

/** A document's signatures toggle (its row also has the viewer's "Abrir"). */
const signaturesButton = /firmas|signatures/;

const documentRow = (page: Page, title: RegExp) =>
  page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: title }) });

/** Opens a document's panel from the keyboard alone: its button focused, then Enter. */
async function openPanelByKeyboard(page: Page, title: RegExp, key: 'Enter' | ' ' = 'Enter') {
  const toggle = documentRow(page, title).getByRole('button', { name: signaturesButton });
  await toggle.focus();
  await page.keyboard.press(key);
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const panel = page.locator(`#${await toggle.getAttribute('aria-controls')}`);
  await expect(panel).toHaveRole('region');
  return panel;
}

test('a head reads who signed each document of a resolved case and what the verifier says, in Spanish and Valencian', async ({
  desk,
}) => {
  const { page } = desk;
  const headName = await signIn(page, `${department} Jefatura`);
  await page.getByRole('navigation', { name: 'Libro de resoluciones' }).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Libro de resoluciones' })).toBeVisible();

  // The department's first case: the application reached the office changed after it was signed.
  await openBookCase(page, 0);
  const application = await openPanelByKeyboard(page, /^Solicitud/);
  await expect(application.getByRole('heading', { level: 3 })).toHaveText('Firmas de «Solicitud»');
  await expect(application.getByRole('status')).toHaveText(/^1 firma, verificada ahora/);
  const applicationSignature = application.getByRole('row').nth(1);
  await expect(applicationSignature.getByRole('rowheader')).not.toBeEmpty();
  await expect(applicationSignature).toContainText(/\*{3}\d{4}\*{2}|\*{9}/);
  await expect(applicationSignature).toContainText(/de \d{4} a las \d{1,2}:\d{2}/);
  await expect(applicationSignature).toContainText('hora declarada por el firmante');
  await expect(applicationSignature).toContainText('✗ No válida');
  await expect(applicationSignature).toContainText('El documento se cambió después de firmarlo.');

  // The resolution, signed by the head with the demo office's practice card.
  const resolution = await openPanelByKeyboard(page, /^Resolución n\.º \d{4}\/\d{6}/, ' ');
  const resolutionSignature = resolution.getByRole('row').nth(1);
  await expect(resolutionSignature.getByRole('rowheader')).toHaveText(headName);
  await expect(resolutionSignature).toContainText(/\*{3}\d{4}\*{2}/);
  await expect(resolutionSignature).toContainText('De formación (sin validez)');
  await expect(resolutionSignature).toContainText('el certificado es de prácticas');

  // A document nobody signed says so.
  const report = await openPanelByKeyboard(page, /^Informe técnico/);
  await expect(report.getByRole('status')).toHaveText('Este documento no está firmado.');
  expect(await seriousAxeViolations(page), 'signatures panels in Spanish').toEqual([]);

  // Closing is the same key again.
  // In either language: the row's title follows the desk's (Informe técnico / Informe tècnic).
  const reportToggle = documentRow(page, /^Informe t[éè]cnic/).getByRole('button', {
    name: signaturesButton,
  });
  await page.keyboard.press('Enter');
  await expect(reportToggle).toHaveAttribute('aria-expanded', 'false');
  await expect(reportToggle).toHaveText(/^Ver las firmas/);

  // In Valencian, the open panels speak Valencian.
  await page.getByRole('button', { name: 'Valencià' }).click();
  await expect(application.getByRole('heading', { level: 3 })).toHaveText('Signatures de «Sol·licitud»');
  await expect(applicationSignature).toContainText('✗ No vàlida');
  await expect(applicationSignature).toContainText('hora declarada pel signant');
  await expect(resolutionSignature).toContainText('De formació (sense validesa)');
  await expect(reportToggle).toHaveText(/^Veure les signatures/);
  expect(await seriousAxeViolations(page), 'signatures panels in Valencian').toEqual([]);

  // Another case of the department: the application arrived intact, signed with a practice certificate.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { level: 1, name: 'Llibre de resolucions' })).toBeVisible();
  await openBookCase(page, 1);
  // The desk's language names the documents too.
  const intact = await openPanelByKeyboard(page, /^Sol·licitud/);
  const intactSignature = intact.getByRole('row').nth(1);
  await expect(intactSignature).toContainText('! De formació (sense validesa)');
  await expect(intactSignature).toContainText('El document no ha canviat des de la signatura');
  expect(await seriousAxeViolations(page), 'an intact application in Valencian').toEqual([]);
});
