import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { PdfDocument } from '../../../src/main/desk/pdf/document';
import type { PdfNumber } from '../../../src/main/desk/pdf/objects';
import { PdfStream } from '../../../src/main/desk/pdf/objects';
import { checkPdfForSigning } from '../../../src/main/desk/signing/preflight';
import { signPdf } from '../../../src/main/desk/signing/sign-pdf';
import { resolutionPdf } from '../../support/pdfs/fixtures';
import { expectSignedPdfValid } from './support/checks';
import { createSigningWorld, type SigningWorld } from './support/world';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let world: SigningWorld;
beforeAll(async () => {
  world = await createSigningWorld();
});

describe('a visible signature', () => {
  it('draws the holder, NIF, position, date, resolution number, CSV, address and a QR code on the chosen page', async () => {
    const source = join(mkdtempSync(join(tmpdir(), 'despacho-visible-')), 'informe.pdf');
    writeFileSync(source, await resolutionPdf(3));
    const signed = await signPdf(checkPdfForSigning(source), world.session('rsa3072'), world.outDir(), {
      visible: {
        page: 2,
        x: 300,
        y: 40,
        width: 250,
        height: 90,
        text: {
          resolutionNumber: '2026/000123',
          csv: 'ELX-7Q2M-9KD4',
          verificationUrl: 'https://sede.example.es/csv',
        },
      },
    });
    await expectSignedPdfValid(signed.output, {
      source,
      signatures: 1,
      caFile: world.ca.rootFile,
      store: world.store,
    });

    const text = execFileSync('pdftotext', ['-f', '2', '-l', '2', signed.output, '-'], { encoding: 'utf8' });
    for (const expected of [
      'Firmado por María López',
      'NIF: 11111111H',
      'Secretaria',
      'Resolución n.º 2026/000123',
      'CSV: ELX-7Q2M-9KD4',
      'https://sede.example.es/csv',
    ]) {
      expect(text).toContain(expected);
    }
    expect(
      execFileSync('pdftotext', ['-f', '1', '-l', '1', signed.output, '-'], { encoding: 'utf8' }),
    ).not.toContain('Firmado por');

    const document = PdfDocument.open(signed.output);
    try {
      const [field] = document.signatureFields();
      const widget = document.dict(field!.field!)!;
      expect(document.array(widget.get('Rect')).map((value) => (value as PdfNumber).value)).toEqual([
        300, 40, 550, 130,
      ]);
      expect(widget.get('P')).toEqual(document.pages()[1]!.ref);
      const appearance = document.resolve(document.dict(widget.get('AP'))!.get('N'));
      expect(appearance).toBeInstanceOf(PdfStream);
      const operators = Buffer.from((appearance as PdfStream).data).toString('latin1');
      expect(operators.match(/ re\n/g)!.length).toBeGreaterThan(100);
      expect(operators).toContain('/Helv');
    } finally {
      document.close();
    }
  });

  it('refuses a page the document does not have', async () => {
    const error = await signPdf(
      checkPdfForSigning(world.fixtures.classic),
      world.session('rsa'),
      world.outDir(),
      { visible: { page: 4, x: 0, y: 0, width: 100, height: 50 } },
    ).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ key: 'signing.input.noSuchPage', params: { page: 4, pages: 1 } });
  });
});
