import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeDesk, type Desk } from '../../../src/main/compose';
import { documentSignaturesHandlers } from '../../../src/main/compose/document-signatures';
import { openOfficeStore } from '../../../src/main/compose/office-store';
import { issueCitizenPracticeCard, practiceSession } from '../../../src/main/compose/practice-card';
import { checkPdfForSigning } from '../../../src/main/desk/signing/preflight';
import { signPdf } from '../../../src/main/desk/signing/sign-pdf';
import { loadTrustStore } from '../../../src/main/desk/crypto/trust-store';
import type { SigningSession } from '../../../src/main/desk/signing-session';
import { loadCalendar } from '../../../src/main/office/calendar/load';
import { seedDemo } from '../../../src/main/office/demo/seed';
import { DocumentContents, sha256Hex } from '../../../src/main/office/signatures/document-contents';
import { storeContent } from '../../../src/main/office/store/contents';
import { migrate } from '../../../src/main/office/store/migrate';
import { openStore } from '../../../src/main/office/store/open-store';
import { dispatch, type ActorContext, type CallContext } from '../../../src/shared/api/dispatch';
import { ApiError } from '../../../src/shared/api/errors';
import type { DocumentSignatures } from '../../../src/shared/api/index';
import { freshPgliteFolder } from '../../support/fresh-pglite';
import { resolutionPdf } from '../../support/pdfs/fixtures';
import { appendContentChange, changeSignedByte } from '../../support/pdfs/tamper';
import { softwareSession } from '../../unit/signing/support/software-session';
import { createTestCa, type TestCa } from '../../unit/signing/support/test-ca';

/**
 * `documents.signatures` through the real composition: a demo city whose Urbanismo case gets real
 * signed PDFs (signed here by the signing core), its bytes in the data folder, the trust of
 * DESPACHO_TRUST_DIRS, and the verifier's word on each as the case page asks for it.
 */
const dayMs = 86_400_000;
let scratch: string;
let dataDir: string;
let desk: Desk;
let trusted: TestCa;
let anchors: string;
let validBytes: Uint8Array;
let caseId: string;
let otherDepartmentCase: { caseId: string; documentId: string };
const documentIds: Record<string, string> = {};

async function signed(path: string, session: SigningSession): Promise<string> {
  return (await signPdf(checkPdfForSigning(path), session, mkdtempSync(join(scratch, 'signed-')))).output;
}

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'despacho-document-signatures-'));
  dataDir = freshPgliteFolder(scratch, 'data-');
  trusted = createTestCa('Despacho Trusted');
  anchors = mkdtempSync(join(scratch, 'anchors-'));
  writeFileSync(join(anchors, 'root.pem'), trusted.rootPem);
  const unknown = createTestCa('Despacho Unknown');

  const unsigned = join(scratch, 'resolution.pdf');
  writeFileSync(unsigned, await resolutionPdf(1, 'Resolución 2026/000777'));
  const valid = await signed(
    unsigned,
    softwareSession(trusted, trusted.issue({ name: 'ANA PRUEBAS NÚÑEZ', key: 'ec-p256' })),
  );
  const card = await issueCitizenPracticeCard(
    { name: 'Pilar Vicente Pérez', nif: '12345678Z' },
    { notBefore: new Date(Date.now() - dayMs), notAfter: new Date(Date.now() + dayMs) },
  );
  const files: Record<string, Uint8Array> = {
    valid: readFileSync(valid),
    tampered: readFileSync(changeSignedByte(valid)),
    changedAfter: readFileSync(appendContentChange(valid)),
    unknownIssuer: readFileSync(
      await signed(
        unsigned,
        softwareSession(
          unknown,
          unknown.issue({
            name: 'JOSEP GARCIA I FERRER',
            givenName: 'Josep',
            surname: 'Garcia i Ferrer',
            nif: '00000000T',
            key: 'rsa-2048',
          }),
        ),
      ),
    ),
    training: readFileSync(await signed(unsigned, practiceSession(card))),
    unsigned: readFileSync(unsigned),
    unreadable: new TextEncoder().encode('not a PDF, whatever its name says'),
  };

  validBytes = files.valid!;
  const store = await openOfficeStore(
    { kind: 'pglite', dataDir },
    { demo: { cases: 40, calendar: loadCalendar(), now: new Date() } },
  );
  try {
    const cases = await store.db.selectFrom('cases').select(['id', 'department_id']).orderBy('id').execute();
    const own = cases.find((row) => row.department_id === 'urbanismo')!;
    const foreign = cases.find((row) => row.department_id !== 'urbanismo')!;
    caseId = String(own.id);
    const rows = Object.entries(files).map(([name, bytes], index) => {
      const { sha256, size } = storeContent(store.documentsDir, bytes);
      documentIds[name] = String(900_000 + index);
      return { name, sha256, size };
    });
    // Recorded, but its bytes never reached the data folder.
    const missing = createHash('sha256').update('never stored').digest('hex');
    rows.push({ name: 'missing', sha256: missing, size: 12 });
    documentIds.missing = String(900_000 + rows.length - 1);
    await store.db
      .insertInto('documents')
      .values(
        rows.map((row, index) => ({
          id: 900_000 + index,
          case_id: own.id,
          position: 10 + index,
          title: row.name,
          eni_id: `ES_L01031655_2026_TEST${index}`,
          document_type: 'TD99',
          origin: 0 as const,
          elaboration_state: 'EE01',
          format: 'PDF',
          captured_at: new Date(),
          sha256: row.sha256,
          size: row.size,
        })),
      )
      .execute();
    const foreignDocument = await store.db
      .selectFrom('documents')
      .select('id')
      .where('case_id', '=', foreign.id)
      .executeTakeFirstOrThrow();
    otherDepartmentCase = { caseId: String(foreign.id), documentId: String(foreignDocument.id) };
  } finally {
    await store.close();
  }
  desk = await composeDesk({ mode: 'embedded', dataDir }, { env: { DESPACHO_TRUST_DIRS: anchors } });
});

afterAll(async () => {
  await desk?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

function connection(userId: string) {
  let signedIn: string | null = userId;
  const ctx: CallContext = {
    connectionId: `test-${userId}`,
    session: { get: () => signedIn, set: (next) => (signedIn = next) },
  };
  return async (input: { caseId: string; documentId: string }): Promise<DocumentSignatures> => {
    const result = await dispatch(desk, 'documents.signatures', input, ctx, {
      onInternalError: (_name, error) => {
        throw error;
      },
    });
    if (!result.ok) throw ApiError.fromData(result.error);
    return result.value as DocumentSignatures;
  };
}

const processor = connection('urb-02');
const signaturesOf = (name: string) => processor({ caseId, documentId: documentIds[name]! });

describe('a case’s document verified where it is read', () => {
  it('says who signed a resolution, when, and that the signature is valid', async () => {
    const result = await signaturesOf('valid');
    expect(result).toMatchObject({ state: 'signed', modifiedAfterLastSignature: false });
    expect(result.signatures).toHaveLength(1);
    const [signature] = result.signatures;
    expect(signature).toMatchObject({
      index: 1,
      holder: 'Ana Pruebas Núñez',
      nif: '***9999**',
      timeSource: 'claimed',
      verdict: 'valid',
      reason: 'trusted',
    });
    expect(Math.abs(new Date(signature!.signedAt!).getTime() - Date.now())).toBeLessThan(dayMs);
  });

  it('calls a signature over bytes changed after signing invalid', async () => {
    const [signature] = (await signaturesOf('tampered')).signatures;
    expect(signature).toMatchObject({
      holder: 'Ana Pruebas Núñez',
      verdict: 'invalid',
      reason: 'bytes_changed',
    });
  });

  it('says when the content was changed in a revision after the last signature', async () => {
    const result = await signaturesOf('changedAfter');
    expect(result.modifiedAfterLastSignature).toBe(true);
    expect(result.signatures[0]).toMatchObject({ verdict: 'invalid', reason: 'changed_after_signing' });
  });

  it('says when no trusted issuer vouches for the signer', async () => {
    const [signature] = (await signaturesOf('unknownIssuer')).signatures;
    expect(signature).toMatchObject({
      holder: 'Josep Garcia i Ferrer',
      nif: '***0000**',
      verdict: 'unknown_issuer',
      reason: 'issuer_unknown',
    });
  });

  it('calls a practice certificate’s signature training, never valid', async () => {
    const [signature] = (await signaturesOf('training')).signatures;
    expect(signature).toMatchObject({
      holder: 'Pilar Vicente Pérez',
      nif: '***4567**',
      verdict: 'training',
      reason: 'practice_issuer',
    });
  });

  it('says plainly that a document is unsigned, missing or unreadable', async () => {
    for (const state of ['unsigned', 'missing', 'unreadable'] as const)
      expect(await signaturesOf(state)).toEqual({
        documentId: documentIds[state],
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        state,
        modifiedAfterLastSignature: false,
        signatures: [],
      });
  });

  it('finds no document of another department’s case, nor one named under the wrong case', async () => {
    await expect(processor(otherDepartmentCase)).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      processor({ caseId: otherDepartmentCase.caseId, documentId: documentIds.valid! }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(processor({ caseId, documentId: 'x1' })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('on a store that keeps contents in the database, as a PostgreSQL server does', () => {
  it('verifies the bytes through a temporary copy', async () => {
    const store = await openStore({ kind: 'pglite-memory' });
    try {
      await migrate(store);
      await seedDemo(store, loadCalendar(), { cases: 10, now: new Date(), documents: false });
      const sha256 = sha256Hex(validBytes);
      const contents = new DocumentContents(store.documentsDir);
      await store.db.transaction().execute((trx) => contents.record(trx, sha256, validBytes));
      const target = await store.db
        .selectFrom('cases')
        .select(['id', 'department_id'])
        .orderBy('id')
        .executeTakeFirstOrThrow();
      await store.db
        .insertInto('documents')
        .values({
          id: 800_000,
          case_id: target.id,
          position: 1,
          title: 'Resolución',
          eni_id: 'ES_L01031655_2026_TESTDB',
          document_type: 'TD01',
          origin: 1,
          elaboration_state: 'EE01',
          format: 'PDF',
          captured_at: new Date(),
          sha256,
          size: validBytes.byteLength,
        })
        .execute();
      const handlers = documentSignaturesHandlers({
        store,
        trust: loadTrustStore({ extraDirs: [anchors], env: {} }),
      });
      const reader: ActorContext = {
        connectionId: 'test',
        session: { get: () => 'reader', set: () => undefined },
        actor: { id: 'reader', name: 'Reader', departmentId: target.department_id, roles: ['head'] },
      };
      const result = await handlers['documents.signatures'](
        { caseId: String(target.id), documentId: '800000' },
        reader,
      );
      expect(store.documentsDir).toBeNull();
      expect(result).toMatchObject({ state: 'signed', sha256 });
      expect(result.signatures.map((signature) => signature.verdict)).toEqual(['valid']);
    } finally {
      await store.close();
    }
  });
});
