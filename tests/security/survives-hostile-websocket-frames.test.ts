import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import type { EventBus } from '../../src/main/events';
import type { LoopbackHost } from '../../src/main/server/host';
import { call, hangLimitMs, nextMessage, openEvents, startFakeDeskHost } from './support/loopback';

/**
 * A token holder's WebSocket sending a message over the 4,096-byte limit, or an unmasked frame,
 * crashed the host: ws reported it as an 'error' on the client socket, which had no listener. That
 * socket is closed with the code saying why; the host and the other sockets go on.
 */
let host: LoopbackHost;
let events: EventBus;

beforeAll(async () => {
  ({ host, events } = await startFakeDeskHost());
});

afterAll(async () => {
  await host?.close();
});

const changed = (caseId: string) => ({ caseIds: [caseId], departmentId: 'd-urb', kind: 'claimed' as const });

/** A signed-in desk listening for events, as a tab of the renderer would. */
async function listeningDesk(deskId: string): Promise<WebSocket> {
  await call(host, 'session.signIn', { userId: `u-${deskId}` }, deskId);
  return openEvents(host, deskId);
}

const closeCode = (socket: WebSocket) =>
  new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));

/** Completes a WebSocket handshake by hand; `received` is every byte after the 101 answer. */
function rawWebSocket(): Promise<{ socket: Socket; received: () => Buffer; closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port: host.port });
    let bytes = Buffer.alloc(0);
    let bodyStart = -1;
    const closed = new Promise<void>((done) => socket.once('close', () => done()));
    socket.on('error', () => undefined);
    socket.on('data', (chunk) => {
      bytes = Buffer.concat([bytes, chunk]);
      if (bodyStart >= 0 || bytes.indexOf('\r\n\r\n') < 0) return;
      bodyStart = bytes.indexOf('\r\n\r\n') + 4;
      const status = bytes.toString('latin1').split('\r\n', 1)[0]!;
      if (status.startsWith('HTTP/1.1 101'))
        resolve({ socket, received: () => bytes.subarray(bodyStart), closed });
      else reject(new Error(status));
    });
    socket.write(
      [
        'GET /api/events HTTP/1.1',
        `Host: 127.0.0.1:${host.port}`,
        'Upgrade: websocket',
        'Connection: Upgrade',
        'Sec-WebSocket-Version: 13',
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
        `Sec-WebSocket-Protocol: despacho.v1, token.${host.token}`,
        '',
        '',
      ].join('\r\n'),
    );
  });
}

describe('a hostile WebSocket client', () => {
  it('sending a message over the limit is closed with 1009, and the other sockets go on', async () => {
    const bystander = await listeningDesk('desk-bystander-1');
    const abuser = await listeningDesk('desk-abuser-1');
    const closed = closeCode(abuser);
    abuser.send('x'.repeat(5000));
    expect(await closed).toBe(1009);

    const delivered = nextMessage(bystander);
    events.emit('cases.changed', changed('c-1'), { kind: 'everyoneSignedIn' });
    expect(await delivered).toMatchObject({ event: 'cases.changed', payload: { caseIds: ['c-1'] } });
    expect((await call(host, 'session.current', {}, 'desk-bystander-1')).status).toBe(200);
    bystander.close();
  });

  it('sending an unmasked frame is closed with 1002, and the host answers on', async () => {
    const { socket, received, closed } = await rawWebSocket();
    // FIN + text opcode, mask bit clear: every frame from a client must be masked (RFC 6455 §5.1).
    socket.write(Buffer.from([0x81, 0x02, 0x68, 0x69]));
    const limit = setTimeout(() => socket.destroy(), hangLimitMs);
    await closed;
    clearTimeout(limit);
    const frame = received();
    expect(frame[0]).toBe(0x88);
    expect(frame.readUInt16BE(2)).toBe(1002);
    expect((await call(host, 'session.current', {})).status).toBe(200);
  });
});
