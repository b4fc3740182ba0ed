import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Browser, type Page } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';

/** One browser tab on the loopback host, with every CSP violation it reports. */
export interface Desk {
  page: Page;
  cspViolations: string[];
}

export function hostUrl(): string {
  const url = process.env.DESPACHO_E2E_URL;
  if (!url) throw new Error('DESPACHO_E2E_URL is not set: the global setup did not start the host');
  return url;
}

/**
 * Opens a new desk (its own context: own sign-in, own language) on the host's tokenized URL, or on
 * `url`, the tokenized URL of a host the spec started itself.
 */
export async function openDesk(browser: Browser, url = hostUrl()): Promise<Desk> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cspViolations: string[] = [];
  await page.exposeFunction('reportCspViolation', (text: string) => cspViolations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation(
        `${event.violatedDirective} ${event.blockedURI}`,
      );
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
      cspViolations.push(message.text());
  });
  await page.goto(url);
  return { page, cspViolations };
}

type Fixtures = { desk: Desk; secondDesk: Desk };

/** `desk` (and `secondDesk` when asked for) are closed after the test, which fails on any CSP violation. */
export const test = base.extend<Fixtures>({
  desk: async ({ browser }, use) => {
    const desk = await openDesk(browser);
    await use(desk);
    expect(desk.cspViolations, 'Content Security Policy violations').toEqual([]);
    await desk.page.context().close();
  },
  secondDesk: async ({ browser }, use) => {
    const desk = await openDesk(browser);
    await use(desk);
    expect(desk.cspViolations, 'Content Security Policy violations').toEqual([]);
    await desk.page.context().close();
  },
});
export { expect };

/** The department every spec works in (the demo city's busiest). */
export const department = 'Urbanismo';
/** Its processors (the department's head reviews cases but does not claim them). */
export const processors = `${department} tramitador`;

/** Signs in as the `nth` demo person whose name, department or position matches `search`. */
export async function signIn(page: Page, search = processors, nth = 0): Promise<string> {
  await expect(
    page.getByRole('heading', { name: /Acceso de demostración|Accés de demostració/ }),
  ).toBeVisible();
  await page.getByRole('searchbox').fill(search);
  const option = page.getByRole('option').nth(nth);
  const name = (await option.locator('.user-list__name').textContent()) ?? '';
  await option.click();
  await expect(page.locator('.app-header__user')).toContainText(name);
  return name;
}

export const grid = (page: Page) => page.getByRole('grid');
/** Rendered data rows (the header row is aria-rowindex 1). */
export const rows = (page: Page) => grid(page).locator('[role="row"]:not([aria-rowindex="1"])');
export const caseNumbers = (page: Page) => grid(page).locator('.case-grid__number');

export async function queueCount(page: Page, queue: string): Promise<number> {
  const text = (await page.getByTestId(`count-${queue}`).textContent()) ?? '';
  const digits = text.replace(/\D/g, '');
  if (!digits) throw new Error(`queue ${queue} has no count yet`);
  return Number(digits);
}

/** Waits until the queue's count is loaded, then returns it. */
export async function loadedCount(page: Page, queue: string): Promise<number> {
  await expect(page.getByTestId(`count-${queue}`)).toHaveText(/\d/);
  return queueCount(page, queue);
}

export async function openQueue(page: Page, name: RegExp): Promise<void> {
  await page.getByRole('tab', { name }).click();
  await expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
}

/** Serious and critical WCAG 2 A/AA violations on the page as it is now, as readable strings. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
    );
}

/** Types into the queue search and waits until the list shows the result (debounce and fetch done). */
export async function searchCases(page: Page, text: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Buscar' }).fill(text);
  await expect(grid(page)).toHaveAttribute('aria-busy', 'false');
}

/** A one-page PDF, as an applicant's reply or an uploaded file would be. */
export async function onePagePdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.addPage([200, 200]);
  return Buffer.from(await pdf.save());
}

/** The due date the explanation panel states, as its ISO date ("Vencimiento: … (2026-08-25)."). */
export async function explainedDueDate(page: Page): Promise<string> {
  const first = page.locator('.due-date-panel__steps > li').first();
  await expect(first).toHaveText(/\(\d{4}-\d{2}-\d{2}\)/);
  return /\((\d{4}-\d{2}-\d{2})\)/.exec((await first.textContent()) ?? '')![1]!;
}

/** The head of Urbanismo (the test PKI's card holder ANA GARCIA PEREZ shares her NIF). */
export const head = { search: `${department} Jefatura`, name: 'Alba Demo Ferrer' };

/** A case's row in a signing tray. */
/** Selects the tray's last `count` rows by keyboard: End, then Shift+ArrowUp for each one more. */
export async function selectLastTrayRows(page: Page, count: number): Promise<void> {
  const tray = grid(page);
  await expect(tray).toHaveAttribute('aria-busy', 'false');
  await tray.focus();
  await page.keyboard.press('End');
  for (let more = 1; more < count; more += 1) await page.keyboard.press('Shift+ArrowUp');
  await expect(tray.locator('[role="row"][aria-selected="true"]')).toHaveCount(count);
}

export const trayRow = (page: Page, caseNumber: string) =>
  grid(page).getByRole('row').filter({ hasText: caseNumber });

/** On the case page, the processor drafts the resolution with this decision and sends it to the head to sign. */
export async function draftAndSendToHead(page: Page, number: string, decision: string): Promise<void> {
  await page.getByRole('button', { name: 'Redactar resolución' }).click();
  const decisionField = page.getByLabel('RESUELVO');
  await expect(decisionField).not.toHaveValue('');
  await decisionField.fill(decision);
  await page.getByRole('button', { name: 'Enviar a firma…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(`Qué se pide a ${head.name}`).selectOption('sign');
  await dialog.getByRole('button', { name: 'Enviar', exact: true }).click();
  await expect(page.getByText(`La resolución del expediente ${number} se ha enviado a firma.`)).toBeVisible();
}
