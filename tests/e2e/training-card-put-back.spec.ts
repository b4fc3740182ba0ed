import { practicePin } from '../../src/main/compose/practice-card-desk';
import { ownTrainingHost } from './training-host';
import { expect, head, openDesk, seriousAxeViolations, selectLastTrayRows, signIn, test } from './support';

/**
 * The practice card a scenario pulled out of the reader is put back on the cards page as well as on
 * the signing screen: scenario 06 pulls it out after the first signature of its batch; the trainee
 * goes to «Tarjetas», sees no card in the reader, puts it back by keyboard, and sees it there again.
 */

const hostUrl = ownTrainingHost();

test('the practice card pulled out mid-batch is put back by keyboard on the cards page', async ({
  browser,
}) => {
  test.setTimeout(600_000);
  const desk = await openDesk(browser, hostUrl());
  const { page } = desk;
  try {
    await signIn(page, head.name);
    await page.getByRole('button', { name: 'Ejercicios de formación' }).click();
    await page
      .locator('[data-scenario="batch-sign-card-removed"]')
      .getByRole('button', { name: 'Empezar con guía' })
      .click();
    const popover = page.locator('aside.walkthrough-panel');
    await expect(popover.getByRole('heading', { name: 'Paso 1 de 2' })).toBeVisible();
    // The scenario's three resolutions are the tray's last rows: selected by keyboard, signed in a batch.
    await selectLastTrayRows(page, 3);
    await expect(page.locator('[data-tour="tray.sign"]')).toHaveText('Firmar (3)');
    await page.locator('[data-tour="tray.sign"]').click();
    await page
      .locator('[data-tour="sign.card"]')
      .getByRole('radio', { name: new RegExp(head.name.split(' ')[0]!, 'i') })
      .check();
    await page.locator('[data-tour="sign.sign-all"]').click();
    const pin = page.getByRole('dialog', { name: 'PIN de la tarjeta' });
    await pin.locator('[data-tour="pin.input"]').fill(practicePin);
    await pin.locator('[data-tour="pin.submit"]').click();
    await expect(page.getByText('Firmadas y numeradas: 1. Sin firmar: 2.')).toBeVisible();
    await expect(popover.getByRole('heading', { name: 'Paso 2 de 2' })).toBeVisible();

    // On the cards page: the reader is empty, and the card can be put back.
    await page.getByRole('link', { name: 'Tarjetas', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Tarjetas y certificados' })).toBeFocused();
    await expect(
      page.getByRole('status').filter({ hasText: 'La tarjeta de prácticas está fuera del lector.' }),
    ).toHaveCount(1);
    await expect(
      page.getByRole('status').filter({ hasText: 'No hay ninguna tarjeta insertada.' }),
    ).toHaveCount(1);
    const card = page.getByRole('article', { name: 'Tarjeta «FORMACION»' });
    await expect(card).toHaveCount(0);
    expect(await seriousAxeViolations(page), 'the cards page with the card out').toEqual([]);

    const putBack = page.getByRole('button', { name: 'Volver a insertar la tarjeta de prácticas' });
    await putBack.focus();
    await page.keyboard.press('Enter');
    await expect(
      page.getByRole('status').filter({ hasText: 'La tarjeta de prácticas vuelve a estar en el lector.' }),
    ).toBeFocused();
    await expect(putBack).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: 'Una tarjeta insertada.' })).toHaveCount(1);
    await expect(card.getByRole('region', { name: new RegExp(head.name.split(' ')[0]!, 'i') })).toContainText(
      'sirve para firmar',
    );
    expect(await seriousAxeViolations(page), 'the cards page with the card back').toEqual([]);
    expect(desk.cspViolations).toEqual([]);
  } finally {
    await page.context().close();
  }
});
