import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeDesk, type Desk } from '../../../src/main/compose';
import { officeClient, type OfficeAddress, type OfficeCaller } from '../../../src/main/compose/office-client';
import { remoteSigningOffice } from '../../../src/main/compose/remote-signing-office';
import { openSigningDesk } from '../../../src/main/compose/signing-desk';
import { loadTrustStore } from '../../../src/main/desk/crypto/trust-store';
import { answerSignInChallenge } from '../../../src/main/desk/signing/sign-in-answer';
import { nodeTokenWorkerLauncher } from '../../../src/main/desk/tokens/node-launcher';
import { openTokenService, type TokenService } from '../../../src/main/desk/tokens/token-service';
import { earlierSignatureStates } from '../../../src/main/desk/verify/earlier-signatures';
import { EventBus } from '../../../src/main/events';
import { seedDemo } from '../../../src/main/office/demo/seed';
import { defaultHoldMs } from '../../../src/main/office/signatures/signing-port';
import { migrate } from '../../../src/main/office/store/migrate';
import { openStore } from '../../../src/main/office/store/open-store';
import { startLoopbackHost, type LoopbackHost } from '../../../src/main/server/host';
import type { Actor } from '../../../src/shared/api/access';
import { ApiError } from '../../../src/shared/api/errors';
import type { CallInput } from '../../../src/shared/api/index';
import type { TestKeyName } from '../../support/softhsm';
import { casesInProgress, deskConnection, sendDraftedResolution } from '../../support/desk-connection';
import { despachoEnvOnToken, loadTestToken, type TestToken } from '../../support/softhsm';
import { storeEngines } from '../../support/store-engines';
import { expectSignedPdfValid } from '../../unit/signing/support/checks';
import { calendar, MovableClock } from '../../unit/office/support';

/**
 * The reserve → sign → confirm protocol when the office is remote: the shared office (PostgreSQL,
 * the server's composition) behind its HTTP binding, and a desk in another place holding the card
 * (SoftHSM2). The desk signs in to the office with the card, prepares through the office's calls,
 * signs with one PIN and hands the signed files back; the office checks each one against what it
 * rendered. A desk killed between prepare and confirm leaves its numbers held until the hold ends,
 * and the book never has a gap.
 */
const publicAddress = 'https://despacho.elche.example';
const clock = new MovableClock(new Date());
const scratch = mkdtempSync(join(tmpdir(), 'despacho-remote-signing-'));

let token: TestToken;
let tokens: TokenService;
let office: Desk;
let host: LoopbackHost;

beforeAll(async () => {
  token = loadTestToken();
  tokens = openTokenService({ launch: nodeTokenWorkerLauncher(), modules: [token.modulePath] });
  const [, postgres] = storeEngines(scratch, 'remote_signing').find(([engine]) => engine === 'PostgreSQL')!;
  const location = await postgres();
  if (location.kind !== 'postgres') throw new Error('the shared office runs on PostgreSQL');
  const store = await openStore(location);
  await migrate(store);
  await seedDemo(store, calendar(), { cases: 400, now: clock.now(), documents: false });
  // The heads of Urbanismo and Tributos hold the token's RSA and EC cards.
  for (const [user, key] of [
    ['urb-jefatura', 'rsa2048'],
    ['tri-jefatura', 'ecP256'],
  ] as const)
    await store.db
      .updateTable('users')
      .set({ nif: token.keys[key].holder.nif })
      .where('id', '=', user)
      .execute();
  await store.close();
  office = await composeDesk(
    { mode: 'server', connectionString: location.connectionString, publicAddress },
    { env: despachoEnvOnToken(token), now: clock.now },
  );
  host = await hostTheOffice();
});

/** The office behind its HTTP binding (on `port` with `token` again, to bring it back after it stopped). */
const hostTheOffice = (again: { port: number; token: string } | Record<string, never> = {}) =>
  startLoopbackHost({
    handlers: office.handlers,
    actors: office.actors,
    events: office.events,
    rendererDir: null,
    ...again,
  });
afterAll(async () => {
  await host?.close();
  await office?.close();
  await tokens?.close();
  rmSync(scratch, { recursive: true, force: true });
});

const addressOf = (deskId: string): OfficeAddress => ({
  origin: `http://127.0.0.1:${host.port}`,
  token: host.token,
  deskId,
});

/** A desk connection to the office over HTTP, signed in with the token's `key` as the office checks it. */
async function signedInDesk(deskId: string, key: TestKeyName): Promise<{ call: OfficeCaller; actor: Actor }> {
  const call = officeClient(addressOf(deskId));
  const issued = await call('session.cardChallenge', {});
  const card = await tokens.openSigningSession({
    module: token.modulePath,
    token: token.tokenLabel,
    key: { id: token.keys[key].id },
    pin: token.userPin,
  });
  const answer = await answerSignInChallenge(card, issued, publicAddress).finally(() => card.close());
  const { user } = await call('session.signInWithCard', answer);
  return {
    call,
    actor: { id: user.id, name: user.name, departmentId: user.departmentId, roles: user.roles },
  };
}

/** Urbanismo cases in progress, one per resolution sent to its head. */
const nextCase = casesInProgress(() => office, 'urb');
async function sendToHead(): Promise<string> {
  const { processor, caseId } = await nextCase();
  return sendDraftedResolution(
    deskConnection(() => office, processor),
    caseId,
    'urb-jefatura',
  );
}

/** The desk's signing service over the remote office; every signed file it hands back is kept in `sent`. */
function remoteSigningDesk(call: OfficeCaller) {
  const sent: Uint8Array[] = [];
  const recording: OfficeCaller = (name, input) => {
    if (name === 'signingOffice.confirm')
      sent.push(Buffer.from((input as { signedPdfBase64: string }).signedPdfBase64, 'base64'));
    return call(name, input);
  };
  const trust = loadTrustStore({ extraDirs: [token.anchorsDir], env: {} });
  const desk = openSigningDesk({
    office: remoteSigningOffice(recording),
    tokens,
    knowsModule: (module) => module === token.modulePath,
    events: new EventBus(),
    signing: {
      intermediates: trust.intermediates.map((stored) => new Uint8Array(stored.certificate.raw)),
      earlierSignatures: earlierSignatureStates,
    },
    workDir: scratch,
  });
  return { desk, sent, trust };
}

const contextOf = (actor: Actor) => ({
  actor,
  connectionId: 'remote-desk',
  session: { get: () => actor.id, set: () => undefined },
});
const cardKey = () => ({
  token: { module: token.modulePath, label: token.tokenLabel },
  certificate: { id: token.keys.rsa2048.id },
  pin: token.userPin,
  confirmFinalTry: false,
});
const codeOf = (attempt: Promise<unknown>) =>
  attempt.then(
    () => 'no error',
    (error: unknown) => (error instanceof ApiError ? error.code : String(error)),
  );
const numberOf = (label: string) => Number(label.split('/')[1]);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A desk process that prepares over HTTP and is killed with SIGKILL before it confirms. */
async function prepareInAProcessThenKillIt(deskId: string, requestIds: string[]): Promise<string[]> {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const script = join(import.meta.dirname, '..', '..', 'support', 'signatures', 'remote-prepare-and-hold.ts');
  const child = spawn(
    process.execPath,
    ['--import', tsx, script, JSON.stringify(addressOf(deskId)), ...requestIds],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const numbers = await new Promise<string[]>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('\n')) resolve(JSON.parse(output) as string[]);
    });
    child.once('exit', (code) => reject(new Error(`the desk process exited (${code}) first:\n${errors}`)));
  });
  const gone = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await gone;
  return numbers;
}

describe('signing at a desk whose office is remote (HTTP, PostgreSQL, SoftHSM2)', () => {
  it('a head signs a batch with one PIN: consecutive numbers, each signed file checked and booked by the office', async () => {
    const { call, actor } = await signedInDesk('remote-desk-urb-1', 'rsa2048');
    expect(actor).toMatchObject({ id: 'urb-jefatura', roles: ['head'] });
    const requestIds = [await sendToHead(), await sendToHead(), await sendToHead()];
    const { desk, sent, trust } = remoteSigningDesk(call);
    try {
      const started = await desk.handlers['signing.start']({ requestIds }, contextOf(actor));
      const prepared = started.entries.map((entry) => {
        if (!entry.ok) throw new Error(`refused: ${entry.refusal.code}`);
        return entry;
      });
      const numbers = prepared.map((entry) => numberOf(entry.number));
      expect(numbers).toEqual([numbers[0], numbers[0]! + 1, numbers[0]! + 2]);
      for (const entry of prepared) expect(sha256(Buffer.from(entry.pdfBase64, 'base64'))).toBe(entry.sha256);

      const run = await desk.handlers['signing.sign'](
        { batchId: started.batchId, ...cardKey() },
        contextOf(actor),
      );
      expect(run).toMatchObject({ status: 'done', failure: null });
      expect(run.items.map((item) => item.state)).toEqual(['signed', 'signed', 'signed']);

      const book = await call('book.search', {
        year: clock.now().getUTCFullYear(),
        sort: 'number_asc',
        limit: 200,
      });
      expect(sent).toHaveLength(3);
      for (const [index, entry] of prepared.entries()) {
        const booked = book.entries.find((row) => row.label === entry.number)!;
        expect(booked).toMatchObject({ signer: { id: 'urb-jefatura' } });
        expect(booked.sha256).toBe(sha256(sent[index]!));
        const source = join(scratch, `prepared-${index}.pdf`);
        const signed = join(scratch, `signed-${index}.pdf`);
        writeFileSync(source, Buffer.from(entry.pdfBase64, 'base64'));
        writeFileSync(signed, sent[index]!);
        await expectSignedPdfValid(signed, { source, signatures: 1, caFile: token.root.pem, store: trust });
      }
    } finally {
      await desk.close();
    }
  });

  it('a desk killed between prepare and confirm: its numbers stay held until the hold ends, then the next batch takes them; no gap', async () => {
    const { call, actor } = await signedInDesk('remote-desk-urb-2', 'rsa2048');
    const requestIds = [await sendToHead(), await sendToHead()];
    const held = await prepareInAProcessThenKillIt('remote-desk-urb-2', requestIds);
    expect(held.map(numberOf)).toEqual([numberOf(held[0]!), numberOf(held[0]!) + 1]);

    const { desk } = remoteSigningDesk(call);
    try {
      // Still held for the dead desk: a batch now gets the numbers after them, and cancelling gives those back.
      const meanwhile = await desk.handlers['signing.start']({ requestIds }, contextOf(actor));
      expect(
        meanwhile.entries.map((entry) => (entry.ok ? numberOf(entry.number) : entry.refusal.code)),
      ).toEqual([numberOf(held[1]!) + 1, numberOf(held[1]!) + 2]);
      expect(await desk.handlers['signing.cancel']({ batchId: meanwhile.batchId }, contextOf(actor))).toEqual(
        {
          released: 2,
        },
      );

      clock.at = new Date(clock.at.getTime() + defaultHoldMs + 1);
      const later = await desk.handlers['signing.start']({ requestIds }, contextOf(actor));
      expect(later.entries.map((entry) => (entry.ok ? entry.number : entry.refusal.code))).toEqual(held);
      const run = await desk.handlers['signing.sign'](
        { batchId: later.batchId, ...cardKey() },
        contextOf(actor),
      );
      expect(run.items.map((item) => item.state)).toEqual(['signed', 'signed']);

      const { entries } = await call('book.search', {
        year: clock.now().getUTCFullYear(),
        sort: 'number_asc',
        limit: 200,
      });
      const booked = entries.map((entry) => entry.number);
      expect(booked).toEqual(Array.from({ length: booked.length }, (_, index) => booked[0]! + index));
      expect(booked).toEqual(expect.arrayContaining(held.map(numberOf)));
    } finally {
      await desk.close();
    }
  });

  it('the office trusts nothing the desk sends: a file that is not its rendering plus one signature is refused and its number goes back; another department cannot give a number back', async () => {
    const urb = await signedInDesk('remote-desk-urb-3', 'rsa2048');
    const tri = await signedInDesk('remote-desk-tri-1', 'ecP256');
    expect(tri.actor).toMatchObject({ id: 'tri-jefatura' });
    const port = remoteSigningOffice(urb.call);
    const [first] = await port.prepare(urb.actor, [await sendToHead()]);
    if (!first || 'error' in first) throw new Error('not prepared');

    // Another department's head names the reservation: it stays held (the next batch gets the number after it).
    await remoteSigningOffice(tri.call).release(tri.actor, [first]);
    const [second] = await port.prepare(urb.actor, [await sendToHead()]);
    if (!second || 'error' in second) throw new Error('not prepared');
    expect(numberOf(second.number)).toBe(numberOf(first.number) + 1);
    await port.release(urb.actor, [second]);

    // Bytes appended to the rendering are no signature; a ticket claiming other bytes does not match the rendering.
    const appended = new Uint8Array([...first.pdf, ...Buffer.from('\n%%EOF\n')]);
    expect(await codeOf(port.confirm(urb.actor, first, appended))).toBe('signature_invalid_signed_file');
    const [again] = await port.prepare(urb.actor, [first.requestId]);
    if (!again || 'error' in again) throw new Error('not prepared');
    expect(again.number).toBe(first.number);
    expect(
      await codeOf(
        port.confirm(urb.actor, { ...again, sha256: sha256(new Uint8Array(again.size)) }, appended),
      ),
    ).toBe('signature_invalid_signed_file');
    const [third] = await port.prepare(urb.actor, [again.requestId]);
    if (!third || 'error' in third) throw new Error('not prepared');
    expect(third.number).toBe(first.number);
    await port.release(urb.actor, [third]);
  });

  it('the office goes out of reach mid-batch: the batch stops saying so, signs nothing more, and the retry books the rest with their numbers once it is back', async () => {
    const deskId = 'remote-desk-urb-4';
    let current = await signedInDesk(deskId, 'rsa2048');
    const requestIds = [await sendToHead(), await sendToHead(), await sendToHead(), await sendToHead()];
    let bookingFirst!: (booked: Promise<unknown>) => void;
    const firstBooked = new Promise<unknown>((resolve) => (bookingFirst = resolve));
    let gone = false;
    // The office stops once it booked the first signed file, just as the desk hands back the second
    // (a server restart, a cut cable): the desk may already be signing the third. Told apart by
    // their requests, not by the order the calls arrive in: the desk stores a signed file while the
    // card signs the next, so under load the second's confirmation may come first.
    const goneMidway: OfficeCaller = async (name, input) => {
      if (name !== 'signingOffice.confirm') return current.call(name, input);
      const { requestId } = input as CallInput<'signingOffice.confirm'>;
      if (requestId === requestIds[0]) {
        const booked = current.call(name, input);
        bookingFirst(booked.catch(() => undefined));
        return booked;
      }
      if (requestId === requestIds[1] && !gone) {
        gone = true;
        await firstBooked;
        await host.close();
      }
      return current.call(name, input);
    };
    const { desk, sent } = remoteSigningDesk(goneMidway);
    try {
      const started = await desk.handlers['signing.start']({ requestIds }, contextOf(current.actor));
      const numbers = started.entries.map((entry) => (entry.ok ? entry.number : entry.refusal.code));
      const run = await desk.handlers['signing.sign'](
        { batchId: started.batchId, ...cardKey() },
        contextOf(current.actor),
      );
      expect(run.status).toBe('stopped');
      expect(run.failure).toMatchObject({ kind: 'office', code: 'no_connection' });
      const states = run.items.map((item) => item.state);
      expect(states.slice(0, 2)).toEqual(['signed', 'failed_after_signing']);
      // The card signs at most the one document already under way when the office went; nothing after it.
      expect(states[3]).toBe('failed_before_signing');
      expect(sent.length).toBeLessThanOrEqual(3);
      for (const item of run.items.slice(1)) expect(item.failure).toMatchObject({ code: 'no_connection' });

      host = await hostTheOffice({ port: host.port, token: host.token });
      // A restarted host knows no sign-in: the desk signs in again with the card, as its user would.
      await expect(current.call('session.current', {})).resolves.toBeNull();
      current = await signedInDesk(deskId, 'rsa2048');
      const retried = await desk.handlers['signing.sign'](
        { batchId: started.batchId, ...cardKey() },
        contextOf(current.actor),
      );
      expect(retried).toMatchObject({ status: 'done', failure: null });
      expect(retried.items.map((item) => [item.number, item.state])).toEqual(
        numbers.map((n) => [n, 'signed']),
      );
      const { entries } = await current.call('book.search', {
        year: clock.now().getUTCFullYear(),
        sort: 'number_asc',
        limit: 200,
      });
      expect(entries.filter((entry) => numbers.includes(entry.label))).toHaveLength(4);
    } finally {
      await desk.close();
    }
  });

  it('an office that cannot be reached is no connection, not a refusal', async () => {
    const unreachable = officeClient({
      origin: 'http://127.0.0.1:9',
      token: host.token,
      deskId: 'remote-desk-x1',
    });
    expect(await codeOf(unreachable('session.current', {}))).toBe('no_connection');
    const wrongToken = officeClient({ ...addressOf('remote-desk-x2'), token: 'not-the-token' });
    expect(await codeOf(wrongToken('session.current', {}))).toBe('forbidden');
  });
});
