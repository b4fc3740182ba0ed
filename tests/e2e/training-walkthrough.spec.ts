import type { Locator, Page } from '@playwright/test';
import { demoStaff } from '../../src/main/office/demo/city';
import { ownTrainingHost } from './training-host';
import { expect, openDesk, seriousAxeViolations, test } from './support';

/**
 * A trainee on a training desk (`despacho serve --training`, its own sandbox) does the "claim and
 * review" scenario with the walkthrough, by keyboard alone, in Spanish and in Valencian: each step
 * moves on only once the host has checked its outcome, the popover never covers its target, and
 * the screens have no serious axe violations.
 */

const trainee = demoStaff().find((user) => user.id === 'urb-02')!;

const languages = [
  {
    name: 'Spanish',
    switchTo: null,
    open: 'Ejercicios de formación',
    guided: 'Empezar con guía',
    step: (n: number) => `Paso ${n} de 3`,
    goTo: 'Ir al elemento señalado',
    finished: 'Ejercicio terminado',
    score: /3 de 3 resultados correctos/,
    time: /Tiempo: \d+:\d\d\./,
    close: 'Cerrar',
  },
  {
    name: 'Valencian',
    switchTo: 'Valencià',
    open: 'Exercicis de formació',
    guided: 'Començar amb guia',
    step: (n: number) => `Pas ${n} de 3`,
    goTo: "Anar a l'element assenyalat",
    finished: 'Exercici acabat',
    score: /3 de 3 resultats correctes/,
    time: /Temps: \d+:\d\d\./,
    close: 'Tancar',
  },
] as const;

const hostUrl = ownTrainingHost();

const isFocused = (locator: Locator) => locator.evaluate((element) => element === document.activeElement);

/** Presses Tab (or Shift+Tab) until `locator` has the focus, as a keyboard user moves through the page. */
async function tabTo(page: Page, locator: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  await expect(locator).toBeVisible();
  for (let presses = 0; presses < 400; presses++) {
    if (await isFocused(locator)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${String(locator)} is not reachable with ${key}`);
}

const popover = (page: Page) => page.locator('aside.walkthrough-panel');
const focusedTour = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-tour') ?? null);

/**
 * The popover settles beside the step's target and shares no pixel with it. It follows the target a
 * frame behind (a scroll, a re-render moving it), and the two boxes are read one after the other:
 * read again until they agree, and fail if the popover stays over its target.
 */
async function expectBeside(page: Page, target: Locator): Promise<void> {
  await expect(async () => {
    const [box, aim] = [await popover(page).boundingBox(), await target.boundingBox()];
    expect(box && aim).toBeTruthy();
    const apart =
      box!.x + box!.width <= aim!.x ||
      aim!.x + aim!.width <= box!.x ||
      box!.y + box!.height <= aim!.y ||
      aim!.y + aim!.height <= box!.y;
    expect(apart, `popover ${JSON.stringify(box)} over target ${JSON.stringify(aim)}`).toBe(true);
  }).toPass();
}

for (const language of languages)
  test(`the walkthrough of "claim and review", by keyboard alone (${language.name})`, async ({ browser }) => {
    test.setTimeout(600_000);
    const desk = await openDesk(browser, hostUrl());
    const { page } = desk;
    try {
      if (language.switchTo) {
        await tabTo(page, page.getByRole('button', { name: language.switchTo }));
        await page.keyboard.press('Enter');
      }
      await tabTo(page, page.getByRole('searchbox'));
      await page.keyboard.type(trainee.name);
      await page.keyboard.press('Enter');
      await expect(page.locator('.app-header__user')).toContainText(trainee.name);

      await tabTo(page, page.getByRole('button', { name: language.open }));
      await page.keyboard.press('Enter');
      const start = page
        .locator('[data-scenario="claim-and-review"]')
        .getByRole('button', { name: language.guided });
      await tabTo(page, start);
      await page.keyboard.press('Enter');

      // Step 1: the walkthrough opens the unassigned queue and scrolls its list to the scenario's case.
      const heading = popover(page).getByRole('heading', { name: language.step(1) });
      await expect(heading).toBeFocused();
      await expect(page.locator('.walkthrough-focus')).toBeVisible();
      await expect(page.getByRole('status').filter({ hasText: language.step(1) })).toHaveCount(1);
      const goTo = popover(page).getByRole('button', { name: language.goTo });
      await tabTo(page, goTo);
      await page.keyboard.press('Enter');
      // The claim button is the grid's: its row becomes the active one, and the grid's key C claims it.
      const grid = page.getByRole('grid');
      await expect(grid).toBeFocused();
      const claim = page
        .locator(`#${await grid.getAttribute('aria-activedescendant')}`)
        .locator('[data-tour="queues.row-claim"]');
      await expect(claim).toBeVisible();
      await expectBeside(page, claim);
      await expect(popover(page)).toContainText(/ C\.$|C\./);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.keyboard.press('c');

      // Step 2: on the case's page, a note.
      await expect(popover(page).getByRole('heading', { name: language.step(2) })).toBeFocused();
      await expect(page).toHaveURL(/#\/cases\//);
      await tabTo(page, popover(page).getByRole('button', { name: language.goTo }));
      await page.keyboard.press('Enter');
      expect(await focusedTour(page)).toBe('case-notes.add');
      await expectBeside(page, page.locator('[data-tour="case-notes.add"]'));
      await tabTo(page, page.locator('[data-tour="case-notes.text"]'), 'Shift+Tab');
      await page.keyboard.type('Solicitud revisada: documentación completa.');
      await tabTo(page, page.locator('[data-tour="case-notes.add"]'));
      await page.keyboard.press('Enter');

      // Step 3: the technical report, from its template.
      await expect(popover(page).getByRole('heading', { name: language.step(3) })).toBeFocused();
      await tabTo(page, popover(page).getByRole('button', { name: language.goTo }));
      await page.keyboard.press('Enter');
      expect(await focusedTour(page)).toBe('case.report-open');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog');
      await expect(dialog.locator('[data-tour="report.template"]')).toHaveValue('technical');
      await expect(dialog.locator('textarea')).not.toHaveValue('');
      await tabTo(page, dialog.locator('[data-tour="report.submit"]'));
      await page.keyboard.press('Enter');

      // The result; the report dialog gives the focus back to its opener as it closes, so it is reached by Tab.
      await expect(popover(page).getByRole('heading', { name: language.finished })).toBeVisible();
      await expect(popover(page)).toContainText(language.score);
      // The time on the scenario: only the time the trainee was there.
      await expect(popover(page)).toContainText(language.time);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await tabTo(page, popover(page).getByRole('button', { name: language.close }));
      await page.keyboard.press('Enter');
      await expect(page.getByRole('button', { name: language.open })).toBeVisible();
      expect(desk.cspViolations).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
