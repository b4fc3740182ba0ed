import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { demoDeskHostForFile } from '../../security/support/demo-desk-host';
import { nextMessage, openEvents, send as sendTo, writeTinyRenderer } from '../../security/support/loopback';

/**
 * The real loopback host over a real embedded office (PGlite in a temp folder, small demo city: it
 * needs only a case a processor can claim, which the claims test checks it got).
 */
const logged: string[] = [];
const served = demoDeskHostForFile('host', 20, (dir) => {
  writeFileSync(join(dir, 'secret.txt'), 'outside the renderer');
  return { rendererDir: writeTinyRenderer(join(dir, 'renderer')), log: (line) => logged.push(line) };
});

/** The parts of call replies these tests read. */
type CallValue = { id?: string; assigneeId?: string; user?: { id: string } } | null;

const call = (name: string, input: unknown, deskId?: string) => served.call<CallValue>(name, input, deskId);
const send = (method: string, path: string, headers: Record<string, string>, body?: string) =>
  sendTo(served.host, method, path, headers, body);

describe('loopback host', () => {
  it('listens on 127.0.0.1 and hands the token only in the URL fragment', () => {
    expect(served.host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{40,}$/);
  });

  it('refuses calls without the token, or with a wrong one, and runs nothing', async () => {
    const none = await send(
      'POST',
      '/api/call/session.demoUsers',
      { 'x-despacho-desk': 'desk-aaaaaaaa' },
      '{}',
    );
    expect(none.status).toBe(401);
    const wrong = await send(
      'POST',
      '/api/call/session.demoUsers',
      { authorization: `Bearer ${served.host.token.slice(1)}x`, 'x-despacho-desk': 'desk-aaaaaaaa' },
      '{}',
    );
    expect(wrong.status).toBe(401);
  });

  it('refuses a foreign Host or Origin (DNS rebinding, cross-site requests)', async () => {
    const rebound = await send('GET', '/', { host: `evil.example:${served.host.port}` });
    expect(rebound.status).toBe(403);
    const crossSite = await send(
      'POST',
      '/api/call/session.demoUsers',
      {
        authorization: `Bearer ${served.host.token}`,
        'x-despacho-desk': 'desk-aaaaaaaa',
        origin: 'http://evil.example',
      },
      '{}',
    );
    expect(crossSite.status).toBe(403);
  });

  it('answers bad input with 400 and the field, unknown calls with 404, broken JSON with 400', async () => {
    await call('session.signIn', { userId: 'urb-01' });
    const bad = await call('cases.list', { queue: 'everything' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toEqual({ code: 'invalid_input', params: { field: 'queue' } });
    expect((await call('cases.dropAll', {})).body.error?.code).toBe('unknown_call');
    const broken = await send(
      'POST',
      '/api/call/session.current',
      { authorization: `Bearer ${served.host.token}`, 'x-despacho-desk': 'desk-aaaaaaaa' },
      '{not json',
    );
    expect(broken.status).toBe(400);
  });

  it('needs a sign-in before queues, and keeps each desk signed in on its own', async () => {
    expect((await call('cases.queueCounts', {}, 'desk-one-1111')).status).toBe(401);
    const users = (await call('session.demoUsers', {}, 'desk-one-1111')).body.value as unknown as Array<{
      id: string;
    }>;
    const signed = await call('session.signIn', { userId: users[1]!.id }, 'desk-one-1111');
    expect(signed.body.value?.user?.id).toBe(users[1]!.id);
    expect((await call('session.current', {}, 'desk-one-1111')).body.value?.user?.id).toBe(users[1]!.id);
    expect((await call('session.current', {}, 'desk-two-2222')).body.value).toBeNull();
  });

  it('serves claims over HTTP and pushes the change to another desk over the WebSocket', async () => {
    const users = (await call('session.demoUsers', {}, 'desk-a-claims')).body.value as unknown as Array<{
      id: string;
      roles: string[];
      departmentId: string;
    }>;
    const processors = users.filter((user) => user.roles.includes('processor'));
    const first = processors[0]!;
    const colleague = processors.find(
      (user) => user.departmentId === first.departmentId && user.id !== first.id,
    )!;
    await call('session.signIn', { userId: first.id }, 'desk-a-claims');
    await call('session.signIn', { userId: colleague.id }, 'desk-b-claims');

    const socket = await openEvents(served.host, 'desk-a-claims');
    expect(socket.protocol).toBe('despacho.v1');
    const pushed = nextMessage(socket);

    const claimed = await call('cases.claimNext', {}, 'desk-b-claims');
    expect(claimed.status).toBe(200);
    expect(claimed.body.value?.assigneeId).toBe(colleague.id);
    const message = await pushed;
    expect(message).toMatchObject({ event: 'cases.changed', payload: { caseIds: [claimed.body.value?.id] } });

    const again = await call('cases.claim', { caseId: claimed.body.value?.id }, 'desk-a-claims');
    expect(again.status).toBe(409);
    expect(again.body.error?.code).toBe('already_claimed');
    socket.close();
  });

  it('refuses a WebSocket without the token', async () => {
    const socket = new WebSocket(`ws://127.0.0.1:${served.host.port}/api/events`, [
      'despacho.v1',
      'token.nope',
    ]);
    const outcome = await new Promise<string>((resolve) => {
      socket.once('open', () => resolve('open'));
      socket.once('error', () => resolve('refused'));
    });
    expect(outcome).toBe('refused');
  });

  it('serves the renderer with the CSP and never a file outside it', async () => {
    const page = await send('GET', '/', {});
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect((await send('GET', '/assets/app.js', {})).headers['content-type']).toContain('javascript');
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%00']) {
      const reply = await send('GET', path, {});
      expect(reply.body).not.toContain('outside the renderer');
    }
    expect((await send('GET', '/queues/mine', {})).body).toContain('<title>Despacho</title>');
    expect((await send('GET', '/missing.js', {})).status).toBe(404);
  });

  it('logged no failure along the way, and never a NIF or a name', () => {
    expect(logged).toEqual([]);
  });
});
