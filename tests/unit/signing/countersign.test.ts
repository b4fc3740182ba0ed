import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scannedPdf } from '../../support/pdfs/fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import { PdfDocument } from '../../../src/main/desk/pdf/document';
import { PdfString } from '../../../src/main/desk/pdf/objects';
import { checkPdfForSigning } from '../../../src/main/desk/signing/preflight';
import { signPdf } from '../../../src/main/desk/signing/sign-pdf';
import { earlierSignatureStates } from '../../../src/main/desk/verify/earlier-signatures';
import { expectSignedPdfValid, lastXrefSection } from './support/checks';
import { createSigningWorld, type SigningWorld } from './support/world';

let world: SigningWorld;
beforeAll(async () => {
  world = await createSigningWorld();
});

const trailerOf = (path: string) => {
  const document = PdfDocument.open(path);
  try {
    const id = document.trailer.get('ID');
    return {
      root: document.rootRef.key,
      info: document.trailer.get('Info'),
      firstId:
        Array.isArray(id) && id[0] instanceof PdfString ? Buffer.from(id[0].bytes).toString('hex') : null,
    };
  } finally {
    document.close();
  }
};

describe.each([
  ['a classic xref table', 'classic', 0],
  ['xref and object streams', 'objectStreams', 0],
  ['linearization and object streams', 'linearized', 0],
  ['an earlier signature by another tool', 'signedByOtherTool', 1],
] as const)('countersigning a PDF with %s', (_label, fixture, foreign) => {
  it('adds three signatures as incremental updates, each keeping every earlier one valid', async () => {
    let source = world.fixtures[fixture];
    const sessions = [world.session('rsa'), world.session('ec'), world.session('rsa3072')];
    const schemes = [undefined, undefined, 'rsa-pss'] as const;
    const original = trailerOf(source);
    let firstId = original.firstId;
    const fieldNames: string[] = [];
    for (const [round, session] of sessions.entries()) {
      const previousKind = lastXrefSection(source).kind;
      const scheme = schemes[round];
      const signed = await signPdf(checkPdfForSigning(source), session, world.outDir(), {
        earlierSignatures: earlierSignatureStates,
        ...(scheme ? { rsaScheme: scheme } : {}),
      });
      fieldNames.push(signed.fieldName);

      await expectSignedPdfValid(signed.output, {
        source,
        signatures: foreign + round + 1,
        caFile: world.ca.rootFile,
        store: world.store,
        foreign,
      });
      const section = lastXrefSection(signed.output);
      expect(section.kind).toBe(previousKind);
      for (const line of section.entryLines) expect(Buffer.byteLength(line, 'latin1')).toBe(20);
      const trailer = trailerOf(signed.output);
      expect(trailer.root).toBe(original.root);
      firstId ??= trailer.firstId;
      expect(trailer.firstId).toBe(firstId);
      source = signed.output;
    }
    expect(new Set(fieldNames).size).toBe(3);
  });
});

describe('a PDF over 1 MiB (copied by the kernel while hashed in chunks)', () => {
  it('is signed and countersigned validly', async () => {
    const source = join(world.outDir(), 'escaneado.pdf');
    writeFileSync(source, await scannedPdf(700));
    const first = await signPdf(checkPdfForSigning(source), world.session('rsa'), world.outDir());
    await expectSignedPdfValid(first.output, {
      source,
      signatures: 1,
      caFile: world.ca.rootFile,
      store: world.store,
    });
    const second = await signPdf(checkPdfForSigning(first.output), world.session('ec'), world.outDir(), {
      earlierSignatures: earlierSignatureStates,
    });
    await expectSignedPdfValid(second.output, {
      source: first.output,
      signatures: 2,
      caFile: world.ca.rootFile,
      store: world.store,
    });
  });
});

describe('the signature dictionary', () => {
  it('is an uncompressed object with PAdES entries, /M and no /Cert', async () => {
    const signed = await signPdf(
      checkPdfForSigning(world.fixtures.objectStreams),
      world.session('rsa'),
      world.outDir(),
      { reason: 'Conforme' },
    );
    const text = readFileSync(signed.output).toString('latin1');
    const sig = /\d+ 0 obj\n(<<\/Type \/Sig[^]*?)\nendobj/.exec(text)?.[1] ?? '';
    expect(sig).toContain('/Filter /Adobe.PPKLite');
    expect(sig).toContain('/SubFilter /ETSI.CAdES.detached');
    expect(sig).toMatch(/\/M \(D:\d{14}\+00'00'\)/);
    expect(sig).toContain('/Reason (Conforme)');
    expect(sig).not.toContain('/Cert');
    const widget =
      /<<\/Type \/Annot \/Subtype \/Widget \/FT \/Sig \/T \(Signature1\) \/V \d+ 0 R \/Rect \[0 0 0 0\] \/P \d+ 0 R \/F 132>>/.exec(
        text,
      );
    expect(widget).not.toBeNull();
    expect(text).toMatch(/\/SigFlags 3/);
  });
});
