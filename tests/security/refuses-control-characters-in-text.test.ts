import { describe, expect, it, vi } from 'vitest';
import { demoDeskHostForFile } from './support/demo-desk-host';

/**
 * A NUL character in a search reached PostgreSQL, which cannot store it, and came back as a 500.
 * Over the real host and office: control characters in any text are `invalid_input`, naming the
 * field, and the desk goes on.
 */
vi.setConfig({ testTimeout: 60_000, hookTimeout: 300_000 });

const { call } = demoDeskHostForFile('control', 140);

describe('text with control characters', () => {
  it('is refused with invalid_input and the field, wherever it is sent', async () => {
    const deskId = 'desk-control-chars';
    const invalid = (field: string) => ({ ok: false, error: { code: 'invalid_input', params: { field } } });
    for (const bad of ['\u0000', 'García\u0000López', 'a\u001bb', 'a\u0085b']) {
      const signIn = await call('session.signIn', { userId: `urb-01${bad}` }, deskId);
      expect([signIn.status, signIn.body]).toEqual([400, invalid('userId')]);
    }
    expect((await call('session.signIn', { userId: 'urb-01' }, deskId)).status).toBe(200);
    for (const bad of ['\u0000', 'García\u0000López', 'a\tb', 'a\u009fb']) {
      const search = await call('cases.list', { queue: 'unassigned', filter: { text: bad } }, deskId);
      expect([search.status, search.body]).toEqual([400, invalid('filter.text')]);
      const procedure = await call('cases.claimNext', { filter: { procedureCode: `URB${bad}` } }, deskId);
      expect([procedure.status, procedure.body]).toEqual([400, invalid('filter.procedureCode')]);
      const open = await call('cases.get', { caseId: `1${bad}` }, deskId);
      expect([open.status, open.body]).toEqual([400, invalid('caseId')]);
    }
    const search = await call('cases.list', { queue: 'unassigned', filter: { text: 'García' } }, deskId);
    expect(search.status).toBe(200);
  });
});
