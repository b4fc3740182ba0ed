import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { despachoArgv } from '../support/despacho-command';
import { extractSignatures, opensslCmsVerify, pdfsig, qpdfCheck } from '../support/pdfs/validators';
import { loadTestToken } from '../support/softhsm';
import {
  draftAndSendToHead,
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
 * Issue 8's acceptance: a processor sends resolutions, the head of Urbanismo reads one (its text,
 * its PDF and its hash) and signs three with the card (SoftHSM2, the test PKI's head of Urbanismo)
 * and one PIN; the numbers are consecutive; a fourth goes back to the processor with a reason; every
 * signed PDF passes pdfsig, qpdf, openssl and `despacho verify`, with its chain embedded.
 */

/** This spec's processor: one no other spec uses (the head is Urbanismo's). */
const processor = 'Daniel Demo Navarro';

function dataDir(): string {
  const dir = process.env.DESPACHO_E2E_DATA;
  if (!dir) throw new Error('DESPACHO_E2E_DATA is not set: the global setup did not start the host');
  return dir;
}

async function openCaseInProgress(page: Page): Promise<string> {
  await openQueue(page, /Mis expedientes/);
  await page.getByLabel('Estado').selectOption({ label: 'En tramitación' });
  await searchCases(page, '');
  const number = (await rows(page).first().locator('.case-grid__number').textContent()) ?? '';
  await grid(page).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: `Expediente ${number}` })).toBeFocused();
  return number;
}

/** The stored files of the data folder whose signature stamp carries this CSV (the stamp is not compressed). */
function signedFileWithCsv(csv: string): string {
  const documents = join(dataDir(), 'documents');
  const marker = Buffer.from(`(CSV: ${csv})`, 'latin1');
  const found = readdirSync(documents, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => readFileSync(path).includes(marker));
  expect(found, `signed document with CSV ${csv}`).toHaveLength(1);
  return found[0]!;
}

test('the head reads, checks and batch-signs three resolutions with one PIN; a fourth goes back with a reason', async ({
  desk,
  secondDesk,
}) => {
  test.setTimeout(600_000);
  const token = loadTestToken();
  const { page } = desk;
  await signIn(page, processor);
  const cases: string[] = [];
  for (let index = 0; index < 4; index += 1) {
    const number = await openCaseInProgress(page);
    await draftAndSendToHead(page, number, `Conceder la licencia solicitada (firma con tarjeta, ${number}).`);
    await page.keyboard.press('Escape');
    cases.push(number);
  }
  const [toReject, ...toSign] = [cases[3]!, ...cases.slice(0, 3)];

  // The head lands on the tray and marks the three (Ctrl+click toggles a row).
  const boss = secondDesk.page;
  await signIn(boss, head.search);
  await expect(boss.getByRole('heading', { level: 1, name: 'Bandeja de firmas' })).toBeVisible();
  for (const number of toSign) await trayRow(boss, number).click({ modifiers: ['Control'] });
  for (const number of toSign) await expect(trayRow(boss, number)).toHaveAttribute('aria-selected', 'true');
  await boss.getByRole('button', { name: 'Firmar (3)' }).click();
  await expect(boss).toHaveURL(/#\/sign\/\d+,\d+,\d+$/);
  await expect(boss.getByRole('heading', { level: 1, name: 'Firmar 3 resoluciones' })).toBeFocused();

  // What will be signed: three final documents with consecutive numbers, each with its hash.
  const items = boss.locator('.sign-item');
  await expect(items).toHaveCount(3);
  const numbers = await items.locator('.sign-item__title').allTextContents();
  const sequence = numbers.map((title) => Number(/\/(\d+)/.exec(title)?.[1]));
  expect(sequence).toEqual([sequence[0], sequence[0]! + 1, sequence[0]! + 2]);
  for (const [index, number] of toSign.entries()) await expect(items.nth(index)).toContainText(number);

  // One document a key away: its text, and the very PDF, whose SHA-256 is the one shown.
  const first = items.first();
  await first.getByRole('button', { name: 'Leer el documento' }).press('Enter');
  await expect(first.locator('.resolution-text')).toContainText(`firma con tarjeta, ${toSign[0]}`);
  const shownHash = ((await first.locator('.sign-item__hash').textContent()) ?? '').replace(/\s/g, '');
  const downloading = boss.waitForEvent('download');
  await first.getByRole('link', { name: /Guardar el PDF que se firma/ }).click();
  const download = await downloading;
  const pdf = readFileSync((await download.path())!);
  expect(createHash('sha256').update(pdf).digest('hex')).toBe(shownHash);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(await seriousAxeViolations(boss), 'sign screen').toEqual([]);

  // The card, the certificate, one PIN for the three.
  await boss.getByRole('radio', { name: /ANA GARCIA PEREZ, tarjeta «DESPACHO PRUEBAS»/ }).check();
  await boss.getByRole('button', { name: 'Firmar 3 documentos' }).click();
  const pinDialog = boss.getByRole('dialog', { name: 'PIN de la tarjeta' });
  await expect(pinDialog).toContainText('ANA GARCIA PEREZ');
  await expect(pinDialog.getByLabel('PIN', { exact: true })).toBeFocused();
  expect(await seriousAxeViolations(boss), 'PIN dialog').toEqual([]);
  // A wrong PIN signs nothing: the dialog comes back, empty, saying why.
  await boss.keyboard.type('0000');
  await boss.keyboard.press('Enter');
  await expect(pinDialog.getByRole('alert')).toContainText('PIN incorrecto');
  await expect(pinDialog.getByLabel('PIN', { exact: true })).toHaveValue('');
  await expect(pinDialog.getByLabel('PIN', { exact: true })).toBeFocused();
  await expect(items.locator('.sign-item__outcome--signed')).toHaveCount(0);
  await boss.keyboard.type(token.userPin);
  await boss.keyboard.press('Enter');
  await expect(boss.getByText('Firmadas y numeradas: 3. Sin firmar: 0.')).toBeVisible({ timeout: 120_000 });
  for (const [index, title] of numbers.entries()) {
    const number = /(\d{4}\/\d+)/.exec(title)![1]!;
    await expect(items.nth(index)).toContainText(`Firmada y numerada: resolución n.º ${number}.`);
  }
  // The PIN went with the call: nothing on the page holds it.
  expect(await boss.content()).not.toContain(token.userPin);

  // Every signed PDF: pdfsig, qpdf, openssl with only the test root (so the chain is embedded), despacho verify.
  const signed = (await items.locator('.sign-item__csv').allTextContents()).map(signedFileWithCsv);
  expect(signed).toHaveLength(3);
  for (const file of signed) {
    const poppler = pdfsig(file);
    expect(poppler.valid, poppler.text).toEqual([true]);
    expect(poppler.text).toContain('ANA GARCIA PEREZ');
    expect(qpdfCheck(file).ok).toBe(true);
    const [signature] = extractSignatures(file);
    const openssl = opensslCmsVerify(signature!, token.root.pem);
    expect(openssl.ok, openssl.text).toBe(true);
  }
  const verified = spawnSync(...despachoArgv(['verify', ...signed]), {
    encoding: 'utf8',
    env: { ...process.env, DESPACHO_LANG: 'es', DESPACHO_TRUST_DIRS: token.anchorsDir },
  });
  expect(verified.status, `${verified.stdout}${verified.stderr}`).toBe(0);

  // The fourth is rejected with a reason and goes back to the processor with it.
  await boss.getByRole('button', { name: 'Volver a la bandeja de firma' }).click();
  await expect(boss.getByRole('heading', { level: 1, name: 'Bandeja de firmas' })).toBeVisible();
  for (const number of toSign) await expect(trayRow(boss, number)).toHaveCount(0);
  await trayRow(boss, toReject).click();
  await boss.getByRole('button', { name: 'Rechazar…' }).click();
  const reason = 'Falta el informe técnico del arquitecto municipal.';
  const rejectDialog = boss.getByRole('dialog', {
    name: `Rechazar la resolución del expediente ${toReject}`,
  });
  await rejectDialog.getByLabel('Motivo del rechazo').fill(reason);
  await rejectDialog.getByRole('button', { name: 'Rechazar', exact: true }).click();
  await expect(trayRow(boss, toReject)).toHaveCount(0);

  await openQueue(page, /Mis expedientes/);
  await page.getByLabel('Estado').selectOption({ label: 'Propuesta de resolución' });
  await searchCases(page, toReject);
  await expect(rows(page)).toHaveCount(1);
  await grid(page).focus();
  await page.keyboard.press('Enter');
  const request = page.locator('.signature-request').first();
  await expect(request).toContainText('Rechazada');
  await expect(request).toContainText(reason);
});

test('the card diagnostics list the module, the card and why a certificate cannot sign', async ({ desk }) => {
  const token = loadTestToken();
  const { page } = desk;
  await signIn(page, head.search);
  await page.getByRole('link', { name: 'Tarjetas' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tarjetas y certificados' })).toBeFocused();
  await expect(page.getByRole('row', { name: new RegExp(token.modulePath) })).toContainText('cargado');
  const card = page.getByRole('article', { name: `Tarjeta «${token.tokenLabel}»` });
  await expect(card).toContainText('PIN');
  await expect(card.getByRole('region', { name: token.keys.rsaNoNonRepudiation.label })).toContainText(
    'le falta el uso «no repudio»',
  );
  await expect(card.getByRole('region', { name: token.keys.rsaExpired.label })).toContainText('ha caducado');
  await expect(card.getByRole('region', { name: token.keys.rsa2048.label })).toContainText(
    'sirve para firmar',
  );
  expect(await seriousAxeViolations(page), 'card diagnostics').toEqual([]);

  await page.getByLabel('Añadir un módulo PKCS#11 (ruta completa)').fill('relative/module.so');
  await page.getByRole('button', { name: 'Añadir módulo' }).click();
  await expect(page.getByRole('alert')).toContainText('Escriba la ruta completa del módulo PKCS#11');

  await page.getByRole('button', { name: 'Valencià' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Targetes i certificats' })).toBeVisible();
  expect(await seriousAxeViolations(page), 'card diagnostics in Valencian').toEqual([]);
});
