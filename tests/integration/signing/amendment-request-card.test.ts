import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/shared/api/errors';
import { deskConnection } from '../../support/desk-connection';
import { deskWithTestCard } from '../../support/desk-with-test-card';
import { extractSignatures, opensslCmsVerify, pdfsig } from '../../support/pdfs/validators';
import type { TestKeyName } from '../../support/softhsm';

/**
 * Issue 9, art. 68: the amendment request is "signed by the processor". Urbanismo's processor
 * signs it with their own card (the test PKI's SoftHSM2 card, whose ECDSA P-256 certificate is
 * given their NIF): the stored request carries the card's PAdES signature, verified by pdfsig,
 * openssl and the desk's verifier. A wrong PIN issues nothing; another's certificate, a processor
 * with no NIF on record or a stale version are refused before the PIN is used.
 */
const demoCases = 60;
const processorId = 'urb-01';
/** A processor of Urbanismo with no NIF on record. */
const withoutNifId = 'urb-02';

/** Open cases of Urbanismo whose term to resolve runs well past today, held by the processor. */
let held: number[] = [];
let heldWithoutNif: number;

// The processor is given the NIF of the card's ECDSA P-256 certificate, and the cases, before the desk opens.
const suite = deskWithTestCard('amendment-card', demoCases, async (store, token) => {
  await store.db
    .updateTable('users')
    .set({ nif: token.keys.ecP256.holder.nif })
    .where('id', '=', processorId)
    .execute();
  await store.db.updateTable('users').set({ nif: null }).where('id', '=', withoutNifId).execute();
  const today = new Date().toISOString().slice(0, 10);
  const rows = await store.db
    .selectFrom('cases')
    .select('id')
    .where('department_id', '=', 'urbanismo')
    .where('state', '=', 'in_progress')
    .where('due_date', '>', today)
    .orderBy('due_date', 'desc')
    .limit(3)
    .execute();
  expect(rows).toHaveLength(3);
  held = rows.slice(0, 2).map((row) => row.id);
  heldWithoutNif = rows[2]!.id;
  await store.db.updateTable('cases').set({ assignee_id: processorId }).where('id', 'in', held).execute();
  await store.db
    .updateTable('cases')
    .set({ assignee_id: withoutNifId })
    .where('id', '=', heldWithoutNif)
    .execute();
});
const desk = suite.desk;
const token = () => suite.token();

const processor = deskConnection(desk, processorId);

const cardKey = (key: TestKeyName, pin: string) => ({
  token: { module: token().modulePath, label: token().tokenLabel },
  certificate: { id: token().keys[key].id },
  pin,
  confirmFinalTry: false,
});

/** How many amendment requests a case's history records. */
const requestsIn = (detail: { history: readonly { action: string }[] }) =>
  detail.history.filter((entry) => entry.action === 'amendment.requested').length;

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof ApiError ? error.toData() : error),
  );

const request = (caseId: number, version: number, card?: ReturnType<typeof cardKey>) =>
  processor('amendments.request', {
    caseId: String(caseId),
    version,
    missing: 'Plano de situación firmado',
    locale: 'es',
    ...(card ? { card } : {}),
  });

/** The stored bytes of a case's document, read through the desk as the viewer reads them. */
async function documentBytes(caseId: number, documentId: string, size: number): Promise<Buffer> {
  const read = await processor('documents.contentRanges', {
    caseId: String(caseId),
    documentId,
    ranges: [{ offset: 0, length: size }],
  });
  if (read.state !== 'available') throw new Error('the request has no stored bytes');
  return Buffer.from(read.base64[0]!, 'base64');
}

describe('the amendment request signed with the processor’s card (art. 68)', () => {
  it('a stale version is refused before the PIN is asked for; a wrong PIN issues nothing; the right one signs the request with the card', async () => {
    const caseId = held[0]!;
    const before = await processor('cases.get', { caseId: String(caseId) });
    expect(before.case.state).toBe('in_progress');
    const amendmentsBefore = await processor('amendments.get', { caseId: String(caseId) });

    // A wrong PIN with a stale version: `conflict`, so the card was never asked.
    expect(await refusal(request(caseId, before.case.version - 1, cardKey('ecP256', '000000')))).toEqual({
      code: 'conflict',
      params: { version: before.case.version },
    });

    const wrong = await request(caseId, before.case.version, cardKey('ecP256', '000000'));
    expect(wrong.failure).toEqual(
      expect.objectContaining({ kind: 'token', code: expect.stringMatching(/^pin_incorrect/) }),
    );
    // The amendments as they stood: nothing was issued.
    expect(wrong.amendments).toEqual(amendmentsBefore.amendments);
    const untouched = await processor('cases.get', { caseId: String(caseId) });
    expect(untouched.case).toMatchObject({ state: 'in_progress', version: before.case.version });
    expect(untouched.documents).toHaveLength(before.documents.length);
    expect(requestsIn(untouched)).toBe(requestsIn(before));

    // The right PIN (and the token's PIN counter back to its full tries).
    const signed = await request(caseId, before.case.version, cardKey('ecP256', token().userPin));
    expect(signed.failure).toBeUndefined();
    const [amendment] = signed.amendments;
    expect(amendment).toMatchObject({ state: 'pending_notification' });
    const after = await processor('cases.get', { caseId: String(caseId) });
    expect(after.case.state).toBe('awaiting_amendment');
    expect(requestsIn(after)).toBe(requestsIn(before) + 1);
    const requested = after.history.findLast((entry) => entry.action === 'amendment.requested');
    expect(requested?.details).toMatchObject({ signed_with: 'card' });

    const document = after.documents.find((entry) => entry.id === amendment!.documentId)!;
    const file = join(suite.scratch(), 'request.pdf');
    writeFileSync(file, await documentBytes(caseId, document.id, document.size));
    const report = pdfsig(file);
    expect(report.valid, report.text).toEqual([true]);
    const [signature] = extractSignatures(file);
    const verified = opensslCmsVerify(signature!, token().root.pem);
    expect(verified.ok, verified.text).toBe(true);

    // The desk's verifier: the processor's own certificate, under the trusted test root.
    const signatures = await processor('documents.signatures', {
      caseId: String(caseId),
      documentId: document.id,
    });
    expect(signatures.state).toBe('signed');
    expect(signatures.signatures).toEqual([
      expect.objectContaining({
        verdict: 'valid',
        holder: expect.stringContaining(token().keys.ecP256.holder.name),
      }),
    ]);
  });

  it('another holder’s certificate and a processor with no NIF on record are refused before the PIN is used; nothing is issued', async () => {
    const caseId = held[1]!;
    const before = await processor('cases.get', { caseId: String(caseId) });
    // A wrong PIN on someone else's certificate: refused for the certificate, so the PIN was never tried.
    expect(await refusal(request(caseId, before.case.version, cardKey('rsa2048', '000000')))).toEqual({
      code: 'signature_wrong_certificate',
    });
    const withoutNif = deskConnection(desk, withoutNifId);
    const other = await withoutNif('cases.get', { caseId: String(heldWithoutNif) });
    expect(
      await refusal(
        withoutNif('amendments.request', {
          caseId: String(heldWithoutNif),
          version: other.case.version,
          missing: 'Plano de situación firmado',
          locale: 'es',
          card: cardKey('ecP256', '000000'),
        }),
      ),
    ).toEqual({ code: 'signature_signer_without_nif' });
    for (const [connection, id, was] of [
      [processor, caseId, before],
      [withoutNif, heldWithoutNif, other],
    ] as const) {
      const now = await connection('cases.get', { caseId: String(id) });
      expect(now.case).toMatchObject({ state: 'in_progress', version: was.case.version });
      expect(requestsIn(now)).toBe(requestsIn(was));
    }
    // The suite ends with a correct login, as every suite on the shared test card does.
    const signed = await request(caseId, before.case.version, cardKey('ecP256', token().userPin));
    expect(signed.failure).toBeUndefined();
    expect(requestsIn(await processor('cases.get', { caseId: String(caseId) }))).toBe(requestsIn(before) + 1);
  });
});
