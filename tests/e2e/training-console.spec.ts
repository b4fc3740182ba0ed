import { readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { practicePin } from '../../src/main/compose/practice-card-desk';
import { demoStaff, departments } from '../../src/main/office/demo/city';
import { ownTrainingHost } from './training-host';
import { draftAndSendToHead, expect, openDesk, seriousAxeViolations, test, type Desk } from './support';

/**
 * The trainer's console follows a trainee live, in a second browser page of the same training desk:
 * the trainer makes a class session with scenario 01, its trainee and someone found by name among
 * the sandbox's people; the trainee starts it and does its first step; the console shows the step
 * move without a reload, with the time on it ticking; the trainer's hints show in the trainee's
 * guide at once, newest first, each announced once; a restart takes the trainee back to step 1; and
 * a trainee who signs out is shown away, their time standing still. A trainee who has finished
 * nothing has nothing to certify, which their row says; once they finish a scenario, the row counts it
 * live and the trainer signs their certificate with the practice card.
 */

const trainer = demoStaff().find((user) => user.id === 'formacion')!;
const trainee = demoStaff().find((user) => user.id === 'urb-02')!;
// Someone no scenario is done as, of another department: offered all the same.
const other = demoStaff().find((user) => user.id === 'tri-02')!;
/** The real person a session puts on the trainee's seat. */
const person = 'Begoña Peñalver Ruiz';
const otherDepartment = departments.find((department) => department.id === other.departmentId)!.name;

// The Valencian test follows the first one's class: its trainee is in scenario 01 by then.
test.describe.configure({ mode: 'serial' });

const hostUrl = ownTrainingHost();

async function signInAs(page: Page, name: string): Promise<void> {
  await page.getByRole('searchbox').fill(name);
  await page.keyboard.press('Enter');
  await expect(page.locator('.app-header__user')).toContainText(name);
}

const popover = (page: Page) => page.locator('aside.walkthrough-panel');

/** The trainer signed in on a desk of their own (kept in `desks` to close), on the console. */
async function openConsole(browser: Browser, desks: Desk[]): Promise<Page> {
  const desk = await openDesk(browser, hostUrl());
  desks.push(desk);
  await signInAs(desk.page, trainer.name);
  await desk.page.getByRole('link', { name: 'Consola de formación' }).click();
  return desk.page;
}

test('the trainer follows a trainee live, sends a hint and restarts the scenario', async ({ browser }) => {
  test.setTimeout(600_000);
  const desks: Desk[] = [];
  try {
    const a = await openConsole(browser, desks);
    await expect(a.getByRole('heading', { level: 1, name: 'Consola de formación' })).toBeVisible();
    await expect(a).toHaveURL(/#\/training\/console$/);

    // A session with scenario 01: checking it checks its trainee.
    await a.getByRole('button', { name: 'Crear la sesión' }).click();
    await expect(a.getByRole('alert').filter({ hasText: 'Escriba un nombre para la sesión.' })).toBeVisible();
    await a.getByLabel('Nombre de la sesión').fill('Grupo de prueba');
    await a.getByRole('checkbox', { name: 'Asignarse un expediente y revisarlo' }).check();
    await expect(a.getByRole('checkbox', { name: trainee.name })).toBeChecked();
    // Anyone of the sandbox but a trainer, found by name, with their department; by keyboard.
    await expect(a.getByRole('checkbox', { name: other.name })).toBeVisible();
    await expect(a.getByRole('checkbox', { name: trainer.name })).toHaveCount(0);
    const search = a.getByRole('searchbox', { name: 'Buscar por nombre' });
    await search.fill(other.name.toLocaleUpperCase('es'));
    await expect(a.getByRole('status').filter({ hasText: 'elegidas: 1.' })).toHaveCount(1);
    const found = a.getByRole('checkbox', { name: `${other.name} (${otherDepartment})` });
    // The one already picked stays in the list; the others are filtered out.
    await expect(a.locator('.trainer-trainees li')).toHaveCount(2);
    await expect(a.getByRole('checkbox', { name: trainee.name })).toBeChecked();
    await found.focus();
    await a.keyboard.press('Space');
    await expect(found).toBeChecked();
    await expect(a.getByRole('status').filter({ hasText: 'elegidas: 2.' })).toHaveCount(1);
    expect(await seriousAxeViolations(a)).toEqual([]);
    await a.getByRole('button', { name: 'Crear la sesión' }).click();
    await expect(a.getByRole('heading', { name: 'Clase: Grupo de prueba' })).toBeVisible();
    const row = a.locator('tr[data-trainee="urb-02"]');
    await expect(row.locator('[data-column="step"]')).toHaveText('Sin empezar');
    await expect(a.locator(`tr[data-trainee="${other.id}"] [data-column="step"]`)).toHaveText('Sin empezar');
    expect(await seriousAxeViolations(a)).toEqual([]);
    // Set on this page's window: still there later means the console never reloaded.
    await a.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    // The trainee, in a second browser context, starts scenario 01 and claims its case.
    const traineeDesk = await openDesk(browser, hostUrl());
    desks.push(traineeDesk);
    const b = traineeDesk.page;
    await signInAs(b, trainee.name);
    await b.getByRole('button', { name: 'Ejercicios de formación' }).click();
    await b
      .locator('[data-scenario="claim-and-review"]')
      .getByRole('button', { name: 'Empezar con guía' })
      .click();
    await expect(popover(b).getByRole('heading', { name: 'Paso 1 de 3' })).toBeVisible();
    await expect(row.locator('[data-column="step"]')).toContainText('Paso 1 de 3');
    await popover(b).getByRole('button', { name: 'Ir al elemento señalado' }).click();
    await expect(b.getByRole('grid')).toBeFocused();
    await b.keyboard.press('c');
    await expect(popover(b).getByRole('heading', { name: 'Paso 2 de 3' })).toBeVisible();

    // The console shows the step move, without a reload, and the time on it ticks.
    await expect(row.locator('[data-column="step"]')).toContainText('Paso 2 de 3');
    expect(await a.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    const time = row.locator('[data-column="time"]');
    const shown = await time.textContent();
    await expect(time).not.toHaveText(shown ?? '');
    await expect(time).toHaveText(/^\d+:\d\d$/);

    // A hint of the trainer's own, by keyboard: the trainee's guide shows and announces it.
    await row.getByRole('button', { name: `Enviar pista a ${trainee.name}` }).focus();
    await a.keyboard.press('Enter');
    const dialog = a.getByRole('dialog', { name: `Pista para ${trainee.name}` });
    await expect(dialog.getByLabel('Texto de la pista')).toBeFocused();
    expect(await seriousAxeViolations(a)).toEqual([]);
    await a.keyboard.type('Escriba la revisión en el cuadro de notas.');
    await a.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(popover(b)).toContainText('Escriba la revisión en el cuadro de notas.');
    await expect(
      b.getByRole('status').filter({ hasText: 'Escriba la revisión en el cuadro de notas.' }),
    ).toHaveCount(1);
    await expect(row.locator('[data-column="hints"]')).toHaveText('1');

    // A second hint: both are in the guide, newest first, and only the new one is announced.
    await row.getByRole('button', { name: `Enviar pista a ${trainee.name}` }).click();
    await dialog.getByLabel('Texto de la pista').fill('Pulse «Añadir nota» al terminar.');
    await dialog.getByRole('button', { name: 'Enviar' }).click();
    await expect(dialog).toBeHidden();
    await expect(popover(b).getByRole('listitem')).toHaveText([
      'Pulse «Añadir nota» al terminar.',
      'Escriba la revisión en el cuadro de notas.',
    ]);
    await expect(b.getByRole('status').filter({ hasText: 'Pulse «Añadir nota» al terminar.' })).toHaveCount(
      1,
    );
    await expect(
      b.getByRole('status').filter({ hasText: 'Escriba la revisión en el cuadro de notas.' }),
    ).toHaveCount(0);
    expect(await seriousAxeViolations(b)).toEqual([]);
    await expect(row.locator('[data-column="hints"]')).toHaveText('2');

    // A restart, confirmed: the trainee is back at step 1, and so is the console.
    await row.getByRole('button', { name: `Reiniciar el escenario de ${trainee.name}` }).click();
    const confirm = a.getByRole('dialog', { name: `¿Reiniciar el escenario de ${trainee.name}?` });
    await expect(confirm.getByRole('button', { name: 'Cancelar' })).toBeFocused();
    await confirm.getByRole('button', { name: 'Reiniciar' }).click();
    await expect(confirm).toBeHidden();
    await expect(popover(b).getByRole('heading', { name: 'Paso 1 de 3' })).toBeVisible();
    await expect(row.locator('[data-column="step"]')).toContainText('Paso 1 de 3');
    await expect(row.locator('[data-column="hints"]')).toHaveText('0');
    expect(await a.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

    // The trainee signs out: the console shows them away, and their time on the step stands still.
    await b.getByRole('button', { name: 'Cerrar sesión' }).click();
    await expect(row.locator('[data-column="time"]')).toContainText('Ausente: el tiempo no corre');
    for (const desk of desks) expect(desk.cspViolations).toEqual([]);
  } finally {
    for (const desk of desks) await desk.page.context().close();
  }
});

test('the console in Valencian, by keyboard: the session, the class and its dialogs', async ({ browser }) => {
  test.setTimeout(600_000);
  const desk = await openDesk(browser, hostUrl());
  const a = desk.page;
  try {
    await a.getByRole('button', { name: 'Valencià' }).click();
    await signInAs(a, trainer.name);
    await a.getByRole('link', { name: 'Consola de formació' }).focus();
    await a.keyboard.press('Enter');
    await expect(a.getByRole('heading', { level: 1, name: 'Consola de formació' })).toBeVisible();
    await expect(a.getByLabel('Sessió que se seguix')).toBeVisible();

    // A session made by keyboard alone: name, a scenario's checkbox (Space), then the submit button.
    await a.getByLabel('Nom de la sessió').focus();
    await a.keyboard.type('Grup de vesprada');
    await a.getByRole('checkbox', { name: 'Assignar-se un expedient i revisar-lo' }).focus();
    await a.keyboard.press('Space');
    await expect(a.getByRole('checkbox', { name: trainee.name })).toBeChecked();
    await expect(a.getByLabel(`Nom real de qui treballa com a ${trainee.name}`)).toBeVisible();
    await a.getByRole('button', { name: 'Crear la sessió' }).focus();
    await a.keyboard.press('Enter');
    await expect(a.getByRole('heading', { name: 'Classe: Grup de vesprada' })).toBeVisible();
    const row = a.locator('tr[data-trainee="urb-02"]');
    await expect(row.locator('[data-column="step"]')).toHaveText(/^Pas \d de 3/);

    // An empty hint is refused in words, and Escape closes the dialog.
    await row.getByRole('button', { name: `Enviar pista a ${trainee.name}` }).focus();
    await a.keyboard.press('Enter');
    const dialog = a.getByRole('dialog', { name: `Pista per a ${trainee.name}` });
    await expect(dialog.getByLabel('Text de la pista')).toBeFocused();
    await a.keyboard.press('Enter');
    await expect(dialog.getByRole('alert')).toHaveText("Escriviu la pista abans d'enviar-la.");
    expect(await seriousAxeViolations(a)).toEqual([]);
    await a.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(row.getByRole('button', { name: `Enviar pista a ${trainee.name}` })).toBeFocused();
    expect(await seriousAxeViolations(a)).toEqual([]);

    // The class's records as the command line's CSV, its header in Valencian.
    await a.getByRole('button', { name: 'Descarregar els registres (CSV)' }).focus();
    const [records] = await Promise.all([a.waitForEvent('download'), a.keyboard.press('Enter')]);
    expect(records.suggestedFilename()).toBe('registres-formacio-Grup-de-vesprada.csv');
    const header = readFileSync((await records.path())!, 'utf8')
      .replace(/^\ufeff/, '')
      .split('\r\n')[0];
    expect(header).toContain('Temps dedicat (s)');

    // Nobody has finished a scenario yet: nothing to certify, said in the row beside the button, which
    // is not offered (its description says why to a screen reader).
    await expect(row.locator('[data-column="completed"]')).toHaveText('0 de 1');
    const certify = row.getByRole('button', { name: `Certificat signat de ${trainee.name}` });
    await expect(certify).toBeDisabled();
    await expect(certify).toHaveAccessibleDescription('Encara no hi ha res a certificar.');
    await expect(row).toContainText('Encara no hi ha res a certificar.');
    expect(await seriousAxeViolations(a)).toEqual([]);
    expect(desk.cspViolations).toEqual([]);
  } finally {
    await a.context().close();
  }
});

test('a trainee finishes a scenario: the console counts it live, and the trainer signs the certificate', async ({
  browser,
}) => {
  test.setTimeout(600_000);
  const desks: Desk[] = [];
  try {
    const a = await openConsole(browser, desks);
    await a.getByLabel('Nombre de la sesión').fill('Grupo del certificado');
    await a.getByRole('checkbox', { name: 'Redactar la resolución y enviarla a firma' }).check();
    await expect(a.getByRole('checkbox', { name: trainee.name })).toBeChecked();
    // The person on the seat, by their real name: the class, the records and the certificate name her.
    await a.getByLabel(`Nombre real de quien trabaja como ${trainee.name}`).fill(person);
    await a.getByRole('button', { name: 'Crear la sesión' }).click();
    await expect(a.getByRole('heading', { name: 'Clase: Grupo del certificado' })).toBeVisible();
    const row = a.locator('tr[data-trainee="urb-02"]');
    await expect(row.getByRole('rowheader')).toContainText(person);
    await expect(row.getByRole('rowheader')).toContainText(`Trabaja como ${trainee.name}`);
    const completed = row.locator('[data-column="completed"]');
    await expect(completed).toHaveText('0 de 1');
    await a.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    // The trainee, in a second browser context, leaves scenario 01 (where the first test left them)
    // for the shortest scenario: one step.
    const traineeDesk = await openDesk(browser, hostUrl());
    desks.push(traineeDesk);
    const b = traineeDesk.page;
    // She finds her seat by her own name: the list shows her, on the seat she works as.
    await b.getByRole('searchbox').fill('begona penalver');
    const seat = b.getByRole('option');
    await expect(seat).toHaveCount(1);
    await expect(seat).toContainText(person);
    await expect(seat).toContainText(`Trabaja como ${trainee.name}`);
    expect(await seriousAxeViolations(b)).toEqual([]);
    await b.keyboard.press('Enter');
    // Signed in, the header names her too, and the seat she works as.
    await expect(b.locator('.app-header__user')).toContainText(`Sesión iniciada: ${person}`);
    await expect(b.locator('.app-header__user')).toContainText(`Trabaja como ${trainee.name}`);
    await expect(popover(b).getByRole('heading', { name: 'Paso 1 de 3' })).toBeVisible();
    await popover(b).getByRole('button', { name: 'Abandonar el ejercicio' }).click();
    await b.getByRole('button', { name: 'Ejercicios de formación' }).click();
    await b
      .locator('[data-scenario="draft-and-send"]')
      .getByRole('button', { name: 'Empezar con guía' })
      .click();
    await expect(popover(b).getByRole('heading', { name: 'Paso 1 de 1' })).toBeVisible();
    await popover(b).getByRole('button', { name: 'Ir al elemento señalado' }).click();
    const caseTitle = await b.getByRole('heading', { level: 1, name: /^Expediente / }).textContent();
    await draftAndSendToHead(b, caseTitle!.replace(/^Expediente /, ''), 'Conceder la licencia solicitada.');
    await expect(popover(b).getByRole('heading', { name: 'Ejercicio terminado' })).toBeVisible();

    // The console counts it, of the session's one scenario, without a reload, and the certificate is offered.
    await expect(completed).toHaveText('1 de 1 (1 superado)');
    expect(await a.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    const certify = row.getByRole('button', { name: `Certificado firmado de ${person}` });
    await expect(certify).toBeEnabled();
    await expect(row).not.toContainText('Aún no hay nada que certificar.');
    expect(await seriousAxeViolations(a)).toEqual([]);

    // Signed with the trainer's own certificate on the practice card, after its PIN: the PDF is saved.
    await certify.click();
    const certificate = a.getByRole('dialog', { name: `Certificado de formación de ${person}` });
    await certificate.getByRole('radio', { name: new RegExp(`^${trainer.name},`, 'i') }).check();
    await certificate.getByRole('button', { name: 'Firmar el certificado' }).click();
    const pin = a.getByRole('dialog', { name: 'PIN de la tarjeta' }).getByLabel('PIN', { exact: true });
    await pin.fill(practicePin);
    const [saved] = await Promise.all([a.waitForEvent('download'), pin.press('Enter')]);
    expect(saved.suggestedFilename()).toBe('certificado-formacion-Begona-Penalver-Ruiz.pdf');
    const pdf = readFileSync((await saved.path())!).toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf).toContain('/ByteRange');
    await expect(certificate).toBeHidden();
    for (const desk of desks) expect(desk.cspViolations).toEqual([]);
  } finally {
    for (const desk of desks) await desk.page.context().close();
  }
});
