import { describe, expect, it, vi } from 'vitest';
import type { BookEntry } from '../../src/shared/api/index';
import { demoDeskHostForFile } from './support/demo-desk-host';

/**
 * The resolutions book names every resolution of the city hall with its case and signer: a
 * processor who could search it whole would learn other departments' cases. Over the real loopback
 * host and the demo city's book: processors find only their department's entries (by any search),
 * heads and the administrator the whole book, somebody signed out nothing, and the NIF never
 * leaves unmasked.
 */
vi.setConfig({ testTimeout: 120_000, hookTimeout: 300_000 });

const { call } = demoDeskHostForFile('book-departments', 400);
let year: number;

async function signedIn(userId: string): Promise<string> {
  const deskId = `desk-${userId}-book`;
  expect((await call('session.signIn', { userId }, deskId)).status).toBe(200);
  if (year === undefined) {
    const reply = await call('book.years', {}, deskId);
    year = (reply.body.value as { current: number }).current;
  }
  return deskId;
}

async function search(deskId: string, input: Record<string, unknown> = {}) {
  const reply = await call('book.search', { year, limit: 200, ...input }, deskId);
  expect(reply.status).toBe(200);
  return reply.body.value as { total: number; entries: BookEntry[] };
}

describe('the resolutions book', () => {
  it('gives a head and the administrator the whole city hall’s book', async () => {
    const whole = await search(await signedIn('urb-jefatura'));
    expect(whole.total).toBeGreaterThan(5);
    expect(new Set(whole.entries.map((entry) => entry.departmentId)).size).toBeGreaterThan(2);
    expect(await search(await signedIn('admin'))).toEqual(whole);
  });

  it('gives a processor only their department’s entries, whatever they search for', async () => {
    const whole = await search(await signedIn('tri-jefatura'));
    const foreign = whole.entries.filter((entry) => entry.departmentId !== 'urbanismo');
    expect(foreign.length).toBeGreaterThan(0);
    const processor = await signedIn('urb-02');
    const own = await search(processor);
    expect(own.entries.length).toBeGreaterThan(0);
    expect(own.total).toBe(own.entries.length);
    for (const entry of own.entries) expect(entry.departmentId).toBe('urbanismo');
    for (const entry of foreign.slice(0, 10)) {
      expect(await search(processor, { number: entry.number })).toEqual({ total: 0, entries: [] });
      expect(await search(processor, { caseNumber: entry.caseNumber })).toEqual({ total: 0, entries: [] });
    }
  });

  it('tells nothing to somebody signed out, and never shows a whole NIF', async () => {
    const reply = await call('book.search', { year }, 'desk-nobody');
    expect(reply.body).toEqual({ ok: false, error: { code: 'not_signed_in' } });
    const { entries } = await search(await signedIn('sec-jefatura'));
    for (const entry of entries) expect(entry.signer.nif).toMatch(/^\*\*\*\d{4}\*\*$/);
    expect(JSON.stringify(entries)).not.toMatch(/\d{8}[A-Z]/);
  });
});
