import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  caseNumbers,
  expect,
  grid,
  openQueue,
  seriousAxeViolations,
  signIn,
  test,
  type Desk,
} from './support';

const screenshots = join(import.meta.dirname, '..', '..', 'docs', 'screenshots');

const languages = [
  { button: 'Castellano', queues: 'Bandejas de trabajo', unassigned: /Sin asignar/, documents: 'Documentos' },
  { button: 'Valencià', queues: 'Safates de treball', unassigned: /Sense assignar/, documents: 'Documents' },
] as const;

async function chooseLanguage({ page }: Desk, button: string): Promise<void> {
  await page.getByRole('button', { name: button }).click();
  await expect(page.getByRole('button', { name: button })).toHaveAttribute('aria-pressed', 'true');
}

for (const language of languages) {
  test(`no serious axe violations on sign-in, queues and case screens (${language.button})`, async ({
    desk,
  }) => {
    const { page } = desk;
    await chooseLanguage(desk, language.button);
    await expect(page.getByRole('option').first()).toBeVisible();
    expect(await seriousAxeViolations(page), 'sign-in').toEqual([]);

    await signIn(page);
    await openQueue(page, language.unassigned);
    await expect(caseNumbers(page).first()).toBeVisible();
    await grid(page).focus();
    await page.keyboard.press('ArrowDown');
    expect(await seriousAxeViolations(page), 'queues').toEqual([]);

    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: language.documents })).toBeVisible();
    expect(await seriousAxeViolations(page), 'case').toEqual([]);
  });
}

test('screenshots of the queues and a case for the README', async ({ desk }) => {
  const { page } = desk;
  await signIn(page);
  await openQueue(page, /Sin asignar/);
  await expect(caseNumbers(page).nth(5)).toBeVisible();
  await grid(page).focus();
  await page.keyboard.press('ArrowDown');
  await page.evaluate(() => window.scrollTo(0, 0));
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: join(screenshots, 'queues.png') });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Historial' })).toBeVisible();
  await page.screenshot({ path: join(screenshots, 'case.png'), fullPage: true });
});
