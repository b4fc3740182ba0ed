import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, type Download, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { despachoRun } from '../support/despacho-command';
import { validateAgainstEniSchemas } from '../support/eni/schemas';
import { opensslCmsVerify } from '../support/pdfs/validators';
import { despachoEnvOnToken, type TestToken } from '../support/softhsm';
import { demoCity, serveOwnHost, stop } from './global-setup';
import { expect, explainedDueDate, grid, openQueue, searchCases } from './support';
import { loadCalendar } from '../../src/main/office/calendar/load';
import { demoOfficeCaPem as demoOfficeCa } from '../support/pdfs/demo-office-ca';

/**
 * A loopback host of the spec's own, on its own demo city, with the head's card as the global
 * setup gives it (the shared host must stay up, and a data folder is open in one process at a
 * time: the spec stops this host to move the clock with the command line, then starts it again).
 */
export class OwnHost {
  #host: ChildProcess | null = null;
  #starts = 0;

  constructor(
    readonly dir: string,
    private readonly card: TestToken,
  ) {}

  get dataDir(): string {
    return join(this.dir, 'data');
  }

  /** The demo city (`demoCity`: the run's, copied). */
  seed(): void {
    demoCity(this.dataDir);
  }

  /** Starts `despacho serve` on a free port; resolves with its URL (a new token each time). */
  async start(): Promise<string> {
    this.#starts += 1;
    const served = await serveOwnHost(
      ['--data', this.dataDir, '--port', '0'],
      join(this.dir, `url-${this.#starts}`),
      {
        env: { ...despachoEnvOnToken(this.card), DESPACHO_PKCS11_MODULES: this.card.modulePath },
      },
    );
    this.#host = served.host;
    return served.url;
  }

  async stop(): Promise<void> {
    if (this.#host) await stop(this.#host);
    this.#host = null;
  }
}

/** `despacho notifications sweep` on the stopped host's folder with the clock at `now`; its report. */
export async function sweepNotificationsAt(dataDir: string, now: Date): Promise<string> {
  const swept = await despachoRun(['notifications', 'sweep', '--data', dataDir, '--now', now.toISOString()]);
  expect(swept.stderr).toBe('');
  expect(swept.code).toBe(0);
  return swept.stdout;
}

/** Finds a case of the department in any state ("Todos los expedientes") and opens its page by keyboard. */
export async function openFromAllCases(page: Page, number: string): Promise<void> {
  await openQueue(page, /Todos los expedientes/);
  await searchCases(page, number);
  await expect(grid(page).locator('.case-grid__number')).toHaveText([number]);
  await grid(page).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: `Expediente ${number}` })).toBeFocused();
}

/** The base64 SHA-256 the NTI index gives for a document (eniconexpind:ValorHuella). */
const indexHash = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('base64');

/**
 * Checks a downloaded ENI export as its recipient would: the detached CAdES of index.xml verifies
 * with `openssl cms -verify` under the seal's CA (and fails on a changed index), every XML in it
 * validates against the NTI schemas, and the index lists every document by its SHA-256.
 * Returns the documents' paths inside the zip.
 */
export async function checkEniExport(download: Download): Promise<string[]> {
  const files = unzipSync(new Uint8Array(readFileSync(await download.path())));
  const index = Buffer.from(files['index.xml']!);
  const signature = Buffer.from(files['index.xml.p7s']!);
  const verified = opensslCmsVerify({ cms: signature, signedContent: index }, demoOfficeCa);
  expect(verified.ok, verified.text).toBe(true);
  const changed = Buffer.from(index);
  changed.writeUInt8(changed.readUInt8(changed.length - 5) ^ 0x20, changed.length - 5);
  expect(opensslCmsVerify({ cms: signature, signedContent: changed }, demoOfficeCa).ok).toBe(false);

  const xmlFiles = Object.keys(files).filter((name) => name.endsWith('.xml'));
  for (const name of xmlFiles) {
    const check = await validateAgainstEniSchemas(files[name]!);
    expect(check.errors, name).toEqual([]);
    expect(check.valid, name).toBe(true);
  }

  const documents = Object.keys(files).filter((name) => name.startsWith('documents/'));
  const text = index.toString('utf8');
  for (const name of documents) expect(text, name).toContain(`>${indexHash(files[name]!)}<`);
  expect(xmlFiles).toHaveLength(documents.length + 1);
  return documents;
}

/** `instant` as a `datetime-local` value in the page's zone, to the second or to the minute. */
const localInput = (page: Page, instant: number, seconds: boolean): Promise<string> =>
  page.evaluate(
    ({ instant, seconds }) => {
      const at = new Date(instant);
      const two = (value: number) => String(value).padStart(2, '0');
      const day = `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}`;
      const time = `${two(at.getHours())}:${two(at.getMinutes())}`;
      return `${day}T${time}${seconds ? `:${two(at.getSeconds())}` : ''}`;
    },
    { instant, seconds },
  );

/**
 * The processor records in the notifications panel that the amendment request reached the
 * applicant: electronic, the site reports it opened (art. 43.1); paper, the messenger delivered it
 * (art. 42.2). Its notification is made then, and the 10 days run from the day after (art. 68.1).
 * The instant is the notice's own (to the second, or to the minute on paper) once the clock has
 * passed it: a later one is refused.
 */
const madridClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Madrid',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
});

/** Milliseconds from `instant` to the next midnight in Madrid, where legal days begin. */
function toMadridMidnight(instant: number): number {
  const part = (type: string) =>
    Number(madridClock.formatToParts(instant).find((piece) => piece.type === type)!.value);
  const elapsed = ((part('hour') * 60 + part('minute')) * 60 + part('second')) * 1000 + (instant % 1000);
  return 86_400_000 - elapsed;
}

/**
 * Steps whose events must fall on one legal day (a notification and its reply the same day, a
 * suspension of no day) must not straddle midnight in Madrid: within `minutes` of it, this waits
 * until the new day has begun, and lengthens the test's time limit by that wait.
 */
export async function clearOfMadridMidnight(minutes = 5): Promise<void> {
  const left = toMadridMidnight(Date.now());
  if (left > minutes * 60_000) return;
  test.setTimeout(test.info().timeout + left + 60_000);
  await expect
    .poll(() => toMadridMidnight(Date.now()) > minutes * 60_000, {
      timeout: left + 30_000,
      intervals: [1_000],
    })
    .toBe(true);
}

/**
 * Whether a reply registered now counts as filed today: on a non-business day at the registry's seat
 * (Elche) it counts from the first hour of the next business day (art. 31.2.b, judged by the seat's
 * calendar alone, art. 31.3), so a request notified today stood still at least one day.
 */
export function replyCountsToday(): boolean {
  const calendar = loadCalendar();
  return calendar.isBusinessDay(calendar.today(new Date()), ['elche']);
}

/**
 * After a reply registered the day its request was notified, the due date is the original again;
 * on a non-business day the term stood still until the next business day, and the panel says so.
 * The suspended day extends the nominal end before it is moved off a non-business day (art. 22.1.a,
 * then art. 30.5): a due date already moved over a weekend may stay where it was, never earlier.
 */
export async function expectDueDateAfterSameDayReply(page: Page, original: string): Promise<void> {
  if (replyCountsToday()) {
    await expect.poll(() => explainedDueDate(page)).toBe(original);
    return;
  }
  await expect(page.locator('.due-date-panel__steps')).toContainText(
    /Suspensión del .+? al .+?: \d+ días? naturale?s? \(art\. 22\.1\.a/,
  );
  await expect.poll(async () => (await explainedDueDate(page)) >= original).toBe(true);
}

export async function recordRequestReached(page: Page, eventId: string): Promise<void> {
  const article = page.getByRole('article', { name: 'Notificación del requerimiento de subsanación' });
  await expect(article).toContainText(/Estado: (Puesta a disposición|Pendiente de entrega)/);
  const electronic = ((await article.textContent()) ?? '').includes('Canal: Electrónica');
  const madeAvailable = new Date((await article.locator('time').first().getAttribute('datetime'))!).getTime();
  const step = electronic ? 1_000 : 60_000;
  const at = Math.ceil(madeAvailable / step) * step;
  await expect.poll(() => Date.now(), { timeout: 120_000 }).toBeGreaterThan(at);
  if (electronic) {
    await article.getByLabel('Qué ocurrió').selectOption({ label: 'Accedió' });
    await article.getByLabel('Fecha y hora', { exact: true }).fill(await localInput(page, at, true));
    await article.getByLabel('Identificador del evento en la sede').fill(eventId);
    await article.getByRole('button', { name: 'Anotar el evento' }).click();
    await expect(article).toContainText('Estado: Accedida');
  } else {
    await article.getByLabel('Fecha y hora del intento').fill(await localInput(page, at, false));
    await article.getByLabel('Resultado').selectOption({ label: 'entregada' });
    await article.getByRole('button', { name: 'Anotar el intento' }).click();
    await expect(article).toContainText('Estado: Entregada');
  }
}
