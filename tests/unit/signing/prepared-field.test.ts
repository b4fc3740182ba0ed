import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFHexString, PDFString } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { PdfDocument } from '../../../src/main/desk/pdf/document';
import { PdfNumber, PdfRef, PdfStream, type PdfDict } from '../../../src/main/desk/pdf/objects';
import { SigningError } from '../../../src/main/desk/signing/errors';
import { checkPdfForSigning } from '../../../src/main/desk/signing/preflight';
import { signPdf, type PdfSigningOptions } from '../../../src/main/desk/signing/sign-pdf';
import { earlierSignatureStates } from '../../../src/main/desk/verify/earlier-signatures';
import { preparedFieldsPdf, type PreparedFieldSpec } from '../../support/pdfs/fixtures';
import { pdfsig } from '../../support/pdfs/validators';
import { expectSignedPdfValid, type SignedPdfExpectations } from './support/checks';
import { pemToDer } from './support/test-ca';
import { createSigningWorld, type SigningWorld } from './support/world';

let world: SigningWorld;
let dir: string;
beforeAll(async () => {
  world = await createSigningWorld();
  dir = mkdtempSync(join(tmpdir(), 'despacho-prepared-'));
});

let count = 0;
async function prepared(fields: PreparedFieldSpec[], pages = 1): Promise<string> {
  const path = join(dir, `prepared-${++count}.pdf`);
  writeFileSync(path, await preparedFieldsPdf(fields, pages));
  return path;
}

const sign = (path: string, options: PdfSigningOptions = {}) =>
  signPdf(checkPdfForSigning(path), world.session('rsa'), world.outDir(), {
    earlierSignatures: earlierSignatureStates,
    ...options,
  });

/** The signed file passes pdfsig, qpdf, openssl (with the test CA) and our own verifier. */
const expectValid = (path: string, expected: Omit<SignedPdfExpectations, 'caFile' | 'store'>) =>
  expectSignedPdfValid(path, { ...expected, caFile: world.ca.rootFile, store: world.store });

/** The field's state after signing, read back with our own parser. */
function fieldsOf(path: string) {
  const document = PdfDocument.open(path);
  try {
    return document.signatureFields().map((field) => {
      const numbers = (value: unknown) =>
        (Array.isArray(value) ? value : []).map((item) => (item instanceof PdfNumber ? item.value : NaN));
      const appearance = field.widget?.dict.get('AP');
      const normal = appearance ? document.resolve((appearance as PdfDict).get('N')) : null;
      return {
        name: field.name,
        ref: field.field?.num,
        widgetRef: field.widget?.ref.num,
        signed: field.value !== null,
        rect: numbers(field.widget?.dict.get('Rect')),
        stampBox: normal instanceof PdfStream ? numbers(normal.dict.get('BBox')) : null,
        annotsOnPages: document
          .pages()
          .map((page) =>
            document
              .array(page.dict.get('Annots'))
              .filter((annot) => annot instanceof PdfRef && annot.num === field.widget?.ref.num),
          ),
      };
    });
  } finally {
    document.close();
  }
}

async function refusal(promise: Promise<unknown>): Promise<SigningError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SigningError);
  return error as SigningError;
}

/** Each test signs a few PDFs and runs the outside validators: slow on a busy machine. */
const generous = { timeout: 120_000 };

describe('a document with an empty signature field', generous, () => {
  it('gets that field filled: one signature field, the prepared name, the widget where it was, the stamp inside it', async () => {
    const source = await prepared(
      [{ name: 'Firma del Jefe de Servicio', page: 2, rect: [330, 40, 560, 130] }],
      2,
    );
    const before = fieldsOf(source)[0]!;
    const signed = await sign(source, { visible: { page: 1, x: 0, y: 0, width: 10, height: 10 } });
    expect(signed.fieldName).toBe('Firma del Jefe de Servicio');
    await expectValid(signed.output, {
      source,
      signatures: 1,
    });
    const [after, ...others] = fieldsOf(signed.output);
    expect(others).toEqual([]);
    expect(after).toMatchObject({
      name: 'Firma del Jefe de Servicio',
      ref: before.ref,
      widgetRef: before.widgetRef,
      signed: true,
      rect: [330, 40, 560, 130],
      stampBox: [0, 0, 230, 90],
    });
    expect(after!.annotsOnPages.map((annots) => annots.length)).toEqual([0, 1]);
  });

  it('keeps an invisible prepared field invisible', async () => {
    const source = await prepared([{ name: 'Firma' }]);
    const signed = await sign(source);
    expect(signed.fieldName).toBe('Firma');
    expect(fieldsOf(signed.output)).toMatchObject([{ name: 'Firma', signed: true, stampBox: null }]);
    expect(pdfsig(signed.output).valid).toEqual([true]);
  });

  it('puts /V on the field and the stamp on its widget when they are separate objects', async () => {
    const source = await prepared([{ name: 'Firma', rect: [50, 50, 250, 120], separateWidget: true }]);
    const signed = await sign(source);
    await expectValid(signed.output, {
      source,
      signatures: 1,
    });
    const [field] = fieldsOf(signed.output);
    expect(field!.widgetRef).not.toBe(field!.ref);
    expect(field).toMatchObject({ signed: true, stampBox: [0, 0, 200, 70] });
  });

  it('with several empty fields asks which one, and fills the one named', async () => {
    const source = await prepared([{ name: 'Visto bueno' }, { name: 'Firma del Alcalde' }]);
    const out = world.outDir();
    const error = await refusal(signPdf(checkPdfForSigning(source), world.session('rsa'), out));
    expect(error).toMatchObject({
      key: 'signing.field.several',
      params: { file: 'prepared-4.pdf', fields: '«Visto bueno», «Firma del Alcalde»' },
    });
    expect(readdirSync(out)).toEqual([]);
    const signed = await sign(source, { field: 'Firma del Alcalde' });
    expect(fieldsOf(signed.output).map((field) => [field.name, field.signed])).toEqual([
      ['Visto bueno', false],
      ['Firma del Alcalde', true],
    ]);
    await expectValid(signed.output, {
      source,
      signatures: 1,
      emptyFields: 1,
    });
    // The second signer fills the other field; both signatures stay valid.
    const second = await sign(signed.output, { field: 'Visto bueno' });
    await expectValid(second.output, {
      source: signed.output,
      signatures: 2,
    });
  });

  it.each([
    ['a name no field has', 'Firma del Secretario', 'signing.field.notFound'],
    ['a field already signed', 'Visto bueno', 'signing.field.alreadySigned'],
  ])('refuses %s', async (_label, field, key) => {
    const source = await prepared([{ name: 'Visto bueno' }, { name: 'Firma' }]);
    const signed = await sign(source, { field: 'Visto bueno' });
    expect((await refusal(sign(signed.output, { field }))).key).toBe(key);
  });

  it('writes the FieldMDP lock its /Lock asks for, and a locked field is then refused', async () => {
    const source = await prepared([
      {
        name: 'Propuesta',
        lock: { Type: 'SigFieldLock', Action: 'Include', Fields: [PDFString.of('Importe')] },
      },
      { name: 'Importe' },
    ]);
    const signed = await sign(source, { field: 'Propuesta' });
    await expectValid(signed.output, {
      source,
      signatures: 1,
      emptyFields: 1,
    });
    const text = readFileSync(signed.output).toString('latin1');
    expect(text).toMatch(
      /\/Reference \[<<\/Type \/SigRef \/TransformMethod \/FieldMDP \/TransformParams <<\/Type \/TransformParams \/Action \/Include \/Fields \[\(Importe\)\] \/V \/1\.2>> \/Data \d+ 0 R>>\]/,
    );
    expect(await refusal(sign(signed.output, { field: 'Importe' }))).toMatchObject({
      key: 'signing.field.locked',
      params: { field: 'Importe', by: 'Propuesta' },
    });
  });

  it('refuses a /Lock that would also lock the document (PDF 2.0 /P), which we do not do', async () => {
    const source = await prepared([{ name: 'Firma', lock: { Type: 'SigFieldLock', Action: 'All', P: 1 } }]);
    expect((await refusal(sign(source))).key).toBe('signing.field.locksDocument');
  });
});

describe("a prepared field's seed values", generous, () => {
  const hex = (der: Uint8Array) => PDFHexString.of(Buffer.from(der).toString('hex'));

  it.each([
    [
      'a sub-filter we do not produce',
      { SubFilter: ['adbe.pkcs7.detached'], Ff: 2 },
      {},
      'signing.seed.subFilter',
    ],
    ['another signature handler', { Filter: 'Entrust.PPKEF', Ff: 1 }, {}, 'signing.seed.filter'],
    ['a digest we were not asked for', { DigestMethod: ['SHA384'], Ff: 64 }, {}, 'signing.seed.digest'],
    ['a reason from its list', { Reasons: [PDFString.of('Visto bueno')], Ff: 8 }, {}, 'signing.seed.reason'],
    [
      'no reason at all',
      { Reasons: [PDFString.of('')], Ff: 8 },
      { reason: 'Conforme' },
      'signing.seed.noReason',
    ],
    ['a certification signature', { MDP: { P: 2 } }, {}, 'signing.seed.certification'],
    [
      'a time-stamp',
      { TimeStamp: { URL: PDFString.of('http://tsa.invalid'), Ff: 1 } },
      {},
      'signing.seed.timestamp',
    ],
    ['revocation data in the signature', { AddRevInfo: true, Ff: 32 }, {}, 'signing.seed.unsupported'],
    ['locking the document', { LockDocument: true, Ff: 128 }, {}, 'signing.field.locksDocument'],
  ] as const)('refuse, before signing, a field that demands %s', async (_label, seedValues, options, key) => {
    const source = await prepared([{ name: 'Firma', seedValues }]);
    const session = world.session('rsa');
    const out = world.outDir();
    const error = await refusal(
      signPdf(checkPdfForSigning(source), session, out, {
        earlierSignatures: earlierSignatureStates,
        ...options,
      }),
    );
    expect(error).toMatchObject({ kind: 'input', key, params: { file: expect.any(String), field: 'Firma' } });
    expect(session.signCount()).toBe(0);
    expect(readdirSync(out)).toEqual([]);
  });

  it.each([
    ['a sub-filter list that only prefers', { SubFilter: ['adbe.pkcs7.detached'] }, {}],
    ['the digest asked for', { DigestMethod: ['SHA384'], Ff: 64 }, { hash: 'SHA-384' }],
    ['a reason from its list', { Reasons: [PDFString.of('Visto bueno')], Ff: 8 }, { reason: 'Visto bueno' }],
  ] as const)('are honoured: %s', async (_label, seedValues, options) => {
    const source = await prepared([{ name: 'Firma', seedValues }]);
    const signed = await sign(source, options);
    await expectValid(signed.output, {
      source,
      signatures: 1,
    });
  });

  it("hold the signer's certificate to /Cert: subject, issuer and key usage", async () => {
    const ours = world.leaves.rsa.certDer;
    const root = pemToDer(world.ca.rootPem);
    const cases = [
      [{ Subject: [hex(world.leaves.ec.certDer)], Ff: 1 }, 'signing.seed.certificate.subject'],
      [{ Subject: [hex(ours)], Ff: 1 }, null],
      [{ Issuer: [hex(world.leaves.ec.certDer)], Ff: 2 }, 'signing.seed.certificate.issuer'],
      [{ Issuer: [hex(root)], Ff: 2 }, null],
      [{ KeyUsage: [PDFString.of('X1')], Ff: 32 }, null],
      [{ KeyUsage: [PDFString.of('0')], Ff: 32 }, 'signing.seed.certificate.keyUsage'],
    ] as const;
    for (const [cert, key] of cases) {
      const source = await prepared([{ name: 'Firma', seedValues: { Cert: { Type: 'SVCert', ...cert } } }]);
      const outcome = sign(source);
      if (key === null) await expect(outcome).resolves.toMatchObject({ fieldName: 'Firma' });
      else expect(await refusal(outcome)).toMatchObject({ kind: 'certificate', key });
    }
  });
});
