import { createPublicKey, verify, X509Certificate } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { issuePracticeCard } from '../../../src/main/compose/practice-card';
import { openTokenService, type TokenService } from '../../../src/main/desk/tokens/token-service';
import { practiceCardLauncher } from '../../../src/main/desk/training-card/launcher';
import {
  createPracticeCard,
  practiceModule,
  type PracticeCard,
  type PracticeCardFaults,
  type PracticeKey,
} from '../../../src/main/desk/training-card/practice-card';

/**
 * The practice card behind the desk's own token service (the one real cards go through): its PIN,
 * tries left and lock, removal and insertion, and the faults a scenario scripts.
 */
const pin = '1234';
let keys: PracticeKey[];

beforeAll(async () => {
  const issued = await issuePracticeCard(
    { givenName: 'Alba', surname: 'Prácticas Ferrer', nif: '12345678Z', position: 'Jefa', unit: 'Urbanismo' },
    { notBefore: new Date('2026-01-01T00:00:00Z'), notAfter: new Date('2030-01-01T00:00:00Z') },
  );
  keys = [{ id: '01', label: 'Alba Prácticas Ferrer', certificate: issued.certificate, key: issued.key }];
});

const services: TokenService[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((service) => service.close()));
});

function practiceDesk(faults: PracticeCardFaults = {}): { card: PracticeCard; tokens: TokenService } {
  const card = createPracticeCard({ keys, pin, faults });
  const tokens = openTokenService({
    launch: practiceCardLauncher(card.driver),
    modules: [practiceModule],
    pollIntervalMs: 20,
  });
  services.push(tokens);
  return { card, tokens };
}

const session = (tokens: TokenService, typed: string, confirmFinalTry = false) =>
  tokens.openSigningSession({
    module: practiceModule,
    token: 'FORMACION',
    key: { id: '01' },
    pin: typed,
    confirmFinalTry,
  });

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'opened',
    (error: { code?: string }) => error.code,
  );

const pinState = async (tokens: TokenService) => (await tokens.listTokens()).tokens[0]?.pin;

describe('the practice card', () => {
  it('is listed like a card, and signs with its key under the right PIN', async () => {
    const { tokens } = practiceDesk();
    const list = await tokens.listTokens();
    expect(list.modules).toEqual([expect.objectContaining({ path: practiceModule, status: 'loaded' })]);
    expect(list.tokens).toEqual([expect.objectContaining({ label: 'FORMACION', pin: 'ready' })]);
    const certificates = await tokens.listCertificates(list.tokens[0]!);
    expect(certificates.map((certificate) => certificate.holder.nif)).toEqual(['12345678Z']);

    const signer = await session(tokens, pin);
    const data = new TextEncoder().encode('atributos firmados');
    const signature = await signer.sign(data, { hash: 'SHA-256', scheme: 'ecdsa' });
    const publicKey = createPublicKey(
      new X509Certificate(signer.certificate).publicKey.export({ format: 'pem', type: 'spki' }),
    );
    expect(verify('sha256', data, publicKey, signature)).toBe(true);
    expect(signer.pinPerSignature).toBe(false);
    await signer.close();
  });

  it('counts wrong PINs as a card does: tries low, the final try only when confirmed, then locked for good', async () => {
    const { tokens } = practiceDesk();
    expect(await codeOf(session(tokens, '0000'))).toBe('pin_incorrect_low');
    expect(await pinState(tokens)).toBe('countLow');
    expect(await codeOf(session(tokens, '0000'))).toBe('pin_incorrect_final');
    expect(await pinState(tokens)).toBe('finalTry');
    // The last try is never spent without the holder saying so, not even with the right PIN.
    expect(await codeOf(session(tokens, pin))).toBe('pin_final_try_needs_confirmation');
    expect(await codeOf(session(tokens, '0000', true))).toBe('pin_locked');
    expect(await pinState(tokens)).toBe('locked');
    expect(await codeOf(session(tokens, pin, true))).toBe('pin_locked');
  });

  it('a right PIN gives every try back', async () => {
    const { tokens } = practiceDesk();
    expect(await codeOf(session(tokens, '0000'))).toBe('pin_incorrect_low');
    const signer = await session(tokens, pin);
    await signer.close();
    expect(await pinState(tokens)).toBe('ready');
  });

  it('scripted: refuses the first PIN typed, right or not, then takes the right one', async () => {
    const { tokens } = practiceDesk({ refuseFirstPin: true });
    expect(await codeOf(session(tokens, pin))).toBe('pin_incorrect_low');
    const signer = await session(tokens, pin);
    await signer.close();
    expect(await pinState(tokens)).toBe('ready');
  });

  it('scripted: pulled out in the middle of a batch, it fails the next signature as removed, and is back once inserted', async () => {
    const { card, tokens } = practiceDesk({ removeAfterSignatures: 2 });
    const signer = await session(tokens, pin);
    const data = new Uint8Array([1, 2, 3]);
    await signer.sign(data, { hash: 'SHA-256', scheme: 'ecdsa' });
    await signer.sign(data, { hash: 'SHA-256', scheme: 'ecdsa' });
    await expect(signer.sign(data, { hash: 'SHA-256', scheme: 'ecdsa' })).rejects.toMatchObject({
      code: 'token_removed',
    });
    await signer.close();
    expect((await tokens.listTokens()).tokens).toEqual([]);
    expect(await codeOf(session(tokens, pin))).toBe('token_not_found');

    card.reset();
    expect((await tokens.listTokens()).tokens).toHaveLength(1);
  });

  it('scripted: pulled out once; put back, its old session stays dead and a new one signs the rest', async () => {
    const { card, tokens } = practiceDesk({ removeAfterSignatures: 1 });
    const data = new Uint8Array([1, 2, 3]);
    const before = await session(tokens, pin);
    await before.sign(data, { hash: 'SHA-256', scheme: 'ecdsa' });
    await expect(before.sign(data, { hash: 'SHA-256', scheme: 'ecdsa' })).rejects.toMatchObject({
      code: 'token_removed',
    });
    card.insert();
    await expect(before.sign(data, { hash: 'SHA-256', scheme: 'ecdsa' })).rejects.toMatchObject({
      code: 'token_removed',
    });
    await before.close();
    const after = await session(tokens, pin);
    await after.sign(data, { hash: 'SHA-256', scheme: 'ecdsa' });
    await after.sign(data, { hash: 'SHA-256', scheme: 'ecdsa' });
    await after.close();
  });

  it('tells the desk when it is pulled out and put back, as the tray listens for real cards', async () => {
    const { card, tokens } = practiceDesk();
    const seen: number[] = [];
    const changed = new Promise<void>((resolve) => {
      const stop = tokens.onTokensChanged((list) => {
        seen.push(list.tokens.length);
        if (seen.length === 2) {
          stop();
          resolve();
        }
        if (seen.length === 1) card.insert();
      });
    });
    // The first listing is the baseline; the removal and the insertion are the news.
    await tokens.listTokens();
    setTimeout(() => card.remove(), 50);
    await changed;
    expect(seen).toEqual([0, 1]);
  });

  it('scripted: a card that asks the PIN for every signature says so when the batch opens', async () => {
    const { tokens } = practiceDesk({ pinPerSignature: true });
    const signer = await session(tokens, pin);
    expect(signer.pinPerSignature).toBe(true);
    await signer.close();
  });

  it('answers for no other module: a real card module named to it is never loaded', async () => {
    const { tokens } = practiceDesk();
    const list = await tokens.listTokens(['/usr/lib/softhsm/libsofthsm2.so']);
    expect(list).toEqual({
      modules: [expect.objectContaining({ path: '/usr/lib/softhsm/libsofthsm2.so', status: 'failed' })],
      tokens: [],
    });
    await expect(
      tokens.openSigningSession({
        module: '/usr/lib/softhsm/libsofthsm2.so',
        token: 'FORMACION',
        key: { id: '01' },
        pin,
      }),
    ).rejects.toMatchObject({ code: 'module_load_failed' });
  });
});
