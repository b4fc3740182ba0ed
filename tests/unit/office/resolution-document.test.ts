import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, PDFName, PDFSignature } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import {
  renderResolution,
  verificationLink,
  type ResolutionDocument,
} from '../../../src/main/office/resolutions/render';
import {
  draftResolutionText,
  loadResolutionTemplates,
  TemplateDataError,
  type DraftFacts,
} from '../../../src/main/office/resolutions/template';
import type { Box } from '../../../src/shared/domain/stamp-layout';
import { qpdfCheck } from '../../support/pdfs/validators';

const scratch = mkdtempSync(join(tmpdir(), 'despacho-resolution-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const templates = loadResolutionTemplates();
const facts: DraftFacts = {
  caseNumber: 'URB-2026-000042',
  procedureCode: 'URB-OMEN',
  procedureName: 'Licencia de obra menor',
  legalBasis: 'Decreto Legislativo 1/2021 (TRLOTUP), arts. 232 y 240',
  departmentName: 'Urbanismo',
  applicantName: 'María José Pérez Ñúñez',
  applicantNif: '12345678Z',
  registryNumber: 'RE-2026-013579',
  registryDate: '3 de marzo de 2026',
};

function documentFor(overrides: Partial<ResolutionDocument> = {}): ResolutionDocument {
  return {
    locale: 'es',
    issuer: templates.issuer.es,
    departmentName: facts.departmentName,
    caseNumber: facts.caseNumber,
    procedureName: facts.procedureName,
    applicantName: facts.applicantName,
    text: draftResolutionText(templates, facts, 'es'),
    signatureFields: ['firma-1-urb-head'],
    verificationUrl: templates.verificationUrl,
    book: { number: '2026/000123', csv: 'K7M2QX9PLR4TZ8WB3NHD' },
    at: new Date('2026-06-15T08:00:00Z'),
    ...overrides,
  };
}

async function written(doc: ResolutionDocument, name: string): Promise<string> {
  const path = join(scratch, `${name}.pdf`);
  writeFileSync(path, await renderResolution(doc));
  return path;
}

/** pdftotext, one string per page. */
function pageTexts(path: string): string[] {
  const result = spawnSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  expect(result.status).toBe(0);
  return result.stdout.split('\f').filter((text) => text.trim() !== '');
}

/** The QR codes zbarimg reads on one page rendered at 150 dpi. */
function qrCodesOnPage(path: string, pageNumber: number): string[] {
  const prefix = join(scratch, `page-${pageNumber}-${Math.random().toString(36).slice(2)}`);
  const render = spawnSync('pdftoppm', [
    '-r',
    '200',
    '-png',
    '-f',
    String(pageNumber),
    '-l',
    String(pageNumber),
    '-singlefile',
    path,
    prefix,
  ]);
  expect(render.status).toBe(0);
  const read = spawnSync('zbarimg', ['--quiet', '--raw', `${prefix}.png`], { encoding: 'utf8' });
  return read.stdout.split('\n').filter(Boolean);
}

async function signatureBoxes(path: string): Promise<{ names: string[]; boxes: Box[]; signed: boolean[] }> {
  const pdf = await PDFDocument.load(readFileSync(path));
  const fields = pdf
    .getForm()
    .getFields()
    .filter((field) => field instanceof PDFSignature);
  return {
    names: fields.map((field) => field.getName()),
    boxes: fields.map((field) => {
      const rect = field.acroField.getWidgets()[0]!.getRectangle();
      return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
    }),
    signed: fields.map((field) => field.acroField.dict.has(PDFName.of('V'))),
  };
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

// Rendering pages and reading their QR codes with outside tools: slow on a busy machine, never timed.
describe('the resolution document', { timeout: 120_000 }, () => {
  it('art. 88 Ley 39/2015: the draft fills facts, grounds, decision and the remedies with their terms from the case', () => {
    const text = draftResolutionText(templates, facts, 'es');
    expect(text.facts).toContain('RE-2026-013579');
    expect(text.facts).toContain('María José Pérez Ñúñez (12345678Z)');
    expect(text.grounds).toContain('TRLOTUP');
    expect(text.decision).toContain('URB-2026-000042');
    expect(text.remedies).toContain('recurso potestativo de reposición');
    expect(text.remedies).toContain('un mes');
    expect(text.remedies).toContain('dos meses');
    for (const part of Object.values(text)) expect(part).not.toMatch(/\{\{/);
  });

  it('art. 14.2 TRLRHL and art. 46 LJCA: tax acts get the prior reposition, a decided reposition only the contentious route', () => {
    expect(draftResolutionText(templates, { ...facts, procedureCode: 'TRI-BIBI' }, 'es').remedies).toContain(
      'art. 14.2',
    );
    const decided = draftResolutionText(templates, { ...facts, procedureCode: 'TRI-REP' }, 'ca-valencia');
    expect(decided.remedies).toContain('només es pot interposar un recurs contenciós administratiu');
    expect(decided.facts).toContain('va presentar una sol·licitud');
  });

  it('prints the number, and the CSV with the verification address and its QR code on every page', async () => {
    const long = draftResolutionText(templates, facts, 'es');
    const path = await written(
      documentFor({ text: { ...long, facts: Array.from({ length: 8 }, () => long.facts).join('\n\n') } }),
      'final',
    );
    expect(qpdfCheck(path)).toMatchObject({ ok: true });
    const pages = pageTexts(path);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0]).toContain('Resolución n.º 2026/000123');
    pages.forEach((text, index) => {
      expect(text).toContain('CSV: K7M2QX9PLR4TZ8WB3NHD');
      expect(text).toContain('https://sede.elche.es/verificar');
      expect(text).toContain(`Página ${index + 1} de ${pages.length}`);
    });
    const link = verificationLink(templates.verificationUrl, 'K7M2QX9PLR4TZ8WB3NHD');
    for (let page = 1; page <= pages.length; page++) expect(qrCodesOnPage(path, page)).toEqual([link]);
  });

  it('leaves one empty signature field per signer, in order, none overlapping, clear of the footer', async () => {
    for (const count of [1, 2, 3, 5, 8]) {
      const names = Array.from({ length: count }, (_, index) => `firma-${index + 1}`);
      const path = await written(documentFor({ signatureFields: names }), `signers-${count}`);
      expect(qpdfCheck(path)).toMatchObject({ ok: true });
      const { names: found, boxes, signed } = await signatureBoxes(path);
      expect(found).toEqual(names);
      expect(signed.every((value) => !value)).toBe(true);
      for (const [index, box] of boxes.entries()) {
        expect(box.width).toBeGreaterThanOrEqual(200);
        expect(box.height).toBeGreaterThanOrEqual(62);
        expect(box.y).toBeGreaterThanOrEqual(96);
        for (const other of boxes.slice(index + 1)) expect(overlaps(box, other)).toBe(false);
      }
    }
  });

  it('marks the preview as a draft, with neither number nor CSV, in the document’s language', async () => {
    const path = await written(
      documentFor({
        locale: 'ca-valencia',
        issuer: templates.issuer['ca-valencia'],
        book: null,
        text: draftResolutionText(templates, facts, 'ca-valencia'),
      }),
      'draft',
    );
    expect(qpdfCheck(path)).toMatchObject({ ok: true });
    const [first] = pageTexts(path);
    expect(first).toContain("Ajuntament d'Elx");
    expect(first).toContain('ANTECEDENTS DE FET');
    expect(first).toContain('RESOLC');
    expect(first).toContain('Esborrany: el número del llibre de resolucions i el CSV s’assignen en signar.');
    expect(first).not.toMatch(/CSV: /);
    expect(qrCodesOnPage(path, 1)).toEqual([]);
  });

  it('names the file and the field when a template file is wrong', () => {
    const broken = join(scratch, 'broken.json');
    writeFileSync(broken, JSON.stringify({ ...templates, verificationUrl: 'http://insecure.example' }));
    expect(() => loadResolutionTemplates(broken)).toThrowError(TemplateDataError);
    expect(() => loadResolutionTemplates(broken)).toThrowError(/broken\.json: verificationUrl/);
  });
});
