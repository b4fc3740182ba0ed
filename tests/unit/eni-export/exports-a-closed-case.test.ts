import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCaseFile } from '../../../src/main/compose/eni-export';
import { eniExportHandlers } from '../../../src/main/compose/eni-export-handlers';
import { demoOfficeSeal } from '../../../src/main/compose/eni-export-seal';
import { EniExportError } from '../../../src/main/office/eni-export/case-file';
import type { SigningSession } from '../../../src/main/desk/signing-session';
import type { ActorContext } from '../../../src/shared/api/dispatch';
import { ApiError } from '../../../src/shared/api/errors';
import { validateAgainstEniSchemas } from '../../support/eni/schemas';
import { seedDemo } from '../../../src/main/office/demo/seed';
import { contentPath } from '../../../src/main/office/store/contents';
import { migrate } from '../../../src/main/office/store/migrate';
import { openStore, type Store } from '../../../src/main/office/store/open-store';
import { calendar, fixedNow } from '../office/support';
import { demoOfficeCaPem as demoOfficeCa } from '../../support/pdfs/demo-office-ca';

const scratch = mkdtempSync(join(tmpdir(), 'despacho-eni-export-'));
let store: Store;
let seal: SigningSession;

/** A demo city on a data folder: its documents' bytes are files under documents/, as on a desk. */
beforeAll(async () => {
  store = await openStore({ kind: 'pglite', dataDir: join(scratch, 'data') });
  await migrate(store);
  await seedDemo(store, calendar(), { cases: 60, now: fixedNow, documents: true });
  seal = await demoOfficeSeal(fixedNow);
});
afterAll(async () => {
  await store?.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** A case of the demo city in one of `states`, with documents. */
async function caseIn(states: string[]): Promise<{ id: number; number: string; departmentId: string }> {
  const row = await store.db
    .selectFrom('cases as c')
    .select(['c.id', 'c.number', 'c.department_id'])
    .where('c.state', 'in', states as never[])
    .where(sql<boolean>`exists (select 1 from documents d where d.case_id = c.id)`)
    .orderBy('c.id')
    .executeTakeFirstOrThrow();
  return { id: row.id, number: row.number, departmentId: row.department_id };
}

const exportOf = (number: string) =>
  exportCaseFile({
    store,
    which: { number },
    openSigner: async () => seal,
    signedWith: 'seal',
    now: fixedNow,
    actorId: null,
  });

const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

function opensslVerify(index: Uint8Array, signature: Uint8Array): { status: number | null; stderr: string } {
  const dir = mkdtempSync(join(scratch, 'verify-'));
  writeFileSync(join(dir, 'index.xml'), index);
  writeFileSync(join(dir, 'index.xml.p7s'), signature);
  const run = spawnSync(
    'openssl',
    [
      'cms',
      '-verify',
      '-binary',
      '-inform',
      'DER',
      '-in',
      join(dir, 'index.xml.p7s'),
      '-content',
      join(dir, 'index.xml'),
      '-CAfile',
      demoOfficeCa,
      '-purpose',
      'any',
      // The certificates are checked at the signing time (the fixed test clock), not today's.
      '-attime',
      String(Math.floor(fixedNow.getTime() / 1000)),
      '-out',
      '/dev/null',
    ],
    { encoding: 'utf8' },
  );
  return { status: run.status, stderr: run.stderr };
}

/** `exports.caseFile` as the desk serves it, for a processor of `departmentId`. */
async function deskExport(caseId: number, departmentId: string, maxBytes?: number) {
  const user = await store.db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('department_id', '=', departmentId)
    .where(sql<boolean>`'processor' = any(roles)`)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const context: ActorContext = {
    connectionId: 'eni-export-test',
    session: { get: () => user.id, set: () => undefined },
    actor: { id: user.id, name: user.name, departmentId, roles: ['processor'] },
  };
  const handlers = eniExportHandlers({
    store,
    seal: demoOfficeSeal,
    card: null,
    now: () => fixedNow,
    ...(maxBytes === undefined ? {} : { maxBytes }),
  });
  return { user: user.id, reply: handlers['exports.caseFile']({ caseId: String(caseId) }, context) };
}

async function apiErrorOf(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

async function refusalOf(promise: Promise<unknown>): Promise<EniExportError['refusal']> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(EniExportError);
  return (error as EniExportError).refusal;
}

describe('the ENI export of a closed case', () => {
  it('holds every document, its ENI document XML and the signed index, and every XML validates against the NTI schemas', async () => {
    const target = await caseIn(['archived']);
    const documents = await store.db
      .selectFrom('documents')
      .select(['eni_id', 'sha256', 'position', 'document_type'])
      .where('case_id', '=', target.id)
      .orderBy('position')
      .execute();
    const built = await exportOf(target.number);
    expect(built).toMatchObject({ caseNumber: target.number, documents: documents.length });
    const audit = await store.db
      .selectFrom('audit_trail')
      .select(['action', 'actor_id', 'details'])
      .where('case_id', '=', target.id)
      .where('action', '=', 'case.exported_eni')
      .execute();
    expect(audit).toEqual([
      {
        action: 'case.exported_eni',
        actor_id: null,
        details: {
          documents: documents.length,
          index_sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
          signed_with: 'seal',
        },
      },
    ]);
    const files = unzipSync(built.zip);
    const names = Object.keys(files).sort();
    expect(names).toEqual(
      [
        'index.xml',
        'index.xml.p7s',
        ...documents.flatMap((d) => {
          const base = `${String(d.position).padStart(3, '0')}_${d.eni_id}`;
          return [`documents/${base}.pdf`, `metadata/${base}.xml`];
        }),
      ].sort(),
    );

    const index = text(files['index.xml']);
    expect(index).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<eniexp:expediente /);
    const indexCheck = await validateAgainstEniSchemas(files['index.xml']!);
    expect(indexCheck.errors).toEqual([]);
    expect(indexCheck.valid).toBe(true);
    // The index names each document with its SHA-256 in base64, in the case's order.
    const indexed = [
      ...index.matchAll(
        /<eniconexpind:IdentificadorDocumento>([^<]+)<[\s\S]*?<eniconexpind:ValorHuella>([^<]+)</g,
      ),
    ];
    expect(indexed.map((m) => [m[1], Buffer.from(m[2]!, 'base64').toString('hex')])).toEqual(
      documents.map((d) => [d.eni_id, d.sha256]),
    );
    expect(index).toContain('<eniexpmeta:Estado>E02</eniexpmeta:Estado>');
    expect(index).toContain('<enids:ReferenciaFirma>index.xml.p7s</enids:ReferenciaFirma>');

    for (const document of documents) {
      const base = `${String(document.position).padStart(3, '0')}_${document.eni_id}`;
      const metadata = files[`metadata/${base}.xml`]!;
      expect(text(metadata)).toContain('<enidoc:documento ');
      expect(text(metadata)).toContain(`<enidocmeta:TipoDocumental>${document.document_type}<`);
      const check = await validateAgainstEniSchemas(metadata);
      expect(check.errors).toEqual([]);
      expect(check.valid).toBe(true);
      const bytes = files[`documents/${base}.pdf`]!;
      expect(Buffer.from(await crypto.subtle.digest('SHA-256', bytes)).toString('hex')).toBe(document.sha256);
    }
  });

  it('rejects XML the NTI schemas do not allow (the validator is no rubber stamp)', async () => {
    const target = await caseIn(['notified', 'archived', 'resolved']);
    const files = unzipSync((await exportOf(target.number)).zip);
    const metadataName = Object.keys(files).find((name) => name.startsWith('metadata/'))!;
    const badType = text(files[metadataName]).replace(
      /<enidocmeta:TipoDocumental>TD\d\d</,
      '<enidocmeta:TipoDocumental>TD42<',
    );
    const check = await validateAgainstEniSchemas(badType);
    expect(check.valid).toBe(false);
    expect(check.errors[0]?.message).toMatch(/TipoDocumental/);
    const noSignature = text(files['index.xml']).replace(/<enids:firmas[\s\S]*<\/enids:firmas>\n/, '');
    expect((await validateAgainstEniSchemas(noSignature)).valid).toBe(false);
  });

  it("signs the index with a detached CAdES that openssl cms -verify accepts under the demo office's CA, and refuses once one byte of the index changes", async () => {
    const target = await caseIn(['withdrawn', 'expired', 'archived']);
    const files = unzipSync((await exportOf(target.number)).zip);
    const index = files['index.xml']!;
    const signature = files['index.xml.p7s']!;
    const verified = opensslVerify(index, signature);
    expect(verified.stderr).toContain('Verification successful');
    expect(verified.status).toBe(0);

    const changed = new Uint8Array(index);
    const at = text(index).indexOf('<eniconexpind:ValorHuella>') + '<eniconexpind:ValorHuella>'.length;
    changed[at] = changed[at] === 0x41 ? 0x42 : 0x41;
    const broken = opensslVerify(changed, signature);
    expect(broken.status).not.toBe(0);
    expect(broken.stderr).toMatch(/digest failure|verification failure/i);

    // CAdES-BES: content-type, message-digest, signing-time and signing-certificate-v2, signed.
    const signatureFile = join(scratch, 'attributes.p7s');
    writeFileSync(signatureFile, signature);
    const printed = spawnSync(
      'openssl',
      ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', signatureFile],
      {
        encoding: 'utf8',
      },
    ).stdout;
    for (const attribute of [
      'contentType',
      'messageDigest',
      'signingTime',
      'id-smime-aa-signingCertificateV2',
    ])
      expect(printed).toContain(`object: ${attribute}`);
    expect(printed).toContain('eContent: <ABSENT>');
  });

  it('refuses a case that is still open, naming its state', async () => {
    const open = await caseIn(['registered', 'in_progress']);
    expect(await refusalOf(exportOf(open.number))).toMatchObject({ reason: 'open' });
  });

  it('refuses an unknown case number', async () => {
    expect(await refusalOf(exportOf('URB-1999-999999'))).toEqual({ reason: 'not_found' });
  });

  it('refuses a case whose stored document bytes no longer match their SHA-256, naming the document', async () => {
    const target = await caseIn(['resolved']);
    const document = await store.db
      .selectFrom('documents')
      .select(['eni_id', 'sha256'])
      .where('case_id', '=', target.id)
      .orderBy('position', 'desc')
      .executeTakeFirstOrThrow();
    const file = contentPath(store.documentsDir!, document.sha256);
    const tampered = Buffer.from(readFileSync(file));
    tampered.writeUInt8(tampered.readUInt8(tampered.length - 10) ^ 0x01, tampered.length - 10);
    writeFileSync(file, tampered);
    expect(await refusalOf(exportOf(target.number))).toEqual({
      reason: 'tampered',
      document: document.eni_id,
    });
    const fromDesk = await apiErrorOf((await deskExport(target.id, target.departmentId)).reply);
    expect(fromDesk.toData()).toEqual({
      code: 'export_document_changed',
      params: { document: document.eni_id },
    });
  });
});

describe('exports.caseFile, the desk’s call', () => {
  it('hands the department’s processor the zip as base64, and records who exported it', async () => {
    const target = await caseIn(['notified', 'archived']);
    const { user, reply } = await deskExport(target.id, target.departmentId);
    const file = await reply;
    if ('failure' in file) throw new Error(`not exported: ${file.failure.code}`);
    expect(file.signedWith).toBe('seal');
    expect(file.fileName).toBe(`${target.number}_ENI.zip`);
    const zip = Buffer.from(file.base64, 'base64');
    expect(zip.length).toBe(file.size);
    expect(Object.keys(unzipSync(new Uint8Array(zip)))).toContain('index.xml.p7s');
    const audit = await store.db
      .selectFrom('audit_trail')
      .select('actor_id')
      .where('case_id', '=', target.id)
      .where('action', '=', 'case.exported_eni')
      .execute();
    expect(audit.map((row) => row.actor_id)).toContain(user);
  });

  it('finds no case of another department, and refuses an open case and a zip past the cap', async () => {
    const closed = await caseIn(['notified', 'archived']);
    const otherDepartment = closed.departmentId === 'tributos' ? 'urbanismo' : 'tributos';
    expect((await apiErrorOf((await deskExport(closed.id, otherDepartment)).reply)).code).toBe('not_found');
    const open = await caseIn(['registered', 'in_progress']);
    expect((await apiErrorOf((await deskExport(open.id, open.departmentId)).reply)).code).toBe(
      'export_case_open',
    );
    const capped = await apiErrorOf((await deskExport(closed.id, closed.departmentId, 1024)).reply);
    expect(capped.code).toBe('export_too_large');
  });
});
