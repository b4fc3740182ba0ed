import pkcs11js from 'pkcs11js';
import { CKF_TOKEN, CKR } from '../../../src/main/desk/tokens/constants';
import { workerPort } from '../../../src/main/desk/tokens/worker/port';
import { serveTokenWorker } from '../../../src/main/desk/tokens/serve-worker';
import { createTokenDriver, type Pkcs11 } from '../../../src/main/desk/tokens/worker/token-driver';
import { cardIsIn, noteAsked } from './card-presence';

/**
 * The real token worker over the real SoftHSM2 token, with the faults SoftHSM2 cannot produce
 * injected at the PKCS#11 boundary (SIGNING.md): a card reporting few PIN tries left, its final
 * try, a locked PIN, a PIN-pad reader, a card pulled out after some signatures or put in and out. The scenario comes
 * from DESPACHO_TOKEN_FAULT (`Fault`).
 */
export type Fault =
  | 'pin-count-low'
  | 'pin-final-try'
  | 'pin-locked'
  | 'pin-pad'
  | `removed-after-${number}`
  /** The card's driver kills the worker process in the middle of a batch. */
  | `crash-after-${number}`
  /** The card is in the reader while this file exists: the test inserts and pulls it by file (card-presence.ts). */
  | `present-while-${string}`;

const fault = (process.env.DESPACHO_TOKEN_FAULT ?? '') as Fault;
const failure = (name: keyof typeof CKR, method: string) =>
  new pkcs11js.Pkcs11Error(`CKR_${name}`, CKR[name], method);

function withFaults(real: Pkcs11): Pkcs11 {
  let extraFlags =
    fault === 'pin-final-try'
      ? CKF_TOKEN.USER_PIN_FINAL_TRY
      : fault === 'pin-locked'
        ? CKF_TOKEN.USER_PIN_LOCKED
        : fault === 'pin-pad'
          ? CKF_TOKEN.PROTECTED_AUTHENTICATION_PATH
          : 0;
  const removedAfter = fault.startsWith('removed-after-')
    ? Number(fault.slice('removed-after-'.length))
    : Infinity;
  const crashAfter = fault.startsWith('crash-after-') ? Number(fault.slice('crash-after-'.length)) : Infinity;
  const presenceFile = fault.startsWith('present-while-') ? fault.slice('present-while-'.length) : null;
  let signatures = 0;
  const removed = () => signatures >= removedAfter || (presenceFile !== null && !cardIsIn(presenceFile));
  const overrides: Partial<Pkcs11> = {
    C_GetSlotList: (present?: boolean) => {
      if (presenceFile !== null) noteAsked(presenceFile);
      return removed() ? [] : real.C_GetSlotList(present);
    },
    C_GetTokenInfo: (slot: Buffer) => {
      if (removed()) throw failure('TOKEN_NOT_PRESENT', 'C_GetTokenInfo');
      const info = real.C_GetTokenInfo(slot);
      return { ...info, flags: info.flags | extraFlags };
    },
    C_Login: (session: Buffer, userType: number, pin?: string) => {
      // The desk must not even try a PIN on these: a try here would fail the test loudly.
      if (fault === 'pin-locked' || fault === 'pin-pad') throw failure('GENERAL_ERROR', 'C_Login');
      // A wrong PIN on a card that counts: the first miss leaves few tries, the final one locks it.
      try {
        real.C_Login(session, userType, pin);
      } catch (error) {
        if (fault === 'pin-count-low') extraFlags = CKF_TOKEN.USER_PIN_COUNT_LOW;
        if (fault === 'pin-final-try') extraFlags = CKF_TOKEN.USER_PIN_LOCKED;
        throw error;
      }
    },
    C_Sign: (session: Buffer, data: Buffer, out: Buffer) => {
      if (removed()) throw failure('DEVICE_REMOVED', 'C_Sign');
      if (signatures >= crashAfter) process.abort();
      signatures += 1;
      return real.C_Sign(session, data, out);
    },
  };
  return new Proxy(real, {
    get: (target, property, receiver) =>
      property in overrides
        ? overrides[property as keyof Pkcs11]
        : (Reflect.get(target, property, receiver) as unknown as { bind?: unknown }) instanceof Function
          ? (Reflect.get(target, property, receiver) as (...args: unknown[]) => unknown).bind(target)
          : Reflect.get(target, property, receiver),
  });
}

serveTokenWorker(
  workerPort(),
  createTokenDriver(() => withFaults(new pkcs11js.PKCS11())),
  () => process.exit(0),
);
