import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CKA,
  CKF_TOKEN,
  CKM,
  CKO_CERTIFICATE,
  CKO_PRIVATE_KEY,
  CKR,
} from '../../../src/main/desk/tokens/constants';
import { TokenError } from '../../../src/main/desk/tokens/errors';
import type { WorkerRequest, WorkerResult } from '../../../src/main/desk/tokens/protocol';
import { Pkcs11Failure } from '../../../src/main/desk/tokens/pkcs11-failure';
import { createTokenDriver, type Pkcs11 } from '../../../src/main/desk/tokens/worker/token-driver';
import { thrownBy } from './support/outcome';

const ready = CKF_TOKEN.TOKEN_INITIALIZED | CKF_TOKEN.USER_PIN_INITIALIZED | CKF_TOKEN.LOGIN_REQUIRED;
const pin = '123456';

const rvError = (rv: number) => Object.assign(new Error(`rv ${rv}`), { code: rv });

interface FakeObject {
  handle: Buffer;
  class: number;
  id: Buffer;
  label: string;
  value?: Buffer;
}

/**
 * One card in one reader, as a PKCS#11 module behaves: the login belongs to the token, so a
 * C_Logout on any session logs every session out.
 */
class FakeCard {
  flags = ready;
  loggedIn = false;
  logins: { userType: number; pin: string | undefined }[] = [];
  logouts = 0;
  wrongPinFlags = 0;
  readonly sessions = new Set<string>();
  private nextSession = 1;
  private found: FakeObject[] = [];
  readonly slot = Buffer.from([7, 0, 0, 0, 0, 0, 0, 0]);
  readonly objects: FakeObject[] = [
    {
      handle: Buffer.from([1]),
      class: CKO_CERTIFICATE,
      id: Buffer.from('a1', 'hex'),
      label: 'Firma',
      value: Buffer.from([0x30, 0x00]),
    },
    { handle: Buffer.from([2]), class: CKO_PRIVATE_KEY, id: Buffer.from('a1', 'hex'), label: 'Firma' },
  ];

  pkcs11(): Pkcs11 {
    const session = (handle: Buffer) => {
      if (!this.sessions.has(handle.toString('hex'))) throw rvError(CKR.SESSION_HANDLE_INVALID);
    };
    const fake = {
      load: () => undefined,
      close: () => undefined,
      C_Initialize: () => undefined,
      C_Finalize: () => undefined,
      C_GetInfo: () => ({ libraryDescription: 'Fake', manufacturerID: 'Pruebas' }),
      C_GetSlotList: () => [this.slot],
      C_GetSlotInfo: () => ({ slotDescription: 'Lector' }),
      C_GetTokenInfo: () => ({
        label: 'DNIe',
        manufacturerID: 'FNMT',
        model: 'CERES',
        serialNumber: '1',
        flags: this.flags,
      }),
      C_GetMechanismList: () => [CKM.SHA256_RSA_PKCS],
      C_OpenSession: () => {
        const handle = Buffer.from([this.nextSession++]);
        this.sessions.add(handle.toString('hex'));
        return handle;
      },
      C_CloseSession: (handle: Buffer) => {
        this.sessions.delete(handle.toString('hex'));
      },
      C_Login: (handle: Buffer, userType: number, given?: string) => {
        session(handle);
        this.logins.push({ userType, pin: given });
        if (userType === 1 && this.loggedIn) throw rvError(CKR.USER_ALREADY_LOGGED_IN);
        if (given !== pin) {
          this.flags |= this.wrongPinFlags;
          throw rvError(CKR.PIN_INCORRECT);
        }
        this.loggedIn = true;
      },
      C_Logout: (handle: Buffer) => {
        session(handle);
        if (!this.loggedIn) throw rvError(CKR.USER_NOT_LOGGED_IN);
        this.logouts++;
        this.loggedIn = false;
      },
      C_FindObjectsInit: (handle: Buffer, template: { type: number; value: unknown }[]) => {
        session(handle);
        this.found = this.objects.filter((object) =>
          template.every(({ type, value }) => {
            if (type === CKA.CLASS) return object.class === value;
            if (type === CKA.ID) return object.id.equals(value as Buffer);
            if (type === CKA.LABEL) return object.label === value;
            return false;
          }),
        );
      },
      C_FindObjects: () => this.found.splice(0, this.found.length).map((object) => object.handle),
      C_FindObjectsFinal: () => undefined,
      C_GetAttributeValue: (_: Buffer, handle: Buffer, [{ type }]: [{ type: number }]) => {
        const object = this.objects.find((candidate) => candidate.handle.equals(handle))!;
        const value =
          type === CKA.VALUE
            ? object.value
            : type === CKA.ID
              ? object.id
              : type === CKA.LABEL
                ? Buffer.from(object.label)
                : undefined;
        if (!value) throw rvError(0x12);
        return [{ type, value }];
      },
      C_SignInit: (handle: Buffer) => session(handle),
      C_Sign: (handle: Buffer) => {
        session(handle);
        if (!this.loggedIn) throw rvError(CKR.USER_NOT_LOGGED_IN);
        return Buffer.from([0xaa, 0xbb]);
      },
    };
    return fake as unknown as Pkcs11;
  }
}

let module: string;
beforeAll(() => {
  // The driver checks that a module file exists before loading it.
  module = join(mkdtempSync(join(tmpdir(), 'despacho-driver-')), 'fake-pkcs11.so');
  writeFileSync(module, '');
});

function driverFor(card: FakeCard) {
  const driver = createTokenDriver(() => card.pkcs11());
  const open = (key: { id: string }, given: string | null = pin, confirmFinalTry = false) =>
    driver.handle({
      op: 'openSession',
      module,
      slotId: '7',
      key,
      pin: given,
      confirmFinalTry,
    }) as WorkerResult<'openSession'>;
  const sign = (sessionId: string, type: number = CKM.SHA256_RSA_PKCS) =>
    driver.handle({ op: 'sign', sessionId, mechanism: { type }, data: 'AQID' }) as WorkerResult<'sign'>;
  const handle = (request: WorkerRequest) => driver.handle(request);
  return { open, sign, handle };
}

describe('the token driver opening sessions', () => {
  it('logs in with the PIN and gives the certificate with its key', () => {
    const card = new FakeCard();
    const opened = driverFor(card).open({ id: 'a1' });
    expect(card.logins).toEqual([{ userType: 1, pin }]);
    expect(opened.certificate).toMatchObject({ id: 'a1', label: 'Firma' });
    expect(opened.mechanisms).toEqual([CKM.SHA256_RSA_PKCS]);
  });

  it('reports a wrong PIN with the token flags read after it', () => {
    const card = new FakeCard();
    card.wrongPinFlags = CKF_TOKEN.USER_PIN_COUNT_LOW;
    const error = thrownBy(() => driverFor(card).open({ id: 'a1' }, '000000'));
    expect(error).toBeInstanceOf(Pkcs11Failure);
    expect((error as Pkcs11Failure).rv).toBe(CKR.PIN_INCORRECT);
    expect((error as Pkcs11Failure).tokenFlags! & CKF_TOKEN.USER_PIN_COUNT_LOW).toBeTruthy();
  });

  it.each([
    ['a locked PIN', CKF_TOKEN.USER_PIN_LOCKED, 'pin_locked'],
    ['a PIN-pad reader', CKF_TOKEN.PROTECTED_AUTHENTICATION_PATH, 'pinpad_unsupported'],
    ['a final try not confirmed', CKF_TOKEN.USER_PIN_FINAL_TRY, 'pin_final_try_needs_confirmation'],
  ] as const)('does not try the PIN on %s', (_, flag, code) => {
    const card = new FakeCard();
    card.flags |= flag;
    const error = thrownBy(() => driverFor(card).open({ id: 'a1' }));
    expect(error).toBeInstanceOf(TokenError);
    expect((error as TokenError).code).toBe(code);
    expect(card.logins).toEqual([]);
  });

  it('tries the final PIN attempt once the holder confirmed it', () => {
    const card = new FakeCard();
    card.flags |= CKF_TOKEN.USER_PIN_FINAL_TRY;
    driverFor(card).open({ id: 'a1' }, pin, true);
    expect(card.logins).toHaveLength(1);
  });

  it('refuses a key id the card does not hold with key_not_found and logs out', () => {
    const card = new FakeCard();
    const error = thrownBy(() => driverFor(card).open({ id: 'ff' }));
    expect((error as TokenError).code).toBe('key_not_found');
    expect(card.loggedIn).toBe(false);
    expect(card.sessions.size).toBe(0);
  });

  it('refuses a second batch on a card that is signing one, before any PIN, and leaves the first alone', () => {
    const card = new FakeCard();
    const driver = driverFor(card);
    const first = driver.open({ id: 'a1' });

    expect((thrownBy(() => driver.open({ id: 'a1' }, 'any PIN at all')) as TokenError).code).toBe(
      'token_busy',
    );
    expect(card.logins).toHaveLength(1);
    expect(card.logouts).toBe(0);
    expect(driver.sign(first.sessionId).signature).toBe(Buffer.from([0xaa, 0xbb]).toString('base64'));
  });
});

describe('the token driver signing and closing', () => {
  it('refuses a mechanism outside the signature mechanisms with mechanism_unsupported', () => {
    const card = new FakeCard();
    const driver = driverFor(card);
    const { sessionId } = driver.open({ id: 'a1' });
    const error = thrownBy(() => driver.sign(sessionId, CKM.SHA256));
    expect((error as TokenError).code).toBe('mechanism_unsupported');
  });

  it('refuses a session it does not know with session_closed', () => {
    const error = thrownBy(() => driverFor(new FakeCard()).sign('no-such-session'));
    expect((error as TokenError).code).toBe('session_closed');
  });

  it('logs out and closes when the batch ends, and the card takes a new batch afterwards', () => {
    const card = new FakeCard();
    const driver = driverFor(card);
    const first = driver.open({ id: 'a1' });

    driver.handle({ op: 'closeSession', sessionId: first.sessionId });
    expect(card.logouts).toBe(1);
    expect(card.sessions.size).toBe(0);
    const second = driver.open({ id: 'a1' });
    expect(driver.sign(second.sessionId).signature).toBe(Buffer.from([0xaa, 0xbb]).toString('base64'));
  });
});
