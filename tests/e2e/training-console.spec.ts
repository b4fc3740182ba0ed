import type { Page } from '@playwright/test';
import { demoStaff } from '../../src/main/office/demo/city';
import { ownTrainingHost } from './training-host';
import { expect, openDesk, seriousAxeViolations, test, type Desk } from './support';

/**
 * The trainer's console follows a trainee live, in a second browser page of the same training desk:
 * the trainer makes a class session with scenario 01 and its trainee; the trainee starts it and does
 * its first step; the console shows the step move without a reload, with the time on it ticking;
 * the trainer's hint shows in the trainee's guide at once, and a restart takes the trainee back to
 * step 1.
 */

const trainer = demoStaff().find((user) => user.id === 'formacion')!;
const trainee = demoStaff().find((user) => user.id === 'urb-02')!;

// The Valencian test follows the first one's class: its trainee is in scenario 01 by then.
test.describe.configure({ mode: 'serial' });

const hostUrl = ownTrainingHost();

async function signInAs(page: Page, name: string): Promise<void> {
  await page.getByRole('searchbox').fill(name);
  await page.keyboard.press('Enter');
  await expect(page.locator('.app-header__user')).toContainText(name);
}

const popover = (page: Page) => page.locator('aside.walkthrough-panel');

test('the trainer follows a trainee live, sends a hint and restarts the scenario', async ({ browser }) => {
  test.setTimeout(600_000);
  const desks: Desk[] = [];
  try {
    const console_ = await openDesk(browser, hostUrl());
    desks.push(console_);
    const a = console_.page;
    await signInAs(a, trainer.name);
    await a.getByRole('link', { name: 'Consola de formación' }).click();
    await expect(a.getByRole('heading', { level: 1, name: 'Consola de formación' })).toBeVisible();
    await expect(a).toHaveURL(/#\/training\/console$/);

    // A session with scenario 01: checking it checks its trainee.
    await a.getByRole('button', { name: 'Crear la sesión' }).click();
    await expect(a.getByRole('alert').filter({ hasText: 'Escriba un nombre para la sesión.' })).toBeVisible();
    await a.getByLabel('Nombre de la sesión').fill('Grupo de prueba');
    await a.getByRole('checkbox', { name: 'Asignarse un expediente y revisarlo' }).check();
    await expect(a.getByRole('checkbox', { name: trainee.name })).toBeChecked();
    await a.getByRole('button', { name: 'Crear la sesión' }).click();
    await expect(a.getByRole('heading', { name: 'Clase: Grupo de prueba' })).toBeVisible();
    const row = a.locator('tr[data-trainee="urb-02"]');
    await expect(row.locator('[data-column="step"]')).toHaveText('Sin empezar');
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
    expect(desk.cspViolations).toEqual([]);
  } finally {
    await a.context().close();
  }
});
