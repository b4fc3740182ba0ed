import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { maxReplyAttachmentBytes } from '../../../../src/shared/api/amendments';
import { ApiError } from '../../../../src/shared/api/errors';
import { readReplyFiles } from '../../../../src/main/office/amendments/attachments';
import { renderAmendmentRequest } from '../../../../src/main/office/amendments/document';
import { amendmentText, loadAmendmentTemplate } from '../../../../src/main/office/amendments/template';

const facts = {
  caseNumber: 'URB-2026-000123',
  procedureName: 'Licencia de obra menor',
  registryNumber: 'RE-2026-000456',
  missing: 'Plano de situación {caseNumber}',
  days: 10,
  allowsExtension: true,
};

async function pdfBase64(): Promise<string> {
  const pdf = await PDFDocument.create();
  pdf.addPage([100, 100]);
  return Buffer.from(await pdf.save()).toString('base64');
}

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof ApiError)) throw new Error('not refused with an ApiError');
  return error;
}

describe('the amendment request document', () => {
  it('says what is missing, the 10 business days and the warning of deemed withdrawal, in both languages', () => {
    const template = loadAmendmentTemplate();
    const es = amendmentText(template, 'es', facts);
    expect(es.title).toBe('Requerimiento de subsanación');
    expect(es.text).toContain('10 días hábiles');
    expect(es.text).toContain('se le tendrá por desistido');
    expect(es.text).toContain('artículo 22.1.a');
    expect(es.text).toContain('hasta cinco días');
    const ca = amendmentText(template, 'ca-valencia', facts);
    expect(ca.title).toBe("Requeriment d'esmena");
    expect(ca.text).toContain('10 dies hàbils');
    expect(ca.text).toContain('se vos tindrà per desistit');
  });

  it('keeps a brace typed in the missing items as it is, and leaves out the extension where the procedure has none', () => {
    const { text } = amendmentText(loadAmendmentTemplate(), 'es', { ...facts, allowsExtension: false });
    expect(text).toContain('Plano de situación {caseNumber}');
    expect(text).not.toContain('hasta cinco días');
  });

  it('renders as a PDF with the title and the case number in its metadata', async () => {
    const bytes = await renderAmendmentRequest({
      locale: 'es',
      issuer: 'Ayuntamiento de Elche',
      departmentName: 'Urbanismo',
      caseNumber: facts.caseNumber,
      applicantName: 'Nombre Demo',
      title: 'Requerimiento de subsanación',
      text: 'Primer párrafo.\n\nSegundo párrafo con una línea\ny otra.',
      at: new Date('2026-03-02T09:00:00Z'),
    });
    const loaded = await PDFDocument.load(bytes);
    expect(loaded.getTitle()).toBe(`Requerimiento de subsanación · ${facts.caseNumber}`);
    expect(loaded.getPageCount()).toBe(1);
  });
});

describe('the reply attachments', () => {
  it('accepts PDFs', async () => {
    const files = await readReplyFiles([{ name: 'plano.pdf', contentBase64: await pdfBase64() }]);
    expect(files).toHaveLength(1);
    expect(Buffer.from(files[0]!.bytes.subarray(0, 5)).toString()).toBe('%PDF-');
  });

  it('refuses a file that is not a PDF, naming which one, and one that only starts like a PDF', async () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]).toString('base64');
    const notPdf = await refusal(
      readReplyFiles([
        { name: 'plano.pdf', contentBase64: await pdfBase64() },
        { name: 'foto.jpg', contentBase64: jpeg },
      ]),
    );
    expect(notPdf).toMatchObject({
      code: 'invalid_input',
      params: { reason: 'attachment_not_pdf', file: 2 },
    });
    const fake = Buffer.from('%PDF-1.7\nnot really').toString('base64');
    expect((await refusal(readReplyFiles([{ name: 'x.pdf', contentBase64: fake }]))).params).toMatchObject({
      reason: 'attachment_not_pdf',
    });
  });

  it('refuses an empty file and one over the size cap', async () => {
    expect((await refusal(readReplyFiles([{ name: 'vacío.pdf', contentBase64: '' }]))).params).toMatchObject({
      reason: 'attachment_size',
    });
    const big = Buffer.alloc(maxReplyAttachmentBytes + 1, 0x20);
    big.write('%PDF-1.7\n');
    expect(
      (await refusal(readReplyFiles([{ name: 'grande.pdf', contentBase64: big.toString('base64') }]))).params,
    ).toMatchObject({ reason: 'attachment_size' });
  });
});
