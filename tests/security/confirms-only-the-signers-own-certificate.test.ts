import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { issuePracticeCard, practiceSession } from '../../src/main/compose/practice-card';
import { checkPdfForSigning } from '../../src/main/desk/signing/preflight';
import { signPdf } from '../../src/main/desk/signing/sign-pdf';
import { demoNif } from '../../src/main/office/demo/city';
import type { Office, PreparedResolution } from '../../src/main/office/index';
import type { Store } from '../../src/main/office/store/open-store';
import { signersCa } from '../support/signatures/signers-ca';
import { actorOf, errorCode, freeCase, seededOffice, sendDraft, Desk } from '../unit/office/support';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 300_000 });

/**
 * Risk: any card numbers a head's resolution. The office confirms a signature only when it
 * verifies up to a root the office trusts and the certificate's NIF is the signer's own: not a
 * colleague's card, not a certificate anybody can make with the head's NIF in it (a CA of their
 * own, or the demo office's practice CA, whose key is public), and never keeps what it refused.
 */
const signers = signersCa();
const scratch = mkdtempSync(join(tmpdir(), 'despacho-own-certificate-'));
let store: Store;
let office: Office;

beforeAll(async () => {
  ({ store, office } = await seededOffice(60, {
    mode: 'server',
    signIn: 'identityProvider',
    signerCheck: signers.check,
  }));
});
afterAll(async () => {
  await office.close();
  signers.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** A resolution of Urbanismo sent to its head, whose desk prepares it (again, after each refusal). */
async function sendToTheHead(): Promise<string> {
  const processor = new Desk(office, 'urb-01').signInByIdentityProvider('urb-01');
  const request = await sendDraft(
    processor,
    await freeCase(store, 'urbanismo'),
    [{ signerId: 'urb-jefatura', action: 'sign' }],
    { mode: 'cascade' },
  );
  return request.id;
}

async function prepareForTheHead(requestId: string): Promise<PreparedResolution> {
  const [item] = await office.signing.prepare(await actorOf(office, 'urb-jefatura'), [requestId]);
  if (!item || 'error' in item) throw new Error('not prepared');
  return item;
}

/** The head's NIF on a practice card: the training CA's key ships with the app, so anybody can make one. */
async function signWithAPracticeCard(item: PreparedResolution): Promise<Uint8Array> {
  const card = await issuePracticeCard(
    {
      givenName: 'Alba',
      surname: 'Demo Ferrer',
      nif: demoNif('urb-jefatura'),
      position: 'Jefatura',
      unit: 'Urbanismo',
    },
    { notBefore: new Date(Date.now() - 86_400_000), notAfter: new Date(Date.now() + 86_400_000) },
  );
  const dir = mkdtempSync(join(scratch, 'practice-'));
  writeFileSync(join(dir, 'prepared.pdf'), item.pdf);
  const signed = await signPdf(checkPdfForSigning(join(dir, 'prepared.pdf')), practiceSession(card), dir, {
    field: item.fieldName,
  });
  return new Uint8Array(readFileSync(signed.output));
}

describe('confirming only the signer’s own certificate', () => {
  it('refuses a colleague’s card, a CA of one’s own and a practice card, and keeps nothing of them', async () => {
    const head = await actorOf(office, 'urb-jefatura');
    const ownCa = signersCa();
    try {
      const forgeries: [string, (item: PreparedResolution) => Promise<Uint8Array>, string][] = [
        [
          'a colleague’s card',
          (item) => signers.signAs(item.pdf, item.fieldName, 'urb-concejalia'),
          'signature_wrong_certificate',
        ],
        [
          'the head’s NIF from a CA of one’s own',
          (item) => ownCa.signAs(item.pdf, item.fieldName, 'urb-jefatura'),
          'signature_certificate_untrusted',
        ],
        ['the head’s NIF on a practice card', signWithAPracticeCard, 'signature_certificate_untrusted'],
      ];
      const requestId = await sendToTheHead();
      let number: string | null = null;
      for (const [what, forge, code] of forgeries) {
        const item = await prepareForTheHead(requestId);
        number ??= item.number;
        expect(item.number, what).toBe(number);
        expect(await errorCode(office.signing.confirm(head, item, await forge(item))), what).toBe(code);
      }
      const confirmed = await store.db
        .selectFrom('resolution_numbers')
        .select('number')
        .where('state', '=', 'confirmed')
        .execute();
      expect(confirmed).toEqual([]);
      const signedRequests = await store.db
        .selectFrom('signature_requests')
        .select('id')
        .where('document_id', 'is not', null)
        .execute();
      expect(signedRequests).toEqual([]);

      const genuine = await prepareForTheHead(requestId);
      expect(genuine.number).toBe(number);
      const outcome = await office.signing.confirm(
        head,
        genuine,
        await signers.signAs(genuine.pdf, genuine.fieldName, 'urb-jefatura'),
      );
      expect(outcome.number).toBe(number);
    } finally {
      ownCa.close();
    }
  });
});
