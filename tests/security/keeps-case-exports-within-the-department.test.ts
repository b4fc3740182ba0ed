import { unzipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import type { BookEntry, CaseFileExport } from '../../src/shared/api/index';
import { demoDeskHostForFile } from './support/demo-desk-host';

/**
 * A case's ENI export carries every document of the case and the applicant's NIF: a user who could
 * export any case would take other departments' files home. Over the real loopback host and the
 * demo city: only the department's processors and heads export its closed cases; another
 * department's processor or head finds no such case, the administrator may not ask, somebody
 * signed out is told to sign in, and an id that is no case id is nobody's case.
 */
vi.setConfig({ testTimeout: 120_000, hookTimeout: 300_000 });

const served = demoDeskHostForFile('eni-export', 140);
const { call } = served;

async function signedIn(userId: string): Promise<string> {
  const deskId = `desk-${userId}-export`;
  expect((await call('session.signIn', { userId }, deskId)).status).toBe(200);
  return deskId;
}

/** A resolved (closed) Tributos case, as its head finds it through the resolutions book. */
async function tributosClosedCase(): Promise<string> {
  const head = await signedIn('tri-jefatura');
  const years = await call<{ current: number }>('book.years', {}, head);
  const book = await call<{ entries: BookEntry[] }>(
    'book.search',
    { year: years.body.value!.current, limit: 200 },
    head,
  );
  return book.body.value!.entries.find((entry) => entry.departmentId === 'tributos')!.caseId;
}

describe('the ENI export of a case', () => {
  it('is made for the case’s department only', async () => {
    const caseId = await tributosClosedCase();
    for (const reader of ['tri-jefatura', 'tri-01']) {
      const reply = await call<CaseFileExport>('exports.caseFile', { caseId }, await signedIn(reader));
      expect(reply.status).toBe(200);
      const zip = Buffer.from(reply.body.value!.base64, 'base64');
      expect(zip.length).toBe(reply.body.value!.size);
      expect(Object.keys(unzipSync(new Uint8Array(zip)))).toContain('index.xml.p7s');
    }
    for (const outsider of ['urb-02', 'urb-jefatura']) {
      const reply = await call('exports.caseFile', { caseId }, await signedIn(outsider));
      expect(reply.body).toEqual({ ok: false, error: { code: 'not_found' } });
    }
  });

  it('is refused to the administrator and to somebody signed out', async () => {
    const caseId = await tributosClosedCase();
    expect((await call('exports.caseFile', { caseId }, await signedIn('admin'))).body).toEqual({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect((await call('exports.caseFile', { caseId }, 'desk-nobody')).body).toEqual({
      ok: false,
      error: { code: 'not_signed_in' },
    });
  });

  it('finds no case behind an id that is not a case id', async () => {
    const processor = await signedIn('tri-01');
    for (const caseId of ['0', '-1', '1 OR 1=1', '99999999999', '../1']) {
      const reply = await call('exports.caseFile', { caseId }, processor);
      expect(reply.body).toEqual({ ok: false, error: { code: 'not_found' } });
    }
  });
});
