import { describe, expect, it, vi } from 'vitest';
import type WebSocket from 'ws';
import { websocketDeskId } from '../../src/main/server/desk-events';
import type { CaseDetail, CaseRow } from '../../src/shared/api/index';
import { demoDeskHostForFile } from './support/demo-desk-host';
import { openEvents } from './support/loopback';

/**
 * A processor of Urbanismo could read every department's cases (applicant, NIF, address, history),
 * release another department's case and get its row back, and every WebSocket heard every change.
 * Over the real loopback host and a real embedded office: a user reads and works only their
 * department's cases, and a connection hears only of the cases its user may read.
 */
vi.setConfig({ testTimeout: 120_000, hookTimeout: 300_000 });

const served = demoDeskHostForFile('departments', 140);
const { call } = served;

/** A browser tab signed in (demo picker) as `userId`; its desk id is derived from the user. */
async function signedIn(userId: string): Promise<string> {
  const deskId = `desk-${userId}-tab`;
  expect((await call('session.signIn', { userId }, deskId)).status).toBe(200);
  return deskId;
}

async function unassigned(deskId: string): Promise<CaseRow[]> {
  const reply = await call('cases.list', { queue: 'unassigned', limit: 500 }, deskId);
  expect(reply.status).toBe(200);
  return (reply.body.value as { rows: CaseRow[] }).rows;
}

/** Every message a socket receives, in order. */
function inbox(
  socket: WebSocket,
): Array<{ event: string; payload: { caseIds: string[]; departmentId: string } }> {
  const messages: ReturnType<typeof inbox> = [];
  socket.on('message', (data) => messages.push(JSON.parse(String(data)) as (typeof messages)[number]));
  return messages;
}

async function until(predicate: () => boolean): Promise<void> {
  while (!predicate()) await new Promise((resolve) => setTimeout(resolve, 10));
}

const notFound = { ok: false, error: { code: 'not_found' } };

describe('cases stay within their department', () => {
  it('a processor cannot read any case of another department; their own department’s they can', async () => {
    const urbanismo = await signedIn('urb-01');
    const others = await Promise.all(['tri-01', 'act-01', 'sso-01', 'pad-01'].map(signedIn));
    const foreign = (await Promise.all(others.map(unassigned))).flat();
    expect(foreign.length).toBeGreaterThanOrEqual(20);

    for (const row of foreign) {
      const reply = await call('cases.get', { caseId: row.id }, urbanismo);
      expect(reply.status, row.number).toBe(404);
      expect(reply.body, row.number).toEqual(notFound);
    }

    const [own] = await unassigned(urbanismo);
    const detail = await call('cases.get', { caseId: own!.id }, urbanismo);
    expect(detail.status).toBe(200);
    expect((detail.body.value as CaseDetail).procedure.departmentId).toBe('urbanismo');
    // The department's head reads it too (to review it), and still nothing of another department.
    const head = await signedIn('urb-jefatura');
    expect((await call('cases.get', { caseId: own!.id }, head)).status).toBe(200);
    expect((await call('cases.get', { caseId: foreign[0]!.id }, head)).body).toEqual(notFound);
  });

  it('a claim or a release of another department’s case reveals nothing and changes nothing', async () => {
    const tributos = await signedIn('tri-02');
    const urbanismo = await signedIn('urb-02');
    const claimed = (await call('cases.claimNext', {}, tributos)).body.value as CaseRow;
    expect(claimed.assigneeId).toBe('tri-02');
    const [free] = await unassigned(tributos);

    for (const caseId of [claimed.id, free!.id]) {
      for (const name of ['cases.release', 'cases.claim']) {
        const reply = await call(name, { caseId }, urbanismo);
        expect(reply.status, `${name} ${caseId}`).toBe(404);
        expect(reply.body, `${name} ${caseId}`).toEqual(notFound);
      }
    }
    const after = (id: string) => call('cases.get', { caseId: id }, tributos);
    expect(((await after(claimed.id)).body.value as CaseDetail).case).toMatchObject({
      assigneeId: 'tri-02',
      version: claimed.version,
    });
    expect(((await after(free!.id)).body.value as CaseDetail).case).toMatchObject({
      assigneeId: null,
      version: free!.version,
    });
  });

  it('roles count: a head reads but does not claim, the administrator makes no case call', async () => {
    const head = await signedIn('tri-jefatura');
    expect((await call('cases.queueCounts', {}, head)).status).toBe(200);
    const [free] = await unassigned(head);
    for (const [name, input] of [
      ['cases.claim', { caseId: free!.id }],
      ['cases.claimNext', {}],
      ['cases.release', { caseId: free!.id }],
    ] as const) {
      const reply = await call(name, input, head);
      expect(reply.status, name).toBe(403);
      expect(reply.body, name).toEqual({ ok: false, error: { code: 'forbidden' } });
    }
    const admin = await signedIn('admin');
    for (const [name, input] of [
      ['cases.procedures', {}],
      ['cases.queueCounts', {}],
      ['cases.list', { queue: 'unassigned' }],
      ['cases.get', { caseId: free!.id }],
      ['cases.claimNext', {}],
    ] as const)
      expect((await call(name, input, admin)).body, name).toEqual({
        ok: false,
        error: { code: 'forbidden' },
      });
  });

  it('a connection of another department, or of nobody, hears nothing about a change', async () => {
    const deskIds = {
      tributos: await signedIn('tri-03'),
      tributosHead: await signedIn('tri-jefatura'),
      urbanismo: await signedIn('urb-03'),
      admin: await signedIn('admin'),
      signedOut: 'desk-nobody-signed-in',
    };
    const sockets = Object.fromEntries(
      await Promise.all(
        Object.entries(deskIds).map(
          async ([label, deskId]) => [label, await openEvents(served.host, deskId)] as const,
        ),
      ),
    ) as Record<keyof typeof deskIds, WebSocket>;
    const heard = Object.fromEntries(
      Object.entries(sockets).map(([label, socket]) => [label, inbox(socket)]),
    ) as Record<keyof typeof deskIds, ReturnType<typeof inbox>>;
    try {
      const tributosCase = (await call('cases.claimNext', {}, deskIds.tributos)).body.value as CaseRow;
      await until(() => heard.tributos.length > 0 && heard.tributosHead.length > 0);
      expect(heard.tributos[0]).toEqual({
        event: 'cases.changed',
        payload: { caseIds: [tributosCase.id], departmentId: 'tributos', kind: 'claimed' },
      });
      expect(heard.tributosHead[0]?.payload.caseIds).toEqual([tributosCase.id]);

      // Messages on one socket arrive in order: if the first thing a socket hears is a later
      // change, it heard nothing of the Tributos one.
      const urbanismoCase = (await call('cases.claimNext', {}, deskIds.urbanismo)).body.value as CaseRow;
      await until(() => heard.urbanismo.length > 0);
      expect(heard.urbanismo.map((message) => message.payload.caseIds)).toEqual([[urbanismoCase.id]]);

      await call('session.signIn', { userId: 'sec-01' }, deskIds.signedOut);
      const secretariaCase = (await call('cases.claimNext', {}, deskIds.signedOut)).body.value as CaseRow;
      await until(() => heard.signedOut.length > 0);
      expect(heard.signedOut.map((message) => message.payload.caseIds)).toEqual([[secretariaCase.id]]);
      // The administrator works in Secretaría but reads no cases: not even its own department's.
      served.desk.events.emit(
        'cases.changed',
        { caseIds: ['marker'], departmentId: 'secretaria', kind: 'updated' },
        {
          kind: 'user',
          userId: 'admin',
        },
      );
      await until(() => heard.admin.length > 0);
      expect(heard.admin.map((message) => message.payload.caseIds)).toEqual([['marker']]);
    } finally {
      for (const socket of Object.values(sockets)) socket.close();
    }
  });

  it('a WebSocket that names no desk, or an invalid one, belongs to no desk and so hears nothing', () => {
    const offering = (protocols: string) => websocketDeskId({ 'sec-websocket-protocol': protocols });
    expect(offering('despacho.v1, token.abc, desk.desk-urb-01-tab')).toBe('desk-urb-01-tab');
    expect(offering('despacho.v1, token.abc')).toBeNull();
    expect(offering('despacho.v1, token.abc, desk.short')).toBeNull();
    expect(offering('despacho.v1, token.abc, desk.has/slash-and-more')).toBeNull();
    expect(websocketDeskId({})).toBeNull();
  });
});
