import type { Page } from '@playwright/test';
import { expect, openQueue, rows, seriousAxeViolations, signIn, test } from './support';

/** Whether the page scrolls sideways, and whether the grid does inside itself. */
async function sidewaysOverflow(page: Page): Promise<{ page: number; grid: number }> {
  return page.evaluate(() => {
    const grid = document.querySelector('[role="grid"]');
    return {
      page: document.scrollingElement!.scrollWidth - window.innerWidth,
      grid: grid ? grid.scrollWidth - grid.clientWidth : 0,
    };
  });
}

/** Gives the case back through the contract, as this tab would, so other specs find the queue as it was. */
async function release(page: Page, caseId: string): Promise<void> {
  const status = await page.evaluate(async (id) => {
    const answer = await fetch('/api/call/cases.release', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${sessionStorage.getItem('despacho.token')}`,
        'x-despacho-desk': sessionStorage.getItem('despacho.desk') ?? '',
      },
      body: JSON.stringify({ caseId: id }),
    });
    return answer.status;
  }, caseId);
  expect(status).toBe(200);
}

for (const viewport of [
  { width: 1366, height: 768 },
  { width: 1024, height: 768 },
]) {
  test(`at ${viewport.width}×${viewport.height} the queue fits the width and the claim buttons are in view`, async ({
    desk,
  }) => {
    const { page } = desk;
    await page.setViewportSize(viewport);
    await signIn(page);
    await openQueue(page, /Sin asignar/);
    const claim = rows(page).first().getByRole('button', { name: 'Asignarme', exact: true });
    await expect(claim).toBeVisible();
    expect(await sidewaysOverflow(page)).toEqual({ page: 0, grid: 0 });
    const box = (await claim.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
}

test('at 1400 px no column heading of the queue is cut', async ({ desk }) => {
  const { page } = desk;
  await page.setViewportSize({ width: 1400, height: 900 });
  await signIn(page);
  await openQueue(page, /Sin asignar/);
  await expect(rows(page).first()).toBeVisible();
  expect(await sidewaysOverflow(page)).toEqual({ page: 0, grid: 0 });
  const cut = await page.evaluate(() =>
    [...document.querySelectorAll('[role="columnheader"]')]
      .filter((cell) => cell.scrollWidth > cell.clientWidth || cell.scrollHeight > cell.clientHeight)
      .map((cell) => cell.textContent),
  );
  expect(cut).toEqual([]);
});

test('a toast stays clear of the claim buttons, newest first, and Escape closes it', async ({ desk }) => {
  const { page } = desk;
  await page.setViewportSize({ width: 1366, height: 768 });
  await signIn(page);
  await openQueue(page, /Sin asignar/);
  const first = rows(page).first();
  const number = (await first.locator('.case-grid__number').textContent()) ?? '';
  const href = (await first.locator('.case-grid__number a').getAttribute('href')) ?? '';
  const caseId = decodeURIComponent(href.replace('#/cases/', ''));
  await first.getByRole('button', { name: 'Asignarme', exact: true }).click();
  const toast = page.locator('.toast', { hasText: `Se le ha asignado el expediente ${number}.` });
  await expect(toast).toBeVisible();
  try {
    const toastBox = (await toast.boundingBox())!;
    const buttons = page.getByRole('grid').getByRole('button', { name: 'Asignarme', exact: true });
    await expect(buttons.first()).toBeVisible();
    for (const button of await buttons.all()) {
      const box = await button.boundingBox();
      if (!box) continue;
      const overlaps =
        box.x < toastBox.x + toastBox.width &&
        toastBox.x < box.x + box.width &&
        box.y < toastBox.y + toastBox.height &&
        toastBox.y < box.y + box.height;
      expect(overlaps, `toast over the claim button at ${box.x},${box.y}`).toBe(false);
    }
    await toast.getByRole('button', { name: 'Cerrar el aviso' }).focus();
    await page.keyboard.press('Escape');
    await expect(toast).toHaveCount(0);
    // Escape closed the toast only: the queue is still on screen.
    await expect(page.getByRole('heading', { name: 'Bandejas de trabajo' })).toBeVisible();
  } finally {
    await release(page, caseId);
  }
});

test('a 10,000-character search on the sign-in screen wraps inside its card', async ({ desk }) => {
  const { page } = desk;
  await page.setViewportSize({ width: 1024, height: 768 });
  const text = 'x'.repeat(10_000);
  await page.getByRole('searchbox').fill(text);
  await expect(page.getByText(`Nadie coincide con «${text}».`)).toBeVisible();
  const overflow = await page.evaluate(() => {
    const card = document.querySelector('.sign-in')!;
    return {
      card: card.scrollWidth - card.clientWidth,
      page: document.scrollingElement!.scrollWidth - window.innerWidth,
    };
  });
  expect(overflow).toEqual({ card: 0, page: 0 });
});
