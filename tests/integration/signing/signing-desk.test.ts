import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeDesk, type Desk } from '../../../src/main/compose';
import { loadTrustStore, type TrustStore } from '../../../src/main/desk/crypto/trust-store';
import { contentPath } from '../../../src/main/office/store/contents';
import { ApiError } from '../../../src/shared/api/errors';
import type { Audience, EventName } from '../../../src/shared/api/index';
import { maskNif } from '../../../src/shared/domain/nif-mask';
import { casesInProgress, deskConnection, sendDraftedResolution } from '../../support/desk-connection';
import { seededDemoCity } from '../../support/seeded-cities';
import { loadTestToken, type TestToken } from '../../support/softhsm';
import { expectSignedPdfValid } from '../../unit/signing/support/checks';

let token: TestToken;
let trust: TrustStore;
let dataDir: string;
let desk: Desk;
const heard: { name: EventName; payload: unknown; audience: Audience }[] = [];

beforeAll(async () => {
  token = loadTestToken();
  trust = loadTrustStore({ extraDirs: [token.anchorsDir], env: {} });
  dataDir = join(mkdtempSync(join(tmpdir(), 'despacho-signing-desk-')), 'data');
  // Enough Urbanismo cases in progress for the six resolutions sent below (nextCase says when not).
  await seededDemoCity(dataDir, 120);
  desk = await composeDesk(
    { mode: 'embedded', dataDir, demoCases: 120 },
    // The office checks every signature it confirms: it must trust the test card's root, as a city hall trusts its CAs.
    {
      env: {
        ...process.env,
        DESPACHO_PKCS11_MODULES: token.modulePath,
        DESPACHO_TRUST_DIRS: token.anchorsDir,
      },
    },
  );
  desk.events.subscribe((name, payload, audience) => heard.push({ name, payload, audience }));
});
afterAll(async () => {
  await desk?.close();
  rmSync(join(dataDir, '..'), { recursive: true, force: true });
});

const connection = (userId: string | null) => deskConnection(() => desk, userId);
const head = connection('urb-jefatura');
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof ApiError ? error.toData() : error),
  );

/** Cases Urbanismo's processors are working on (drafted resolutions go out from them), one per use. */
const nextCase = casesInProgress(() => desk, 'urb');

/** A processor drafts a case's resolution from its template and sends it to the head for signature. */
async function sendToHead(): Promise<string> {
  const { processor, caseId } = await nextCase();
  return sendDraftedResolution(connection(processor), caseId, 'urb-jefatura');
}

const card = () => ({ module: token.modulePath, label: token.tokenLabel });
const certificate = () => ({ id: token.keys.rsa2048.id });

describe('signing at the desk, through the contract', () => {
  it('lists the card with every certificate, and says why a certificate cannot sign', async () => {
    const listing = await head('tokens.list', {});
    expect(listing.modules).toContainEqual(
      expect.objectContaining({ path: token.modulePath, source: 'environment', status: 'loaded' }),
    );
    const found = listing.cards.find((listed) => listed.label === token.tokenLabel)!;
    expect(found.problems).toEqual([]);
    const byId = new Map(found.certificates.map((listed) => [listed.id, listed]));
    expect(byId.get(token.keys.rsa2048.id)).toMatchObject({
      holder: { name: token.keys.rsa2048.holder.name, nif: token.keys.rsa2048.holder.nif },
      issuer: 'AC SECTOR PUBLICO PRUEBAS',
      problems: [],
    });
    expect(byId.get(token.keys.rsaNoNonRepudiation.id)?.problems).toEqual(['noNonRepudiation']);
    expect(byId.get(token.keys.rsaExpired.id)?.problems).toEqual(['expired']);
  });

  it('lets only heads sign, and only signed-in people look at the cards', async () => {
    expect(await refusal(connection('urb-01')('signing.start', { requestIds: ['1'] }))).toEqual({
      code: 'forbidden',
    });
    expect(await refusal(connection(null)('tokens.list', {}))).toEqual({ code: 'not_signed_in' });
    expect(
      await refusal(
        head('signing.sign', {
          batchId: 'no-such-batch',
          token: card(),
          certificate: certificate(),
          pin: token.userPin,
        }),
      ),
    ).toEqual({ code: 'not_found' });
  });

  it('signs three resolutions with one PIN: consecutive numbers, each in its field, the NIF masked, the PIN nowhere', async () => {
    const requestIds = [await sendToHead(), await sendToHead(), await sendToHead()];
    const started = await head('signing.start', { requestIds });
    const prepared = started.entries.map((entry) => {
      if (!entry.ok) throw new Error(`refused: ${entry.refusal.code}`);
      return entry;
    });
    const numbers = prepared.map((entry) => Number(entry.number.split('/')[1]));
    expect(numbers).toEqual([numbers[0], numbers[0]! + 1, numbers[0]! + 2]);

    // A processor cannot touch it, another head does not even see it.
    expect(
      await refusal(
        connection('urb-concejalia')('signing.sign', {
          batchId: started.batchId,
          token: card(),
          certificate: certificate(),
          pin: token.userPin,
        }),
      ),
    ).toEqual({ code: 'not_found' });

    const wrong = await head('signing.sign', {
      batchId: started.batchId,
      token: card(),
      certificate: certificate(),
      pin: '0000',
    });
    expect(wrong.status).toBe('refused');
    expect(wrong.failure?.code).toMatch(/^pin_incorrect/);

    heard.length = 0;
    const run = await head('signing.sign', {
      batchId: started.batchId,
      token: card(),
      certificate: certificate(),
      pin: token.userPin,
    });
    expect(run.status).toBe('done');
    expect(run.items.map((item) => [item.requestId, item.state])).toEqual(
      requestIds.map((id) => [id, 'signed']),
    );
    const progress = heard.filter((event) => event.name === 'signing.progress');
    expect(progress.map((event) => event.audience)).toEqual(
      Array(progress.length).fill({ kind: 'user', userId: 'urb-jefatura' }),
    );
    expect(progress.filter((event) => (event.payload as { state: string }).state === 'signed')).toHaveLength(
      3,
    );
    expect(JSON.stringify([run, heard])).not.toContain(token.userPin);

    const ana = token.keys.rsa2048.holder;
    for (const entry of prepared) {
      const source = join(dataDir, '..', `${entry.number.replace('/', '-')}.prepared.pdf`);
      writeFileSync(source, Buffer.from(entry.pdfBase64, 'base64'));
      const detail = await connection('urb-01')('signatures.get', { requestId: entry.requestId });
      expect(detail.state).toBe('signed');
      expect(detail.number).toBe(entry.number);
      const caseDetail = await head('cases.get', { caseId: detail.caseId });
      const document = caseDetail.documents.find((listed) => listed.id === detail.documentId)!;
      const signed = contentPath(join(dataDir, 'documents'), document.sha256);
      expect(existsSync(signed)).toBe(true);
      await expectSignedPdfValid(signed, { source, signatures: 1, caFile: token.root.pem, store: trust });
      const text = execFileSync('pdftotext', [signed, '-'], { encoding: 'utf8' });
      expect(text).toContain(`NIF: ${maskNif(ana.nif)}`);
      expect(text).toContain(entry.number);
      expect(readFileSync(signed).includes(token.userPin)).toBe(false);
    }
  });

  it('cancelling a batch gives its numbers back, and the next batch takes the same ones', async () => {
    const requestIds = [await sendToHead(), await sendToHead()];
    const first = await head('signing.start', { requestIds });
    const numbers = first.entries.map((entry) => (entry.ok ? entry.number : null));
    expect(await head('signing.cancel', { batchId: first.batchId })).toEqual({ released: 2 });
    const again = await head('signing.start', { requestIds });
    expect(again.entries.map((entry) => (entry.ok ? entry.number : null))).toEqual(numbers);
    await head('signing.cancel', { batchId: again.batchId });
  });

  it('refuses to sign with a module the desk does not know', async () => {
    const started = await head('signing.start', { requestIds: [await sendToHead()] });
    expect(
      await refusal(
        head('signing.sign', {
          batchId: started.batchId,
          token: { module: '/tmp/evil.so', label: token.tokenLabel },
          certificate: certificate(),
          pin: token.userPin,
        }),
      ),
    ).toEqual({ code: 'invalid_input', params: { field: 'token.module' } });
    await head('signing.cancel', { batchId: started.batchId });
  });
});
