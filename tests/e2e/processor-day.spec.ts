import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTestToken } from '../support/softhsm';
import {
  checkEniExport,
  OwnHost,
  openFromAllCases,
  clearOfMadridMidnight,
  expectDueDateAfterSameDayReply,
  recordRequestReached,
  sweepNotificationsAt,
} from './processor-day-support';
import {
  type Desk,
  draftAndSendToHead,
  expect,
  explainedDueDate,
  grid,
  head,
  onePagePdf,
  openDesk,
  openQueue,
  processors,
  rows,
  searchCases,
  seriousAxeViolations,
  signIn,
  test,
  trayRow,
} from './support';

/**
 * Issue 9's acceptance: a processor's whole day on one case, on the spec's own host and demo city.
 * The case is claimed, its documents read in the viewer, an amendment requested and answered, a
 * report added, the resolution drafted and sent to the head, who signs it with her card (SoftHSM2)
 * in the tray; the processor notifies it. The clock then moves with the real tool, `despacho
 * notifications sweep --now`, on the stopped host's folder: ten natural days after it was made
 * available the notification is still open (the app reads art. 43.2 "from day 11"), later it is
 * deemed rejected, dated the first instant of day 11. The case is archived and exported, and the
 * export is checked as its recipient would: openssl and the NTI schemas.
 */

/** The applicant is a company or an association (CIF): always notified electronically (art. 14.2). */
const legalPersonNif = /^[ABCDEFGHJNPQRSUVW]\d/;
const dayMs = 86_400_000;

test('a processor works a case from claim to archived export; the head signs it; ten natural days deem the notification rejected', async ({
  browser,
}) => {
  // Guards against hangs only: a demo city, three host starts, a card signature, on a busy machine.
  test.setTimeout(1_800_000);
  const card = loadTestToken();
  const dir = mkdtempSync(join(tmpdir(), 'despacho-processor-day-'));
  const host = new OwnHost(dir, card);
  const desks: Desk[] = [];
  try {
    let url = await test.step('Preparar una ciudad de demostración y su servidor local', async () => {
      host.seed();
      return host.start();
    });
    const processorDesk = await openDesk(browser, url);
    desks.push(processorDesk);
    const { page } = processorDesk;
    const me = await signIn(page, processors);
    const title = page.getByRole('heading', { level: 1, name: /^Expediente / });
    const summary = page.locator('.case-summary');

    const number = await test.step('Asignarse un expediente (por teclado)', async () => {
      await openQueue(page, /Sin asignar/);
      // A running term with days to spare (an amendment suspends a running term only).
      const candidate = rows(page)
        .filter({ has: page.locator('.deadline--ok') })
        .filter({ has: page.locator('.case-grid__nif', { hasText: legalPersonNif }) })
        .first();
      await expect(candidate).toBeVisible();
      const found = (await candidate.locator('.case-grid__number').textContent()) ?? '';
      await page.getByRole('searchbox', { name: 'Buscar' }).focus();
      await page.keyboard.type(found);
      await expect(grid(page)).toHaveAttribute('aria-busy', 'false');
      await expect(rows(page)).toHaveCount(1);
      await grid(page).focus();
      await page.keyboard.press('Enter');
      await expect(title).toHaveText(`Expediente ${found}`);
      await expect(title).toBeFocused();
      await page.keyboard.press('c');
      await expect(page.getByText(`Se le ha asignado el expediente ${found}.`)).toBeVisible();
      await expect(summary).toContainText(me);
      await expect(page.getByRole('button', { name: 'Liberarlo' })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Requerir subsanación' })).toBeVisible();
      expect(await seriousAxeViolations(page), 'the claimed case').toEqual([]);
      return found;
    });

    await test.step('Abrir sus documentos en el visor y buscar una palabra', async () => {
      const open = page.getByRole('button', { name: /^Abrir «/ }).first();
      const documentTitle = /«(.+)»/.exec((await open.textContent()) ?? '')![1]!;
      await open.click();
      const viewer = page.getByRole('dialog', { name: documentTitle });
      await expect(viewer.locator('[data-page-number="1"] [data-page-rendered="true"]')).toBeVisible();
      await page.keyboard.press('Control+f');
      const search = viewer.getByRole('searchbox', { name: 'Buscar en el documento' });
      await expect(search).toBeFocused();
      await page.keyboard.type('elche');
      await page.keyboard.press('Enter');
      await expect(viewer.getByTestId('pdf-matches')).toHaveText(/^1 de \d+ coincidencias?$/);
      await expect(viewer.locator('mark.pdf-match--current')).toHaveText(/^Elche$/);
      expect(await seriousAxeViolations(page), 'the viewer').toEqual([]);
      await page.keyboard.press('Escape');
      await expect(viewer).toBeHidden();
      await expect(title).toBeVisible();
    });

    const steps = page.locator('.due-date-panel__steps');
    const original =
      await test.step('Requerir subsanación: el vencimiento se mueve y el panel lo explica', async () => {
        await page.getByRole('button', { name: 'Explicar esta fecha' }).click();
        await expect(steps).toContainText('Inicio: entrada en el registro');
        const before = await explainedDueDate(page);
        // The request is notified and answered on one legal day: no suspended day between them.
        await clearOfMadridMidnight();
        await page.getByRole('button', { name: 'Requerir subsanación' }).click();
        const dialog = page.getByRole('dialog', { name: 'Requerir subsanación' });
        await dialog
          .getByLabel('Qué debe subsanar o aportar el interesado')
          .fill('Proyecto técnico visado\nJustificante de la tasa');
        await expect(dialog.getByRole('region', { name: 'Vista previa del requerimiento' })).toContainText(
          'Proyecto técnico visado',
        );
        await dialog.getByRole('button', { name: 'Emitir el requerimiento' }).click();
        await expect(
          page.getByText(
            'Requerimiento emitido y notificado al interesado: el plazo de 10 días empezará a contar al día siguiente de la notificación.',
          ),
        ).toBeVisible();
        await expect(summary).toContainText('Pendiente de subsanación');
        await expect(steps).not.toContainText('Suspensión del');
        // The site reports the applicant opened the request: from that day the term is suspended.
        await recordRequestReached(page, 'SEDE-REQ-1');
        await expect(steps).toContainText('Suspendido');
        await expect(steps).toContainText('Suspensión del');
        await expect.poll(async () => (await explainedDueDate(page)) > before).toBe(true);
        expect(await seriousAxeViolations(page), 'the case awaiting amendment').toEqual([]);
        return before;
      });

    await test.step('Registrar la respuesta del interesado', async () => {
      const amendments = page.getByRole('region', { name: 'Subsanación (art. 68)' });
      await amendments.getByRole('button', { name: 'Registrar la respuesta' }).click();
      const reply = page.getByRole('dialog', { name: 'Registrar la respuesta del interesado' });
      await reply.getByLabel(/Documentos de la respuesta/).setInputFiles({
        name: 'proyecto-visado.pdf',
        mimeType: 'application/pdf',
        buffer: await onePagePdf(),
      });
      expect(await seriousAxeViolations(page), 'the reply dialog').toEqual([]);
      await reply.getByRole('button', { name: 'Registrar' }).click();
      await expect(
        page.getByText('Respuesta registrada: el plazo para resolver vuelve a correr.'),
      ).toBeVisible();
      await expect(amendments).toContainText('Respondido');
      await expect(summary).toContainText('En tramitación');
      // Answered the same day: the suspension lasted no day, and the due date is the original again
      // (on a business day: on another the reply counts from the next one, art. 31.2.b).
      await expectDueDateAfterSameDayReply(page, original);
    });

    await test.step('Añadir un informe (por teclado)', async () => {
      await title.focus();
      await page.keyboard.press('r');
      const dialog = page.getByRole('dialog', { name: `Añadir un informe al expediente ${number}` });
      const body = dialog.getByLabel('Texto del informe');
      await expect(body).toHaveValue(new RegExp(number));
      for (let field = 0; field < 3; field++) await page.keyboard.press('Tab');
      await expect(body).toBeFocused();
      await page.keyboard.press('Control+End');
      await page.keyboard.type('\nEl proyecto aportado en la subsanación es conforme.');
      await page.keyboard.press('Tab');
      await expect(dialog.getByRole('button', { name: 'Añadir informe' })).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page.getByText('Informe «Informe técnico» añadido al expediente.')).toBeVisible();
      await expect(dialog).toBeHidden();
    });

    await test.step('Redactar la resolución y enviarla a la jefatura', async () => {
      await draftAndSendToHead(page, number, `Conceder la licencia solicitada (${number}).`);
      await expect(summary).toContainText('Pendiente de firma');
    });

    await test.step('La jefatura la firma en la bandeja con su tarjeta', async () => {
      const headDesk = await openDesk(browser, url);
      desks.push(headDesk);
      const boss = headDesk.page;
      await signIn(boss, head.search);
      await expect(boss.getByRole('heading', { level: 1, name: 'Bandeja de firmas' })).toBeVisible();
      await trayRow(boss, number).click();
      await boss.getByRole('button', { name: 'Firmar (1)' }).click();
      await expect(boss.getByRole('heading', { level: 1, name: 'Firmar una resolución' })).toBeFocused();
      await expect(boss.locator('.sign-item')).toContainText(number);
      await boss
        .getByRole('radio', { name: new RegExp(`ANA GARCIA PEREZ, tarjeta «${card.tokenLabel}»`) })
        .check();
      await boss.getByRole('button', { name: 'Firmar el documento' }).click();
      const pin = boss.getByRole('dialog', { name: 'PIN de la tarjeta' });
      await expect(pin.getByLabel('PIN', { exact: true })).toBeFocused();
      await boss.keyboard.type(card.userPin);
      await boss.keyboard.press('Enter');
      await expect(boss.getByText('Firmadas y numeradas: 1. Sin firmar: 0.')).toBeVisible({
        timeout: 120_000,
      });
    });

    const notification = page.getByRole('article', { name: 'Notificación', exact: true });
    const { madeAvailable, rejectsAt } = await test.step('Notificar la resolución firmada', async () => {
      // The processor's page follows the signature.
      await expect(summary).toContainText('Resuelto');
      const panel = page.getByRole('region', { name: 'Notificación' });
      await expect(panel).toContainText('Se pondrá a disposición del interesado en la sede electrónica');
      await panel.getByRole('button', { name: 'Notificar la resolución' }).click();
      await expect(page.getByText('Resolución notificada.')).toBeVisible();
      await expect(notification).toContainText('Estado: Puesta a disposición');
      await expect(notification).toContainText('Canal: Electrónica');
      const events = notification.getByRole('list', { name: 'Historial de la notificación' });
      await expect(events.getByRole('listitem').first()).toContainText('Puesta a disposición en la sede');
      await expect(
        page.getByRole('region', { name: 'Historial' }).getByRole('listitem').first(),
      ).toContainText(`${me} · Pone la resolución a disposición del interesado en la sede electrónica`);
      const at = new Date((await events.locator('time').first().getAttribute('datetime'))!);
      const deadline = notification.getByText(/^Si no accede, se entenderá rechazada el /);
      const when = /rechazada el (.+) \(art\. 43\.2\)\.$/.exec((await deadline.textContent()) ?? '')![1]!;
      expect(await seriousAxeViolations(page), 'the notified case').toEqual([]);
      return { madeAvailable: at, rejectsAt: when };
    });

    /** Stops the host, sweeps at `now` with the command line, starts it again and opens the case. */
    const sweepAt = async (now: Date) => {
      await host.stop();
      expect(await sweepNotificationsAt(host.dataDir, now)).toContain('Barrido de notificaciones');
      url = await host.start();
      await page.goto(url);
      await signIn(page, me);
      await openFromAllCases(page, number);
    };

    await test.step('Pasan diez días naturales: el décimo día aún puede acceder', async () => {
      await sweepAt(new Date(madeAvailable.getTime() + 10 * dayMs));
      await expect(notification).toContainText('Estado: Puesta a disposición');
      await expect(notification).toContainText(`se entenderá rechazada el ${rejectsAt}`);
      await expect(summary).toContainText('Resuelto');
    });

    await test.step('Pasado el décimo día, la notificación se entiende rechazada', async () => {
      await sweepAt(new Date(madeAvailable.getTime() + 20 * dayMs));
      await expect(notification).toContainText('Estado: Rechazada por transcurso del plazo');
      // Dated when the panel said it would be, not when the clock was moved.
      await expect(notification).toContainText(`Practicada el ${rejectsAt}.`);
      await expect(notification.getByRole('listitem').last()).toContainText(
        'Rechazada por no acceder en diez días naturales (anotado automáticamente)',
      );
      await expect(summary).toContainText('Notificado');
      await page.getByText('Los diez días naturales del art. 43.2').click();
      await expect(
        page.getByText(/^Esta aplicación fecha el rechazo a partir del undécimo día/),
      ).toBeVisible();
      expect(await seriousAxeViolations(page), 'the notification deemed rejected').toEqual([]);
    });

    await test.step('Archivar y exportar el expediente (ENI)', async () => {
      await page.getByRole('button', { name: 'Archivar el expediente' }).click();
      await expect(page.getByText('Expediente archivado.')).toBeVisible();
      await expect(summary).toContainText('Archivado');
      // A closed case keeps who worked it: it is not offered back to the queue.
      await expect(page.getByRole('button', { name: 'Liberarlo' })).toHaveCount(0);
      const documents = await page.getByRole('button', { name: /^Abrir «/ }).count();
      const exportButton = page.getByRole('button', { name: 'Exportar expediente (ENI)' });
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 120_000 }),
        exportButton.click(),
      ]);
      expect(download.suggestedFilename()).toBe(`${number}_ENI.zip`);
      await expect(page.getByText(`Expediente exportado: ${number}_ENI.zip`)).toBeVisible();
      expect(await seriousAxeViolations(page), 'the archived case').toEqual([]);
      expect(await checkEniExport(download)).toHaveLength(documents);
      // Back in the queues, the case is found archived.
      await page.keyboard.press('Escape');
      await openQueue(page, /Todos los expedientes/);
      await searchCases(page, number);
      await expect(rows(page).first().locator('.case-grid__state')).toHaveText('Archivado');
    });
  } finally {
    const violations = desks.flatMap((desk) => desk.cspViolations);
    for (const desk of desks) await desk.page.context().close();
    await host.stop();
    rmSync(dir, { recursive: true, force: true });
    expect(violations, 'Content Security Policy violations').toEqual([]);
  }
});
