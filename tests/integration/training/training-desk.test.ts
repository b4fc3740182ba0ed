import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeDesk, type Desk } from '../../../src/main/compose';
import { practicePin } from '../../../src/main/compose/practice-card-desk';
import { trainingDataDir } from '../../../src/main/compose/training-sandbox';
import { practiceModule } from '../../../src/main/desk/training-card/practice-card';
import { demoNif, demoStaff } from '../../../src/main/office/demo/city';
import { contentPath } from '../../../src/main/office/store/contents';
import { ApiError } from '../../../src/shared/api/errors';
import { translate } from '../../../src/shared/i18n/index';
import { despachoRun } from '../../support/despacho-command';
import { deskConnection } from '../../support/desk-connection';
import { pdfsig } from '../../support/pdfs/validators';
import { seededDemoCity } from '../../support/seeded-cities';
import { loadTestToken, type TestToken } from '../../support/softhsm';

/**
 * The training desk as `despacho serve --training` composes it, beside a desk's production data:
 * its own sandbox, the practice card alone (a real card's module is never loaded, even when the
 * machine names one), training anchors only, a watermark on every PDF it generates, and a head who
 * signs a resolution with the practice card gets a training signature. The production data is the
 * same, byte for byte, after the whole session.
 */
let token: TestToken;
let scratch: string;
let production: string;
let productionBefore: Map<string, string>;
let embeddedPreview: Uint8Array;
let desk: Desk;
let deskClosed = false;
let workerStarts = 0;

/** Every file of a folder, by its path inside it, with the SHA-256 of its bytes. */
function snapshot(folder: string): Map<string, string> {
  const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((path) =>
    statSync(join(folder, path)).isFile(),
  );
  return new Map(
    files.sort().map((path) => [
      path,
      createHash('sha256')
        .update(readFileSync(join(folder, path)))
        .digest('hex'),
    ]),
  );
}

/** The shared objects this test process has mapped: a loaded PKCS#11 module would be one. */
const loadedLibraries = () => readFileSync('/proc/self/maps', 'utf8');

/** A case of Urbanismo in progress and the processor holding it (in their own sandbox, on a training desk). */
async function inProgressCase(connect: (userId: string) => ReturnType<typeof deskConnection>) {
  for (let n = 1; n <= 9; n++) {
    const processorId = `urb-0${n}`;
    const processor = connect(processorId);
    const mine = await processor('cases.list', { queue: 'mine', limit: 500 });
    const row = mine.rows.find((candidate) => candidate.state === 'in_progress');
    if (row) return { processor, processorId, caseId: row.id, version: row.version };
  }
  throw new Error('the demo city has no Urbanismo case in progress');
}

async function previewOf(connect: (userId: string) => ReturnType<typeof deskConnection>) {
  const { processor, caseId } = await inProgressCase(connect);
  const draft = await processor('resolutions.draft', { caseId, locale: 'es' });
  const preview = await processor('resolutions.preview', {
    caseId,
    locale: 'es',
    text: draft.text,
    signerIds: ['urb-jefatura'],
  });
  return new Uint8Array(Buffer.from(preview.pdfBase64, 'base64'));
}

beforeAll(async () => {
  token = loadTestToken();
  scratch = mkdtempSync(join(tmpdir(), 'despacho-training-desk-'));
  // The desk's own data, as an embedded desk left it: the training desk must never change it.
  production = join(scratch, 'production');
  await seededDemoCity(production, 120);
  const embedded = await composeDesk({ mode: 'embedded', dataDir: production, demoCases: 120 });
  try {
    embeddedPreview = await previewOf((userId) => deskConnection(() => embedded, userId));
  } finally {
    await embedded.close();
  }
  productionBefore = snapshot(production);
  expect(loadedLibraries()).not.toContain(token.modulePath);
  desk = await composeDesk(
    { mode: 'training', dataDir: trainingDataDir(production), demoCases: 120 },
    {
      // The machine has a real card's module and a trusted root: a training desk must ignore both.
      env: {
        ...process.env,
        DESPACHO_PKCS11_MODULES: token.modulePath,
        DESPACHO_TRUST_DIRS: token.anchorsDir,
      },
      tokenWorker: () => {
        workerStarts += 1;
        throw new Error('a training desk started a token worker');
      },
    },
  );
}, 480_000);
afterAll(async () => {
  if (!deskClosed) await desk?.close();
  rmSync(scratch, { recursive: true, force: true });
});

const connection = (userId: string) => deskConnection(() => desk, userId);
const head = connection('urb-jefatura');
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof ApiError ? error.toData() : error),
  );

/**
 * The resolution waiting in the head's own tray: the head works in a sandbox of their own, where
 * the "sign one resolution" scenario stages it (sent by a colleague, for the head to sign).
 */
let staged: string | undefined;
async function headsPendingRequest(): Promise<string> {
  if (staged) return staged;
  await head('training.start', { scenarioId: 'sign-one', mode: 'guided' });
  const tray = await head('signatures.tray', { box: 'pending', limit: 200 });
  const row = tray.rows.find((candidate) => candidate.step.action === 'sign' && !candidate.expired);
  if (!row) throw new Error('the scenario staged no request in the head’s tray');
  staged = row.id;
  return staged;
}

/** Where a trainee's sandbox keeps its documents: their own copy of the class's demo city. */
const sandboxDocuments = (userId: string) =>
  join(trainingDataDir(production), 'trainees', userId, 'documents');

/**
 * pdftotext, one string per page, without spaces or line breaks (it reads diagonal text a letter
 * per line); `diagonal: false` leaves diagonal text out (-nodiag).
 */
function pageTexts(path: string, { diagonal = true } = {}): string[] {
  const result = spawnSync('pdftotext', ['-raw', ...(diagonal ? [] : ['-nodiag']), path, '-'], {
    encoding: 'utf8',
  });
  expect(result.status).toBe(0);
  return result.stdout
    .split('\f')
    .slice(0, -1)
    .map((page) => page.replace(/\s+/g, ''));
}

const watermark = 'FORMACIÓN—SINVALIDEZ';

/** Every page carries the watermark, across it (gone when diagonal text is left out). */
function expectWatermarkOnEveryPage(path: string): void {
  const pages = pageTexts(path);
  expect(pages.length).toBeGreaterThan(0);
  for (const page of pages) expect(page).toContain(watermark);
  for (const page of pageTexts(path, { diagonal: false })) expect(page).not.toContain(watermark);
}

const headName = demoStaff().find((user) => user.id === 'urb-jefatura')!.name;
const practiceCard = { module: practiceModule, label: 'FORMACION' };

describe('the training desk', () => {
  it('lists the practice card alone, with a training certificate for every head, trainer and processor, and no real module', async () => {
    const listing = await head('tokens.list', {});
    expect(listing.modules).toEqual([
      expect.objectContaining({ path: practiceModule, source: 'practice', status: 'loaded' }),
    ]);
    expect(listing.cards).toHaveLength(1);
    const [card] = listing.cards;
    expect(card).toMatchObject({ label: 'FORMACION', pin: 'ready', problems: [] });
    const holders = demoStaff().filter((user) => !user.roles.includes('admin'));
    expect(card!.certificates.map((certificate) => certificate.label).sort()).toEqual(
      holders.map((user) => user.name).sort(),
    );
    const own = card!.certificates.find((certificate) => certificate.label === headName)!;
    expect(own.holder.nif).toBe(demoNif('urb-jefatura'));
    expect(JSON.stringify(listing)).not.toContain(token.modulePath);
  });

  it('refuses to add a PKCS#11 module, saying why, and starts no token worker', async () => {
    expect(await refusal(head('tokens.addModule', { path: token.modulePath }))).toEqual({
      code: 'pkcs11_module_invalid',
      params: { reason: 'training', path: token.modulePath },
    });
    expect(workerStarts).toBe(0);
  });

  it('refuses a real card named by the signer: only the practice card signs here', async () => {
    const started = await head('signing.start', { requestIds: [await headsPendingRequest()] });
    expect(
      await refusal(
        head('signing.sign', {
          batchId: started.batchId,
          token: { module: token.modulePath, label: token.tokenLabel },
          certificate: { id: token.keys.rsa2048.id },
          pin: token.userPin,
        }),
      ),
    ).toEqual({ code: 'invalid_input', params: { field: 'token.module' } });
    await head('signing.cancel', { batchId: started.batchId });
    expect(workerStarts).toBe(0);
  });

  it('signs a resolution with the practice card: numbered, and verified as a training signature, never as valid', async () => {
    const started = await head('signing.start', { requestIds: [await headsPendingRequest()] });
    const [entry] = started.entries;
    if (!entry?.ok) throw new Error(`not prepared: ${JSON.stringify(entry)}`);
    const listing = await head('tokens.list', {});
    const own = listing.cards[0]!.certificates.find((certificate) => certificate.label === headName)!;

    const wrong = await head('signing.sign', {
      batchId: started.batchId,
      token: practiceCard,
      certificate: { id: own.id },
      pin: '0000',
    });
    expect(wrong.status).toBe('refused');
    expect(wrong.failure?.code).toBe('pin_incorrect_low');

    const run = await head('signing.sign', {
      batchId: started.batchId,
      token: practiceCard,
      certificate: { id: own.id },
      pin: practicePin,
    });
    expect(run.status).toBe('done');
    expect(run.items.map((item) => item.state)).toEqual(['signed']);

    const request = await head('signatures.get', { requestId: entry.requestId });
    expect(request).toMatchObject({ state: 'signed', number: entry.number });
    const signatures = await head('documents.signatures', {
      caseId: request.caseId,
      documentId: request.documentId!,
    });
    expect(signatures.signatures).toEqual([
      expect.objectContaining({ verdict: 'training', reason: 'practice_issuer' }),
    ]);
    expect(workerStarts).toBe(0);

    // The watermark was drawn before signing: the signature covers it and still verifies intact.
    const caseDetail = await head('cases.get', { caseId: request.caseId });
    const document = caseDetail.documents.find((listed) => listed.id === request.documentId)!;
    const signed = contentPath(sandboxDocuments('urb-jefatura'), document.sha256);
    expectWatermarkOnEveryPage(signed);
    expect(pdfsig(signed).valid).toEqual([true]);
    // `despacho verify`, on a machine that trusts a real root too, says the same in both languages.
    for (const [lang, verdict] of [
      ['es', 'FIRMA DE FORMACIÓN (sin validez)'],
      ['ca-valencia', translate('ca-valencia', 'signing.verify.verdict.training')],
    ] as const) {
      const verified = await despachoRun(['verify', signed], {
        lang,
        env: { DESPACHO_TRUST_DIRS: token.anchorsDir },
      });
      expect(verified.code).toBe(1);
      expect(verified.stdout).toContain(`: ${verdict}`);
      expect(verified.stdout).not.toContain(translate(lang, 'signing.verify.verdict.valid'));
    }
    const prepared = join(scratch, 'prepared.pdf');
    writeFileSync(prepared, Buffer.from(entry.pdfBase64, 'base64'));
    expectWatermarkOnEveryPage(prepared);
  });

  it('watermarks the other PDFs it generates: an amendment request, signed with the processor’s own practice certificate', async () => {
    const { processor, processorId, caseId, version } = await inProgressCase(connection);
    const listing = await processor('tokens.list', {});
    const own = listing.cards[0]!.certificates.find(
      (certificate) => certificate.holder.nif === demoNif(processorId),
    )!;
    const requested = await processor('amendments.request', {
      caseId,
      version,
      missing: 'Plano de situación',
      locale: 'ca-valencia',
      card: { token: practiceCard, certificate: { id: own.id }, pin: practicePin },
    });
    expect(requested.failure).toBeUndefined();
    const documentId = requested.amendments[0]!.documentId;
    const detail = await processor('cases.get', { caseId });
    const document = detail.documents.find((listed) => listed.id === documentId)!;
    const signed = contentPath(sandboxDocuments(processorId), document.sha256);
    expectWatermarkOnEveryPage(signed);
    expect(pdfsig(signed).valid).toEqual([true]);
    const signatures = await processor('documents.signatures', { caseId, documentId });
    expect(signatures.signatures).toEqual([
      expect.objectContaining({ verdict: 'training', reason: 'practice_issuer' }),
    ]);
    expect(workerStarts).toBe(0);
  });

  it('watermarked the resolutions of the demo book its sandbox was seeded with, under their practice signatures', async () => {
    const { current } = await head('book.years', {});
    const book = await head('book.search', { year: current, sort: 'number_asc', limit: 1 });
    const [first] = book.entries;
    if (!first) throw new Error('the sandbox has no demo book');
    const signed = contentPath(sandboxDocuments('urb-jefatura'), first.sha256);
    expectWatermarkOnEveryPage(signed);
    expect(pdfsig(signed).valid).toEqual([true]);
  });

  it('tells a signed-out desk it is a training desk (the sign-in screen shows the banner)', async () => {
    expect(await deskConnection(() => desk, null)('session.desk', {})).toEqual({ mode: 'training' });
  });

  it('names on the sign-in list, and once signed in, the person the newest class with a seat puts there', async () => {
    const trainer = connection('formacion');
    const signedOut = deskConnection(() => desk, null);
    const personOf = async (seat: string) =>
      (await signedOut('session.demoUsers', {})).find((user) => user.id === seat)?.personName;
    await trainer('trainer.sessions.create', {
      name: 'Mañana',
      scenarioIds: ['claim-and-review'],
      traineeIds: ['urb-02', 'urb-03'],
      participants: { 'urb-02': 'Begoña Peñalver Ruiz', 'urb-03': 'Pere Soler Mas' },
    });
    expect([await personOf('urb-02'), await personOf('urb-03'), await personOf('urb-04')]).toEqual([
      'Begoña Peñalver Ruiz',
      'Pere Soler Mas',
      undefined,
    ]);
    // Signed in on the seat, the desk says who sits there, and which seat it is.
    const begona = deskConnection(() => desk, null);
    const signedIn = await begona('session.signIn', { userId: 'urb-02' });
    expect([signedIn.user.id, signedIn.user.personName]).toEqual(['urb-02', 'Begoña Peñalver Ruiz']);
    expect((await begona('session.current', {}))?.user.personName).toBe('Begoña Peñalver Ruiz');
    expect((await connection('urb-04')('session.current', {}))?.user.personName).toBeUndefined();
    // A later class with the seat decides who is on it now, even when it names nobody.
    await trainer('trainer.sessions.create', {
      name: 'Tarde',
      scenarioIds: ['claim-and-review'],
      traineeIds: ['urb-02'],
    });
    expect([await personOf('urb-02'), await personOf('urb-03')]).toEqual([undefined, 'Pere Soler Mas']);
    expect((await begona('session.current', {}))?.user.personName).toBeUndefined();
  });
});

describe('a desk that is not a training desk', () => {
  it('generates its PDFs without the training watermark', () => {
    const path = join(scratch, 'embedded-preview.pdf');
    writeFileSync(path, embeddedPreview);
    for (const page of pageTexts(path)) expect(page).not.toContain(watermark);
  });
});

describe('the training sandbox', () => {
  it('never opens a folder that holds anything but a sandbox: production data stays untouched', async () => {
    const otherData = join(scratch, 'other-desk');
    mkdirSync(join(otherData, 'db'), { recursive: true });
    writeFileSync(join(otherData, 'despacho-store.json'), '{"format":1}\n');
    const before = readdirSync(otherData, { recursive: true });
    expect(await refusal(composeDesk({ mode: 'training', dataDir: otherData, demoCases: 10 }))).toEqual({
      code: 'storage_not_a_training_sandbox',
      params: { path: otherData },
    });
    expect(readdirSync(otherData, { recursive: true })).toEqual(before);
    // The production folder itself is refused just the same.
    expect(await refusal(composeDesk({ mode: 'training', dataDir: production, demoCases: 10 }))).toEqual({
      code: 'storage_not_a_training_sandbox',
      params: { path: production },
    });
  });
});

describe('a whole training session', () => {
  it('leaves the production data beside it byte for byte as it was, and loaded no PKCS#11 module', async () => {
    deskClosed = true;
    await desk.close();
    expect(snapshot(production)).toEqual(productionBefore);
    expect(productionBefore.size).toBeGreaterThan(0);
    expect(workerStarts).toBe(0);
    expect(loadedLibraries()).not.toContain(token.modulePath);
  });
});
