import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeDesk, type Desk } from '../../../src/main/compose';
import { practicePin } from '../../../src/main/compose/practice-card-desk';
import { practiceModule } from '../../../src/main/desk/training-card/practice-card';
import { demoNif, demoStaff } from '../../../src/main/office/demo/city';
import { ApiError } from '../../../src/shared/api/errors';
import { deskConnection, sendDraftedResolution } from '../../support/desk-connection';
import { loadTestToken, type TestToken } from '../../support/softhsm';

/**
 * The training desk as `despacho serve --training` composes it: its own sandbox, the practice card
 * alone (a real card's module is never loaded, even when the machine names one), training anchors
 * only, and a head who signs a resolution with the practice card gets a training signature.
 */
let token: TestToken;
let scratch: string;
let desk: Desk;
let workerStarts = 0;

beforeAll(async () => {
  token = loadTestToken();
  scratch = mkdtempSync(join(tmpdir(), 'despacho-training-desk-'));
  desk = await composeDesk(
    { mode: 'training', dataDir: join(scratch, 'sandbox'), demoCases: 120 },
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
}, 240_000);
afterAll(async () => {
  await desk?.close();
  rmSync(scratch, { recursive: true, force: true });
});

const connection = (userId: string) => deskConnection(() => desk, userId);
const head = connection('urb-jefatura');
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof ApiError ? error.toData() : error),
  );

async function sendToHead(): Promise<string> {
  for (let n = 1; n <= 9; n++) {
    const call = connection(`urb-0${n}`);
    const mine = await call('cases.list', { queue: 'mine', limit: 500 });
    const row = mine.rows.find((candidate) => candidate.state === 'in_progress');
    if (!row) continue;
    return sendDraftedResolution(call, row.id, 'urb-jefatura');
  }
  throw new Error('the demo city has no Urbanismo case in progress');
}

const headName = demoStaff().find((user) => user.id === 'urb-jefatura')!.name;
const practiceCard = { module: practiceModule, label: 'FORMACION' };

describe('the training desk', () => {
  it('lists the practice card alone, with a training certificate for every head, and no real module', async () => {
    const listing = await head('tokens.list', {});
    expect(listing.modules).toEqual([
      expect.objectContaining({ path: practiceModule, source: 'practice', status: 'loaded' }),
    ]);
    expect(listing.cards).toHaveLength(1);
    const [card] = listing.cards;
    expect(card).toMatchObject({ label: 'FORMACION', pin: 'ready', problems: [] });
    const heads = demoStaff().filter((user) => user.roles.includes('head'));
    expect(card!.certificates.map((certificate) => certificate.label).sort()).toEqual(
      heads.map((user) => user.name).sort(),
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
    const started = await head('signing.start', { requestIds: [await sendToHead()] });
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
    const started = await head('signing.start', { requestIds: [await sendToHead()] });
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
  });
});

describe('the training sandbox', () => {
  it('never opens a folder that holds anything but a sandbox: production data stays untouched', async () => {
    const production = join(scratch, 'production');
    mkdirSync(join(production, 'db'), { recursive: true });
    writeFileSync(join(production, 'despacho-store.json'), '{"format":1}\n');
    const before = readdirSync(production, { recursive: true });
    expect(await refusal(composeDesk({ mode: 'training', dataDir: production, demoCases: 10 }))).toEqual({
      code: 'storage_not_a_training_sandbox',
      params: { path: production },
    });
    expect(readdirSync(production, { recursive: true })).toEqual(before);
  });
});
