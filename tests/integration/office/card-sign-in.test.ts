import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeDesk, type Desk } from '../../../src/main/compose';
import {
  practiceHolderOf,
  issuePracticeCard,
  practiceSession,
} from '../../../src/main/compose/practice-card';
import { answerSignInChallenge } from '../../../src/main/desk/signing/sign-in-answer';
import type { SigningSession } from '../../../src/main/desk/signing-session';
import { nodeTokenWorkerLauncher } from '../../../src/main/desk/tokens/node-launcher';
import { openTokenService, type TokenService } from '../../../src/main/desk/tokens/token-service';
import { challengeLifetimeMs } from '../../../src/main/office/card-sign-in';
import { seedDemo } from '../../../src/main/office/demo/seed';
import { migrate } from '../../../src/main/office/store/migrate';
import { openStore } from '../../../src/main/office/store/open-store';
import { ApiError } from '../../../src/shared/api/errors';
import type { TestKeyName } from '../../support/softhsm';
import { deskConnection } from '../../support/desk-connection';
import { freshPgliteFolder } from '../../support/fresh-pglite';
import { despachoEnvOnToken, loadTestToken, type TestToken } from '../../support/softhsm';
import { storeEngines } from '../../support/store-engines';
import { calendar, MovableClock, seededOffice } from '../../unit/office/support';

/**
 * Signing in to the shared office (PostgreSQL, the server's composition) with the card: the office
 * issues a one-time challenge, the SoftHSM2 token signs its words, and the office signs in the one
 * active user whose NIF the certificate carries, after checking the signature, the certificate's
 * path to the trust anchors and its validity. Every refusal says why.
 */
const server = 'https://despacho.elche.example';
const seededAt = new Date('2026-06-15T08:00:00Z');

let token: TestToken;
let tokens: TokenService;
let desk: Desk;
const clock = new MovableClock(new Date(Date.now()));

beforeAll(async () => {
  token = loadTestToken();
  tokens = openTokenService({ launch: nodeTokenWorkerLauncher(), modules: [token.modulePath] });
  const [, postgres] = storeEngines(
    mkdtempSync(join(tmpdir(), 'despacho-card-sign-in-')),
    'card_sign_in',
  ).find(([engine]) => engine === 'PostgreSQL')!;
  const location = await postgres();
  if (location.kind !== 'postgres') throw new Error('the shared office runs on PostgreSQL');
  const store = await openStore(location);
  await migrate(store);
  await seedDemo(store, calendar(), { cases: 0, now: seededAt, documents: false });
  // The head of Urbanismo holds the token's RSA card; its EC card's holder is nobody here.
  await store.db
    .updateTable('users')
    .set({ nif: token.keys.rsa2048.holder.nif })
    .where('id', '=', 'urb-jefatura')
    .execute();
  await store.db
    .updateTable('users')
    .set({ nif: token.keys.rsa3072.holder.nif, active: false })
    .where('id', '=', 'urb-01')
    .execute();
  await store.close();
  desk = await composeDesk(
    { mode: 'server', connectionString: location.connectionString, publicAddress: server },
    { env: despachoEnvOnToken(token), now: clock.now },
  );
});
afterAll(async () => {
  await desk?.close();
  await tokens?.close();
});

const cardOf = (key: TestKeyName): Promise<SigningSession> =>
  tokens.openSigningSession({
    module: token.modulePath,
    token: token.tokenLabel,
    key: { id: token.keys[key].id },
    pin: token.userPin,
  });

async function withCard<T>(key: TestKeyName, use: (card: SigningSession) => Promise<T>): Promise<T> {
  const card = await cardOf(key);
  try {
    return await use(card);
  } finally {
    await card.close();
  }
}

const refusal = async (attempt: Promise<unknown>) => {
  const error = await attempt.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ApiError);
  return { code: (error as ApiError).code, reason: (error as ApiError).params?.reason };
};

const refusedFor = (reason: string) => ({ code: 'card_sign_in_refused', reason });

type Connection = ReturnType<typeof deskConnection>;

/** A challenge of `call`'s office, answered by the token's `key`. */
const answered = async (call: Connection, key: TestKeyName) => {
  const issued = await call('session.cardChallenge', {});
  return withCard(key, (card) => answerSignInChallenge(card, issued, server));
};

describe('sign-in with the card on the shared office (PostgreSQL)', () => {
  it('signs in the active user whose NIF the RSA card carries, once per challenge', async () => {
    const call = deskConnection(() => desk, null);
    const issued = await call('session.cardChallenge', {});
    expect(issued.toSign.split('\n').slice(0, 2)).toEqual([
      'Despacho: inicio de sesión con tarjeta',
      `servidor: ${server}`,
    ]);
    const answer = await withCard('rsa2048', (card) => answerSignInChallenge(card, issued, server));
    const signedIn = await call('session.signInWithCard', answer);
    expect(signedIn).toMatchObject({ mode: 'server', user: { id: 'urb-jefatura' } });
    expect((await call('session.current', {}))?.user.id).toBe('urb-jefatura');

    const again = deskConnection(() => desk, null);
    expect(await refusal(again('session.signInWithCard', answer))).toEqual(refusedFor('challenge_unknown'));
    expect(await again('session.current', {})).toBeNull();
  });

  it('an EC card (ECDSA) is checked the same way; a holder with no user here is told so', async () => {
    const call = deskConnection(() => desk, null);
    const answer = await answered(call, 'ecP256');
    expect(answer.scheme).toBe('ecdsa');
    expect(await refusal(call('session.signInWithCard', answer))).toEqual(refusedFor('unknown_holder'));
    expect(await call('session.current', {})).toBeNull();
  });

  it('a deactivated user cannot sign in with their card', async () => {
    const call = deskConnection(() => desk, null);
    const answer = await answered(call, 'rsa3072');
    expect(await refusal(call('session.signInWithCard', answer))).toEqual(refusedFor('unknown_holder'));
  });

  it('refuses a signature over other words, an expired certificate and a challenge past its lifetime', async () => {
    const call = deskConnection(() => desk, null);
    const issued = await call('session.cardChallenge', {});
    const forged = await withCard('rsa2048', async (card) => ({
      ...(await answerSignInChallenge(card, issued, server)),
      signature: Buffer.from(
        await card.sign(new TextEncoder().encode('otras palabras'), { hash: 'SHA-256', scheme: 'rsa-pkcs1' }),
      ).toString('base64'),
    }));
    expect(await refusal(call('session.signInWithCard', forged))).toEqual(refusedFor('bad_signature'));

    const expired = await answered(call, 'rsaExpired');
    expect(await refusal(call('session.signInWithCard', expired))).toEqual(refusedFor('certificate_expired'));

    const answer = await answered(call, 'rsa2048');
    const issuedAt = clock.at;
    clock.at = new Date(issuedAt.getTime() + challengeLifetimeMs + 1_000);
    try {
      expect(await refusal(call('session.signInWithCard', answer))).toEqual(refusedFor('challenge_unknown'));
    } finally {
      clock.at = issuedAt;
    }
    expect(await call('session.current', {})).toBeNull();
  });

  it("a practice card never signs in to the shared office, even naming a real user's NIF", async () => {
    const call = deskConnection(() => desk, null);
    const practice = await issuePracticeCard(
      practiceHolderOf(
        { name: 'Ana Ferrer Soler', nif: token.keys.rsa2048.holder.nif, position: 'Jefa' },
        'Urbanismo',
      ),
      {
        notBefore: new Date(clock.at.getTime() - 86_400_000),
        notAfter: new Date(clock.at.getTime() + 86_400_000),
      },
    );
    const answer = await answerSignInChallenge(
      practiceSession(practice),
      await call('session.cardChallenge', {}),
      server,
    );
    expect(await refusal(call('session.signInWithCard', answer))).toEqual(refusedFor('training_card'));
  });

  it('the desk signs nothing that is not a sign-in challenge naming the server it reaches', async () => {
    const call = deskConnection(() => desk, null);
    const issued = await call('session.cardChallenge', {});
    let signed = 0;
    const counting: SigningSession = {
      certificate: new Uint8Array(),
      chain: [],
      keyAlgorithm: { type: 'rsa', bits: 2048 },
      sign: async () => {
        signed += 1;
        return new Uint8Array();
      },
      close: async () => undefined,
    };
    for (const [words, reached] of [
      [issued, 'https://otro.example'],
      [{ ...issued, toSign: 'Firmo la resolución 2026/000001' }, server],
    ] as const)
      expect(await refusal(answerSignInChallenge(counting, words, reached))).toEqual(
        refusedFor('foreign_challenge'),
      );
    expect(signed).toBe(0);
  });
});

describe('sign-in with the card elsewhere', () => {
  it('a demo office, where people are picked by name, offers no card sign-in', async () => {
    // On a copy of a new PGlite folder: a new in-memory database would run PGlite's initdb again.
    const demo = await seededOffice(0, {
      location: {
        kind: 'pglite',
        dataDir: freshPgliteFolder(mkdtempSync(join(tmpdir(), 'despacho-card-sign-in-demo-'))),
      },
    });
    try {
      expect(await refusal(demo.desk().call('session.cardChallenge', {}))).toEqual({
        code: 'forbidden',
        reason: undefined,
      });
    } finally {
      await demo.office.close();
    }
  });
});
