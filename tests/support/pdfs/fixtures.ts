import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { P12Signer } from '@signpdf/signer-p12';
import { SignPdf } from '@signpdf/signpdf';
import { PDFDocument, PDFName, PDFNumber, PDFString, StandardFonts, type PDFRef } from 'pdf-lib';

/** Unsigned and damaged PDFs generated on the fly, one file per kind, in a fresh directory. */
export interface PdfFixtures {
  dir: string;
  /** pdf-lib, classic xref table. */
  classic: string;
  /** The same through qpdf: xref stream and object streams. */
  objectStreams: string;
  /** Linearized by qpdf, with object streams (the last startxref points near the start of the file). */
  linearized: string;
  /** Signed first by @signpdf/signpdf with a PKCS#12 key (classic table). */
  signedByOtherTool: string;
  brokenXref: string;
  truncated: string;
  encrypted: string;
  corrupt: string;
  certified: string;
}

export async function resolutionPdf(pages = 1, title = 'Resolución 2026/000123'): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.setTitle(title);
  const font = await document.embedFont(StandardFonts.Helvetica);
  for (let page = 0; page < pages; page++) {
    const current = document.addPage([595, 842]);
    current.drawText(`${title} — página ${page + 1}`, { x: 60, y: 780, size: 14, font });
    current.drawText('Visto el expediente, RESUELVO: conceder la licencia de obra menor solicitada.', {
      x: 60,
      y: 740,
      size: 10,
      font,
    });
  }
  return document.save({ useObjectStreams: false });
}

/** An empty signature field as a form's author prepares it for a signer. */
export interface PreparedFieldSpec {
  name: string;
  /** 1-based; the first page by default. */
  page?: number;
  /** x1, y1, x2, y2; 0×0 (invisible) by default. */
  rect?: [number, number, number, number];
  /** The widget as a kid annotation of the field, instead of merged with it. */
  separateWidget?: boolean;
  /** The field's /Lock dictionary, in pdf-lib's `context.obj` notation (strings are names). */
  lock?: Record<string, unknown>;
  /** The field's seed value dictionary (/SV), in the same notation. */
  seedValues?: Record<string, unknown>;
}

/** A resolution whose form holds empty signature fields (/FT /Sig without /V), as another tool leaves them. */
export async function preparedFieldsPdf(
  fields: readonly PreparedFieldSpec[],
  pages = 1,
): Promise<Uint8Array> {
  const document = await PDFDocument.load(await resolutionPdf(pages));
  const context = document.context;
  const acroForm = document.catalog.getOrCreateAcroForm();
  for (const spec of fields) {
    const page = document.getPage((spec.page ?? 1) - 1);
    const widget = { Type: 'Annot', Subtype: 'Widget', Rect: spec.rect ?? [0, 0, 0, 0], P: page.ref, F: 4 };
    const field = {
      FT: 'Sig',
      T: PDFString.of(spec.name),
      ...(spec.lock ? { Lock: context.obj(spec.lock as never) } : {}),
      ...(spec.seedValues ? { SV: context.obj(spec.seedValues as never) } : {}),
    };
    let fieldRef: PDFRef;
    let widgetRef: PDFRef;
    if (spec.separateWidget) {
      // The only kid carries no /Parent (ISO 32000-1 Table 188: only one of several does), which
      // poppler 22.12 needs: it reads a kid with /Parent as a field of its own, without the /V.
      widgetRef = context.register(context.obj(widget));
      fieldRef = context.register(context.obj({ ...field, Kids: [widgetRef] }));
    } else {
      fieldRef = widgetRef = context.register(context.obj({ ...widget, ...field }));
    }
    page.node.addAnnot(widgetRef);
    acroForm.addField(fieldRef);
  }
  return document.save({ useObjectStreams: false });
}

/** A one-page PDF carrying a side×side RGB image stream, uncompressed like a raw scan (side 4096 ≈ 50 MB). */
export async function scannedPdf(side: number): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const page = document.addPage([595, 842]);
  const pixels = Buffer.alloc(side * side * 3);
  for (let i = 0; i < pixels.length; i += 4096) pixels[i] = i & 0xff;
  const image = document.context.stream(pixels, {
    Type: 'XObject',
    Subtype: 'Image',
    Width: side,
    Height: side,
    ColorSpace: 'DeviceRGB',
    BitsPerComponent: 8,
  });
  page.node.setXObject(PDFName.of('Scan'), document.context.register(image));
  page.node.set(
    PDFName.of('Contents'),
    document.context.register(document.context.stream('q 595 0 0 842 0 0 cm /Scan Do Q')),
  );
  return document.save({ useObjectStreams: false });
}

const run = (command: string, args: string[]) =>
  execFileSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });

/** A PKCS#12 file (RSA key, self-signed certificate) readable by node-forge's P12 parser. */
export function makeP12(dir: string, passphrase = 'fixture'): Buffer {
  run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    join(dir, 'p12.key'),
    '-out',
    join(dir, 'p12.pem'),
    '-days',
    '365',
    '-subj',
    '/C=ES/O=Otra Herramienta/CN=Firmante Externo',
  ]);
  run('openssl', [
    'pkcs12',
    '-export',
    '-inkey',
    join(dir, 'p12.key'),
    '-in',
    join(dir, 'p12.pem'),
    '-out',
    join(dir, 'signer.p12'),
    '-passout',
    `pass:${passphrase}`,
    '-keypbe',
    'PBE-SHA1-3DES',
    '-certpbe',
    'PBE-SHA1-3DES',
    '-macalg',
    'sha1',
  ]);
  return readFileSync(join(dir, 'signer.p12'));
}

export async function signWithPeer(pdf: Uint8Array, p12: Buffer, passphrase = 'fixture'): Promise<Buffer> {
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: Buffer.from(pdf),
    reason: 'Conforme',
    contactInfo: '',
    name: 'Firmante Externo',
    location: 'Elche',
    signatureLength: 8192,
  });
  return new SignPdf().sign(withPlaceholder, new P12Signer(p12, { passphrase }));
}

/** Shifts every in-use offset of the (single) classic xref table so that none points at its object. */
function breakXref(pdf: Buffer): Buffer {
  const text = pdf.toString('latin1');
  const at = text.lastIndexOf('\nxref');
  const broken = text
    .slice(at)
    .replace(
      /^(\d{10}) (\d{5}) n/gm,
      (_, offset: string, gen: string) => `${String(Number(offset) + 7).padStart(10, '0')} ${gen} n`,
    );
  return Buffer.from(text.slice(0, at) + broken, 'latin1');
}

/** A document whose catalog claims a DocMDP certification with /P 1 (no changes allowed). */
async function certifiedPdf(): Promise<Uint8Array> {
  const document = await PDFDocument.load(await resolutionPdf());
  const context = document.context;
  const transform = context.obj({ Type: 'TransformParams', P: PDFNumber.of(1), V: PDFName.of('1.2') });
  const reference = context.obj({ Type: 'SigRef', TransformMethod: 'DocMDP', TransformParams: transform });
  const signature = context.register(
    context.obj({
      Type: 'Sig',
      Filter: 'Adobe.PPKLite',
      SubFilter: 'ETSI.CAdES.detached',
      Reference: [reference],
    }),
  );
  document.catalog.set(PDFName.of('Perms'), context.obj({ DocMDP: signature }));
  return document.save({ useObjectStreams: false });
}

export async function createPdfFixtures(): Promise<PdfFixtures> {
  const dir = mkdtempSync(join(tmpdir(), 'despacho-pdfs-'));
  const file = (name: string, bytes: Uint8Array) => {
    writeFileSync(join(dir, name), bytes);
    return join(dir, name);
  };
  const base = await resolutionPdf();
  const classic = file('classic.pdf', base);
  const objectStreams = join(dir, 'object-streams.pdf');
  run('qpdf', ['--object-streams=generate', classic, objectStreams]);
  const linearized = join(dir, 'linearized.pdf');
  run('qpdf', ['--linearize', '--object-streams=generate', classic, linearized]);
  const encrypted = join(dir, 'encrypted.pdf');
  run('qpdf', ['--encrypt', 'user', 'owner', '256', '--', classic, encrypted]);
  return {
    dir,
    classic,
    objectStreams,
    linearized,
    encrypted,
    signedByOtherTool: file('signed-by-other-tool.pdf', await signWithPeer(base, makeP12(dir))),
    brokenXref: file('broken-xref.pdf', breakXref(Buffer.from(base))),
    truncated: file('truncated.pdf', base.subarray(0, Math.floor(base.length * 0.6))),
    corrupt: file(
      'corrupt.pdf',
      Buffer.concat([
        Buffer.from('%PDF-1.7\n'),
        Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 37) % 251)),
      ]),
    ),
    certified: file('certified.pdf', await certifiedPdf()),
  };
}
