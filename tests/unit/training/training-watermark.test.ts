import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, PDFSignature } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { trainingWatermark } from '../../../src/main/office/training-watermark';
import { renderResolution } from '../../../src/main/office/resolutions/render';
import { draftResolutionText, loadResolutionTemplates } from '../../../src/main/office/resolutions/template';
import { qpdfCheck } from '../../support/pdfs/validators';

const scratch = mkdtempSync(join(tmpdir(), 'despacho-watermark-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const templates = loadResolutionTemplates();
const facts = {
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

/** A resolution long enough to take three pages, with two signers' empty fields. */
function longResolution(): Promise<Uint8Array> {
  const text = draftResolutionText(templates, facts, 'es');
  return renderResolution({
    locale: 'es',
    issuer: templates.issuer.es,
    departmentName: facts.departmentName,
    caseNumber: facts.caseNumber,
    procedureName: facts.procedureName,
    applicantName: facts.applicantName,
    text: { ...text, facts: Array(14).fill(text.facts).join('\n\n') },
    signatureFields: ['firma-1-urb-head', 'firma-2-urb-head2'],
    verificationUrl: templates.verificationUrl,
    book: { number: '2026/000123', csv: 'K7M2QX9PLR4TZ8WB3NHD' },
    at: new Date('2026-06-15T08:00:00Z'),
  });
}

function written(bytes: Uint8Array, name: string): string {
  const path = join(scratch, `${name}.pdf`);
  writeFileSync(path, bytes);
  return path;
}

/**
 * pdftotext, one string per page, spaces and line breaks dropped: it reads diagonal text a letter
 * per line. `diagonal: false` has it leave out diagonal text (-nodiag).
 */
function pageTexts(path: string, { diagonal = true } = {}): string[] {
  const result = spawnSync('pdftotext', ['-raw', ...(diagonal ? [] : ['-nodiag']), path, '-'], {
    encoding: 'utf8',
  });
  expect(result.status).toBe(0);
  return result.stdout
    .split('\f')
    .slice(0, -1)
    .map((page) => page.replace(/\s+/g, ''));
}

const spanish = 'FORMACIÓN—SINVALIDEZ';
const valencian = 'FORMACIÓ—SENSEVALIDESA';

describe('the training watermark', () => {
  it('writes "FORMACIÓN — SIN VALIDEZ" (and its Valencian) on every page, and nothing else changes', async () => {
    const plain = await longResolution();
    const marked = await trainingWatermark(plain);
    const before = pageTexts(written(plain, 'plain'));
    const after = pageTexts(written(marked, 'marked'));
    expect(before.length).toBeGreaterThanOrEqual(3);
    expect(after).toHaveLength(before.length);
    for (const page of before) expect(page).not.toContain(spanish);
    for (const page of after) {
      expect(page).toContain(spanish);
      expect(page).toContain(valencian);
    }
    // Across the page, over the text, which stays as it was.
    expect(pageTexts(join(scratch, 'marked.pdf'), { diagonal: false })).toEqual(before);
    expect(qpdfCheck(join(scratch, 'marked.pdf')).ok).toBe(true);
  });

  it('keeps the signers’ empty signature fields and the dates it was rendered with', async () => {
    const plain = await longResolution();
    const marked = await PDFDocument.load(await trainingWatermark(plain), { updateMetadata: false });
    const fields = marked.getForm().getFields();
    expect(fields.map((field) => field.getName())).toEqual(['firma-1-urb-head', 'firma-2-urb-head2']);
    expect(fields.every((field) => field instanceof PDFSignature)).toBe(true);
    expect(marked.getModificationDate()?.toISOString()).toBe('2026-06-15T08:00:00.000Z');
  });

  it('marks the same file the same way: what the office hashes before signing is reproducible', async () => {
    const plain = await longResolution();
    expect(
      Buffer.from(await trainingWatermark(plain)).equals(Buffer.from(await trainingWatermark(plain))),
    ).toBe(true);
  });
});
