import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { stop } from './global-setup';
import { caseNumbers, expect, grid, openQueue, seriousAxeViolations, test } from './support';
import { startTrainingHost } from './training-host';

const languages = [
  {
    button: 'Castellano',
    banner: 'MODO FORMACIÓN',
    skip: 'Saltar al contenido principal',
    signIn: /Acceso de demostración/,
    allCases: /Todos los expedientes/,
    documents: 'Documentos',
  },
  {
    button: 'Valencià',
    banner: 'MODE FORMACIÓ',
    skip: 'Anar al contingut principal',
    signIn: /Accés de demostració/,
    allCases: /Tots els expedients/,
    documents: 'Documents',
  },
] as const;

/** The banner: one status region saying the mode, above everything else on the page. */
async function expectBanner(page: Page, text: string): Promise<void> {
  const banner = page.getByRole('status').filter({ hasText: text });
  await expect(banner).toHaveCount(1);
  await expect(banner).toBeVisible();
  // Above the header, in the page's flow: nothing of the screen is under it.
  const bannerBox = (await banner.boundingBox())!;
  const headerBox = (await page.locator('.app-header').boundingBox())!;
  expect(headerBox.y).toBeGreaterThanOrEqual(bannerBox.y + bannerBox.height);
}

async function chooseLanguage(page: Page, button: string): Promise<void> {
  await page.getByRole('button', { name: button }).click();
  await expect(page.getByRole('button', { name: button })).toHaveAttribute('aria-pressed', 'true');
}

test('a training desk says so on every screen, in both languages, and the keyboard goes past the banner', async ({
  browser,
}) => {
  // Guards against a hang only: the host seeds its sandbox on a busy machine.
  test.setTimeout(600_000);
  const dir = mkdtempSync(join(tmpdir(), 'despacho-training-banner-'));
  const { host, url } = await startTrainingHost(dir);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(url);
    for (const language of languages) {
      await chooseLanguage(page, language.button);
      await expect(page.getByRole('heading', { name: language.signIn })).toBeVisible();
      await expectBanner(page, language.banner);
      await expect(page.getByRole('option').first()).toBeVisible();
      expect(await seriousAxeViolations(page), `sign-in (${language.button})`).toEqual([]);
    }

    // Signing in by keyboard alone: the first Tab reaches the skip link, past the banner.
    await chooseLanguage(page, 'Castellano');
    await page.reload();
    await expectBanner(page, 'MODO FORMACIÓN');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Saltar al contenido principal' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('searchbox')).toBeFocused();
    await page.keyboard.type('Urbanismo tramitador');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('listbox')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('.app-header__user')).toBeVisible();

    for (const language of languages) {
      await chooseLanguage(page, language.button);
      await openQueue(page, language.allCases);
      await expect(caseNumbers(page).first()).toBeVisible();
      await expectBanner(page, language.banner);
      await grid(page).focus();
      await page.keyboard.press('ArrowDown');
      expect(await seriousAxeViolations(page), `queues (${language.button})`).toEqual([]);

      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { name: language.documents, level: 2 })).toBeVisible();
      await expectBanner(page, language.banner);
      expect(await seriousAxeViolations(page), `case (${language.button})`).toEqual([]);

      // From the case, the keyboard still starts at the skip link and reaches the content.
      await page.keyboard.press('Escape');
      await expect(caseNumbers(page).first()).toBeVisible();
    }
    await page.reload();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: languages[1].skip })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Assignar-me el següent' })).toBeFocused();
  } finally {
    await context.close();
    await stop(host);
    rmSync(dir, { recursive: true, force: true });
  }
});
