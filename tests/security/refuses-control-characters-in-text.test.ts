import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { composeDesk, type Desk } from '../../src/main/compose';
import { startLoopbackHost, type LoopbackHost } from '../../src/main/server/host';
import { call } from './support/loopback';

/**
 * A NUL character in a search reached PostgreSQL, which cannot store it, and came back as a 500.
 * Over the real host and office: control characters in any text are `invalid_input`, naming the
 * field, and the desk goes on.
 */
vi.setConfig({ testTimeout: 60_000, hookTimeout: 300_000 });

let dir: string;
let desk: Desk;
let host: LoopbackHost;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'despacho-control-'));
  desk = await composeDesk({ mode: 'embedded', dataDir: join(dir, 'data'), demoCases: 20 });
  host = await startLoopbackHost({
    handlers: desk.handlers,
    actors: desk.actors,
    events: desk.events,
    rendererDir: null,
  });
});

afterAll(async () => {
  await host?.close();
  await desk?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('text with control characters', () => {
  it('is refused with invalid_input and the field, wherever it is sent', async () => {
    const deskId = 'desk-control-chars';
    const invalid = (field: string) => ({ ok: false, error: { code: 'invalid_input', params: { field } } });
    for (const bad of ['\u0000', 'García\u0000López', 'a\u001bb', 'a\u0085b']) {
      const signIn = await call(host, 'session.signIn', { userId: `urb-01${bad}` }, deskId);
      expect([signIn.status, signIn.body]).toEqual([400, invalid('userId')]);
    }
    expect((await call(host, 'session.signIn', { userId: 'urb-01' }, deskId)).status).toBe(200);
    for (const bad of ['\u0000', 'García\u0000López', 'a\tb', 'a\u009fb']) {
      const search = await call(host, 'cases.list', { queue: 'unassigned', filter: { text: bad } }, deskId);
      expect([search.status, search.body]).toEqual([400, invalid('filter.text')]);
      const procedure = await call(
        host,
        'cases.claimNext',
        { filter: { procedureCode: `URB${bad}` } },
        deskId,
      );
      expect([procedure.status, procedure.body]).toEqual([400, invalid('filter.procedureCode')]);
      const open = await call(host, 'cases.get', { caseId: `1${bad}` }, deskId);
      expect([open.status, open.body]).toEqual([400, invalid('caseId')]);
    }
    const search = await call(
      host,
      'cases.list',
      { queue: 'unassigned', filter: { text: 'García' } },
      deskId,
    );
    expect(search.status).toBe(200);
  });
});
