import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadTrustStore, type TrustStore } from '../../../src/main/desk/crypto/trust-store';
import { cardKey } from '../../../src/main/desk/tokens/card-key';
import { documentItem } from '../../../src/main/desk/signing/document-item';
import {
  signItems,
  type ItemProgress,
  type SigningItem,
  type SigningResult,
} from '../../../src/main/desk/signing/service';
import { defaultWorkerEntry, nodeTokenWorkerLauncher } from '../../../src/main/desk/tokens/node-launcher';
import { openTokenService, type TokenService } from '../../../src/main/desk/tokens/token-service';
import { renderResolution } from '../../../src/main/office/resolutions/render';
import { draftResolutionText, loadResolutionTemplates } from '../../../src/main/office/resolutions/template';
import { ApiError } from '../../../src/shared/api/errors';
import { maskNif } from '../../../src/shared/domain/nif-mask';
import { loadTestToken, type TestKeyName, type TestToken } from '../../support/softhsm';
import type { Fault } from '../../support/tokens/faulty-token-worker';
import { expectSignedPdfValid } from '../../unit/signing/support/checks';

const faultyWorker = fileURLToPath(new URL('../../support/tokens/faulty-token-worker.ts', import.meta.url));
const templates = loadResolutionTemplates();
let token: TestToken;
let store: TrustStore;
let work: string;
const services: TokenService[] = [];

beforeAll(() => {
  token = loadTestToken();
  store = loadTrustStore({ extraDirs: [token.anchorsDir], env: {} });
  work = mkdtempSync(join(tmpdir(), 'despacho-service-'));
});
afterEach(async () => {
  await Promise.all(services.splice(0).map((service) => service.close()));
});
afterAll(() => undefined);

/** The real worker on the run's SoftHSM2 token; with a fault injected at its PKCS#11 boundary when asked. */
function tokens(fault?: Fault): TokenService & { logins: () => number } {
  const launch = fault
    ? nodeTokenWorkerLauncher(faultyWorker, { ...process.env, DESPACHO_TOKEN_FAULT: fault })
    : nodeTokenWorkerLauncher(defaultWorkerEntry());
  const service = openTokenService({ launch, modules: [token.modulePath] });
  services.push(service);
  let logins = 0;
  return {
    ...service,
    openSigningSession: (request, beforeLogin) => {
      logins++;
      return service.openSigningSession(request, beforeLogin);
    },
    logins: () => logins,
  };
}

const key = (service: TokenService, name: TestKeyName = 'rsa2048', pin = token.userPin) =>
  cardKey(service, {
    module: token.modulePath,
    token: token.tokenLabel,
    key: { id: token.keys[name].id },
    pin,
  });

interface Resolution {
  number: string;
  pdf: Uint8Array;
}

/** A final resolution as the office renders it: number, CSV, QR footer, and one empty field for its signer. */
async function resolution(sequence: number): Promise<Resolution> {
  const number = `2026/${String(sequence).padStart(6, '0')}`;
  const pdf = await renderResolution({
    locale: 'es',
    issuer: templates.issuer.es,
    departmentName: 'Urbanismo',
    caseNumber: `URB-2026-${String(sequence).padStart(6, '0')}`,
    procedureName: 'Licencia de obra menor',
    applicantName: 'Vecina de Prueba',
    text: draftResolutionText(
      templates,
      {
        caseNumber: `URB-2026-${sequence}`,
        procedureCode: 'URB-OMEN',
        procedureName: 'Licencia de obra menor',
        legalBasis: 'Decreto Legislativo 1/2021',
        departmentName: 'Urbanismo',
        applicantName: 'Vecina de Prueba',
        applicantNif: '00000000T',
        registryNumber: `RE-2026-${sequence}`,
        registryDate: '3 de marzo de 2026',
      },
      'es',
    ),
    signatureFields: ['firma-1'],
    verificationUrl: templates.verificationUrl,
    book: { number, csv: `CSVPRUEBA${String(sequence).padStart(11, '0')}` },
    at: new Date('2026-06-15T08:00:00Z'),
  });
  return { number, pdf };
}

interface Kept {
  number: string;
  source: string;
  signed: string;
}

/** Items that keep what they sign in a folder (as the office keeps a case's document), optionally failing to. */
async function items(
  count: number,
  options: { failStore?: (index: number) => unknown; onBehalfOf?: string } = {},
): Promise<{ items: SigningItem<Kept>[]; kept: string }> {
  const kept = mkdtempSync(join(work, 'kept-'));
  const resolutions = await Promise.all(Array.from({ length: count }, (_, index) => resolution(index + 1)));
  return {
    kept,
    items: resolutions.map((made, index) => {
      const name = made.number.replace('/', '-');
      const source = join(kept, `${name}.unsigned.pdf`);
      writeFileSync(source, made.pdf);
      return documentItem(
        {
          id: `request-${index + 1}`,
          name,
          pdf: made.pdf,
          field: 'firma-1',
          stamp: {
            resolutionNumber: made.number,
            csv: `CSV-${index + 1}`,
            verificationUrl: templates.verificationUrl,
            locale: 'es',
            maskNif: true,
            ...(options.onBehalfOf ? { onBehalfOf: options.onBehalfOf } : {}),
          },
          async store(signed) {
            const failure = options.failStore?.(index);
            if (failure) throw failure;
            const path = join(kept, `${name}.pdf`);
            writeFileSync(path, signed);
            return { number: made.number, source, signed: path };
          },
        },
        work,
      );
    }),
  };
}

const signedFiles = (result: SigningResult<Kept>) =>
  result.outcomes.flatMap((outcome) => (outcome.state === 'signed' ? [outcome.stored] : []));

async function expectValid(file: Kept, holder: TestKeyName = 'rsa2048') {
  const report = await expectSignedPdfValid(file.signed, {
    source: file.source,
    signatures: 1,
    caFile: token.root.pem,
    store,
  });
  expect(report.signatures[0]!.signer?.nif).toBe(token.keys[holder].holder.nif);
  return report;
}

const pageText = (path: string) => execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' });

describe('the signing service on the SoftHSM2 token', () => {
  it('signs a batch with one login, in order, filling each prepared field with a stamp that masks the NIF', async () => {
    const service = tokens();
    const batch = await items(3);
    const progress: ItemProgress<Kept>[] = [];
    const starts: { total: number; pinPerSignature: boolean }[] = [];
    const result = await signItems({
      items: batch.items,
      key: key(service),
      onStart: (start) => starts.push(start),
      onItem: (event) => progress.push(event),
    });

    expect(result.status).toBe('done');
    expect(service.logins()).toBe(1);
    expect(starts).toEqual([{ total: 3, pinPerSignature: false }]);
    expect(progress.map((event) => [event.index, event.state])).toEqual([
      [0, 'signing'],
      [1, 'signing'],
      [0, 'signed'],
      [2, 'signing'],
      [1, 'signed'],
      [2, 'signed'],
    ]);
    const ana = token.keys.rsa2048.holder;
    for (const file of signedFiles(result)) {
      await expectValid(file);
      const text = pageText(file.signed);
      expect(text).toContain(`Firmado por ${ana.name}`);
      expect(text).toContain(`NIF: ${maskNif(ana.nif)}`);
      expect(text).not.toContain(ana.nif);
      expect(text).toContain(`Resolución n.º ${file.number}`);
    }
    // The signature went into the field the office prepared, not a new one.
    const fields = execFileSync('pdfsig', [signedFiles(result)[0]!.signed], { encoding: 'utf8' });
    expect(fields).toContain('Signature Field Name: firma-1');
    // Nothing is left behind in the work folder.
    expect(readdirSync(work).filter((entry) => entry.startsWith('despacho-signing-'))).toEqual([]);
  });

  it('says "por sustitución" on the stamp of a signer standing in for an absent head', async () => {
    const batch = await items(1, { onBehalfOf: 'Josefa Absent Prueba' });
    const result = await signItems({ items: batch.items, key: key(tokens()) });
    expect(result.status).toBe('done');
    const [file] = signedFiles(result);
    await expectValid(file!);
    expect(pageText(file!.signed)).toContain('Por sustitución de Josefa Absent Prueba');
  });

  it('stops between two items when aborted: what was signed stays signed, the rest is untouched', async () => {
    const batch = await items(4);
    const abort = new AbortController();
    const result = await signItems({
      items: batch.items,
      key: key(tokens()),
      signal: abort.signal,
      onItem: (event) => {
        if (event.index === 1 && event.state === 'signing') abort.abort();
      },
    });
    expect(result.status).toBe('cancelled');
    expect(result.outcomes.map((outcome) => outcome.state)).toEqual([
      'signed',
      'signed',
      'failed_before_signing',
      'failed_before_signing',
    ]);
    expect(result.outcomes[3]).toMatchObject({ failure: { kind: 'cancelled', code: 'cancelled' } });
    for (const file of signedFiles(result)) await expectValid(file);
    expect(
      readdirSync(batch.kept)
        .filter((name) => !name.includes('unsigned'))
        .sort(),
    ).toEqual(['2026-000001.pdf', '2026-000002.pdf']);
  });

  it('a card pulled out mid-batch leaves the signed ones signed and valid, and says the card was removed', async () => {
    const batch = await items(4);
    const result = await signItems({ items: batch.items, key: key(tokens('removed-after-2')) });
    expect(result.status).toBe('stopped');
    expect(result.failure).toEqual({ kind: 'token', code: 'token_removed', params: {} });
    expect(result.outcomes.map((outcome) => outcome.state)).toEqual([
      'signed',
      'signed',
      'failed_before_signing',
      'failed_before_signing',
    ]);
    for (const file of signedFiles(result)) await expectValid(file);
    expect(readdirSync(batch.kept).filter((name) => !name.includes('unsigned'))).toHaveLength(2);
  });

  it('a key that asks for the PIN at every signature says so before the first one, and signs the batch', async () => {
    const service = tokens();
    const batch = await items(2);
    const starts: { pinPerSignature: boolean }[] = [];
    const result = await signItems({
      items: batch.items,
      key: key(service, 'rsaAlwaysAuth'),
      onStart: (start) => starts.push(start),
    });
    expect(result.status).toBe('done');
    expect(result.pinPerSignature).toBe(true);
    expect(starts).toEqual([{ total: 2, pinPerSignature: true }]);
    expect(service.logins()).toBe(1);
    for (const file of signedFiles(result)) await expectValid(file, 'rsaAlwaysAuth');
  });

  it('a wrong PIN refuses the whole batch before anything is signed', async () => {
    const batch = await items(2);
    const result = await signItems({ items: batch.items, key: key(tokens(), 'rsa2048', '0000') });
    expect(result.status).toBe('refused');
    // SoftHSM2 says few tries are left after a miss (it never locks): either wording is right.
    expect(result.failure).toMatchObject({ kind: 'token', code: expect.stringMatching(/^pin_incorrect/) });
    expect(result.outcomes.every((outcome) => outcome.state === 'failed_before_signing')).toBe(true);
    // The next file on this shared token finds the card as it was.
    const again = await signItems({ items: (await items(1)).items, key: key(tokens()) });
    expect(again.status).toBe('done');
  });

  it('an office that will not store one signed document fails that item alone; an unknown failure is not the card’s', async () => {
    const batch = await items(3, {
      failStore: (index) =>
        index === 0 ? new ApiError('signature_number_lost') : index === 1 ? new Error('disk on fire') : null,
    });
    const result = await signItems({ items: batch.items, key: key(tokens()) });
    expect(result.status).toBe('done');
    expect(result.outcomes.map((outcome) => outcome.state)).toEqual([
      'failed_after_signing',
      'failed_after_signing',
      'signed',
    ]);
    expect(result.outcomes[0]).toMatchObject({ failure: { kind: 'office', code: 'signature_number_lost' } });
    expect(result.outcomes[1]).toMatchObject({ failure: { kind: 'internal', code: 'internal' } });
    await expectValid(signedFiles(result)[0]!);
  });

  it('an office out of reach stops the batch: what follows the document under way is not signed', async () => {
    const batch = await items(3, {
      failStore: (index) => (index === 0 ? new ApiError('no_connection') : null),
    });
    const result = await signItems({ items: batch.items, key: key(tokens()) });
    expect(result.status).toBe('stopped');
    expect(result.failure).toMatchObject({ kind: 'office', code: 'no_connection' });
    expect(result.outcomes[0]).toMatchObject({
      state: 'failed_after_signing',
      failure: { code: 'no_connection' },
    });
    expect(result.outcomes[2]).toMatchObject({
      state: 'failed_before_signing',
      failure: { code: 'no_connection' },
    });
  });

  it('refuses a document that is not a PDF alone, before the card is touched, and signs the others', async () => {
    const batch = await items(2);
    const broken = documentItem(
      { id: 'broken', name: 'broken', pdf: new TextEncoder().encode('not a pdf'), store: async () => null },
      work,
    );
    const service = tokens();
    const result = await signItems<Kept | null>({
      items: [batch.items[0]!, broken, batch.items[1]!],
      key: key(service),
    });
    expect(result.status).toBe('done');
    expect(result.outcomes.map((outcome) => outcome.state)).toEqual([
      'signed',
      'failed_before_signing',
      'signed',
    ]);
    expect(result.outcomes[1]).toMatchObject({ failure: { kind: 'input', code: 'input.notPdf' } });
    expect(service.logins()).toBe(1);
  });
});
