import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import pkcs11js from 'pkcs11js';
import {
  CKA,
  CKF_OS_LOCKING_OK,
  CKF_SERIAL_SESSION,
  CKF_TOKEN,
  CKO_CERTIFICATE,
  CKO_PRIVATE_KEY,
  CKR,
  CKU_CONTEXT_SPECIFIC,
  CKU_USER,
  signatureMechanisms,
} from '../constants';
import { TokenError } from '../errors';
import { Pkcs11Failure } from '../pkcs11-failure';
import type { KeySelector, WireCertificate, WireMechanism, WorkerRequest, WorkerResult } from '../protocol';

/** What the worker needs from a PKCS#11 binding; tests wrap the real one to inject card faults. */
export type Pkcs11 = pkcs11js.PKCS11;
export type Pkcs11Factory = () => Pkcs11;

interface OpenKey {
  slotKey: string;
  pkcs11: Pkcs11;
  session: Buffer;
  key: Buffer;
  /** Kept only for keys that ask for the PIN before every signature; wiped on close. */
  pin: Buffer | null;
}

/** The CK_RV of a failed call; pkcs11js throws Pkcs11Error, fault-injecting wrappers an Error with `code`. */
const rvOf = (error: unknown): number | null => {
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'number' ? code : null;
};

/** Slot handles are CK_ULONGs of the module's width; on the wire they are decimal strings. */
const slotIdOf = (slot: Buffer): string => {
  let value = 0n;
  for (let i = slot.length - 1; i >= 0; i--) value = (value << 8n) | BigInt(slot[i]!);
  return value.toString();
};

const text = (value: string | undefined): string => (value ?? '').replace(/\0/g, '').trim();

function attribute(pkcs11: Pkcs11, session: Buffer, object: Buffer, type: number): Buffer | null {
  try {
    const [found] = pkcs11.C_GetAttributeValue(session, object, [{ type }]);
    return (found?.value as Buffer | undefined) ?? null;
  } catch {
    return null;
  }
}

function findObjects(pkcs11: Pkcs11, session: Buffer, template: pkcs11js.Template): Buffer[] {
  pkcs11.C_FindObjectsInit(session, template);
  try {
    const found: Buffer[] = [];
    for (
      let batch = pkcs11.C_FindObjects(session, 32);
      batch.length > 0;
      batch = pkcs11.C_FindObjects(session, 32)
    )
      found.push(...batch);
    return found;
  } finally {
    pkcs11.C_FindObjectsFinal(session);
  }
}

function certificateOf(pkcs11: Pkcs11, session: Buffer, handle: Buffer): WireCertificate | null {
  const der = attribute(pkcs11, session, handle, CKA.VALUE);
  if (!der || der.length === 0) return null;
  return {
    id: (attribute(pkcs11, session, handle, CKA.ID) ?? Buffer.alloc(0)).toString('hex'),
    label: text(attribute(pkcs11, session, handle, CKA.LABEL)?.toString('utf8')),
    der: der.toString('base64'),
  };
}

function mechanismParameter(mechanism: WireMechanism): pkcs11js.Mechanism {
  if (!mechanism.pss) return { mechanism: mechanism.type };
  return {
    mechanism: mechanism.type,
    parameter: { type: pkcs11js.CK_PARAMS_RSA_PSS, ...mechanism.pss } as pkcs11js.RsaPSS,
  };
}

/**
 * The worker's side of every request: PKCS#11 calls on modules loaded in this process only.
 * Whatever a module does wrong stays here; the desk sees typed errors or a dead process.
 */
export function createTokenDriver(newPkcs11: Pkcs11Factory) {
  const modules = new Map<string, Pkcs11>();
  const sessions = new Map<string, OpenKey>();

  /** Any failure of a PKCS#11 call, with the token's flags when the slot is known. */
  function call<T>(pkcs11: Pkcs11, fn: string, run: () => T, slot?: Buffer): T {
    try {
      return run();
    } catch (error) {
      const rv = rvOf(error);
      if (rv === null) throw error;
      let flags: number | undefined;
      if (slot) {
        try {
          flags = pkcs11.C_GetTokenInfo(slot).flags;
        } catch {
          flags = undefined;
        }
      }
      throw new Pkcs11Failure(rv, fn, flags);
    }
  }

  function loaded(path: string): Pkcs11 {
    const existing = modules.get(path);
    if (existing) return existing;
    if (!existsSync(path)) throw new TokenError('module_not_found', { module: path });
    const pkcs11 = newPkcs11();
    try {
      pkcs11.load(path);
    } catch {
      throw new TokenError('module_load_failed', { module: path });
    }
    try {
      pkcs11.C_Initialize({ flags: CKF_OS_LOCKING_OK });
    } catch (error) {
      if (rvOf(error) !== CKR.CRYPTOKI_ALREADY_INITIALIZED) {
        try {
          pkcs11.close();
        } catch {
          // The module is unusable either way.
        }
        throw new TokenError('module_load_failed', { module: path });
      }
    }
    modules.set(path, pkcs11);
    return pkcs11;
  }

  /** Slots are looked up again on every use: a slot id from before a removal must not reach a new card. */
  function slotFor(pkcs11: Pkcs11, slotId: string): Buffer {
    const slot = call(pkcs11, 'C_GetSlotList', () => pkcs11.C_GetSlotList(true)).find(
      (candidate) => slotIdOf(candidate) === slotId,
    );
    if (!slot) throw new TokenError('token_not_found', { token: `slot ${slotId}` });
    return slot;
  }

  function listTokens(paths: readonly string[]): WorkerResult<'listTokens'> {
    const result: WorkerResult<'listTokens'> = { modules: [], tokens: [] };
    for (const path of paths) {
      let pkcs11: Pkcs11;
      try {
        pkcs11 = loaded(path);
      } catch (error) {
        if (!(error instanceof TokenError)) throw error;
        result.modules.push({ path, status: error.code === 'module_not_found' ? 'missing' : 'failed' });
        continue;
      }
      const info = call(pkcs11, 'C_GetInfo', () => pkcs11.C_GetInfo());
      result.modules.push({
        path,
        status: 'loaded',
        description: text(info.libraryDescription),
        manufacturer: text(info.manufacturerID),
      });
      for (const slot of call(pkcs11, 'C_GetSlotList', () => pkcs11.C_GetSlotList(true))) {
        try {
          const token = pkcs11.C_GetTokenInfo(slot);
          result.tokens.push({
            module: path,
            slotId: slotIdOf(slot),
            slotDescription: text(pkcs11.C_GetSlotInfo(slot).slotDescription),
            label: text(token.label),
            manufacturer: text(token.manufacturerID),
            model: text(token.model),
            serial: text(token.serialNumber),
            flags: token.flags,
            mechanisms: pkcs11.C_GetMechanismList(slot),
          });
        } catch (error) {
          // A card pulled out while it is listed is simply not there any more.
          if (rvOf(error) === null) throw error;
        }
      }
    }
    return result;
  }

  function withReadSession<T>(pkcs11: Pkcs11, slot: Buffer, use: (session: Buffer) => T): T {
    const session = call(pkcs11, 'C_OpenSession', () => pkcs11.C_OpenSession(slot, CKF_SERIAL_SESSION), slot);
    try {
      return use(session);
    } finally {
      try {
        pkcs11.C_CloseSession(session);
      } catch {
        // Gone with the card.
      }
    }
  }

  function listCertificates(path: string, slotId: string): WorkerResult<'listCertificates'> {
    const pkcs11 = loaded(path);
    const slot = slotFor(pkcs11, slotId);
    return withReadSession(pkcs11, slot, (session) => ({
      certificates: call(pkcs11, 'C_FindObjects', () =>
        findObjects(pkcs11, session, [{ type: CKA.CLASS, value: CKO_CERTIFICATE }]),
      ).flatMap((handle) => certificateOf(pkcs11, session, handle) ?? []),
    }));
  }

  function exactlyOne(found: Buffer[], what: 'key'): Buffer {
    if (found.length === 0) throw new TokenError(`${what}_not_found`);
    if (found.length > 1) throw new TokenError(`${what}_ambiguous`, { count: found.length });
    return found[0]!;
  }

  function checkPinState(flags: number, pin: string | null, confirmFinalTry: boolean): void {
    if (flags & CKF_TOKEN.PROTECTED_AUTHENTICATION_PATH) throw new TokenError('pinpad_unsupported');
    if (flags & CKF_TOKEN.USER_PIN_LOCKED) throw new TokenError('pin_locked');
    if (pin === null || pin.length === 0) throw new TokenError('pin_required');
    if (flags & CKF_TOKEN.USER_PIN_FINAL_TRY && !confirmFinalTry)
      throw new TokenError('pin_final_try_needs_confirmation');
  }

  /**
   * One batch per card at a time: PKCS#11 login belongs to the whole token, so a second login would
   * answer "already logged in" without ever checking its PIN.
   */
  function checkNotBusy(slotKey: string): void {
    if ([...sessions.values()].some((open) => open.slotKey === slotKey)) throw new TokenError('token_busy');
  }

  function openSession(request: Extract<WorkerRequest, { op: 'openSession' }>): WorkerResult<'openSession'> {
    const slotKey = `${request.module}#${request.slotId}`;
    checkNotBusy(slotKey);
    const pkcs11 = loaded(request.module);
    const slot = slotFor(pkcs11, request.slotId);
    const token = call(pkcs11, 'C_GetTokenInfo', () => pkcs11.C_GetTokenInfo(slot), slot);
    checkPinState(token.flags, request.pin, request.confirmFinalTry);
    const pin = request.pin!;
    const mechanisms = call(pkcs11, 'C_GetMechanismList', () => pkcs11.C_GetMechanismList(slot), slot);
    const session = call(pkcs11, 'C_OpenSession', () => pkcs11.C_OpenSession(slot, CKF_SERIAL_SESSION), slot);
    try {
      call(pkcs11, 'C_Login', () => pkcs11.C_Login(session, CKU_USER, pin), slot);
      const find = (template: pkcs11js.Template) =>
        call(pkcs11, 'C_FindObjects', () => findObjects(pkcs11, session, template), slot);
      const selector = selectorAttribute(request.key);
      const certificateHandle = exactlyOne(
        find([{ type: CKA.CLASS, value: CKO_CERTIFICATE }, selector]),
        'key',
      );
      const certificate = certificateOf(pkcs11, session, certificateHandle);
      if (!certificate) throw new TokenError('key_not_found');
      const key = exactlyOne(
        find([
          { type: CKA.CLASS, value: CKO_PRIVATE_KEY },
          { type: CKA.ID, value: Buffer.from(certificate.id, 'hex') },
        ]),
        'key',
      );
      const alwaysAuthenticate = attribute(pkcs11, session, key, CKA.ALWAYS_AUTHENTICATE)?.[0] === 1;
      const otherCertificates = find([{ type: CKA.CLASS, value: CKO_CERTIFICATE }])
        .filter((handle) => !handle.equals(certificateHandle))
        .flatMap((handle) => certificateOf(pkcs11, session, handle) ?? []);
      const sessionId = randomUUID();
      sessions.set(sessionId, {
        slotKey,
        pkcs11,
        session,
        key,
        pin: alwaysAuthenticate ? Buffer.from(pin, 'utf8') : null,
      });
      return { sessionId, certificate, otherCertificates, alwaysAuthenticate, mechanisms };
    } catch (error) {
      closeQuietly(pkcs11, session);
      throw error;
    }
  }

  function selectorAttribute(key: KeySelector): pkcs11js.Attribute {
    return 'id' in key
      ? { type: CKA.ID, value: Buffer.from(key.id, 'hex') }
      : { type: CKA.LABEL, value: key.label };
  }

  function closeQuietly(pkcs11: Pkcs11, session: Buffer): void {
    for (const step of [() => pkcs11.C_Logout(session), () => pkcs11.C_CloseSession(session)]) {
      try {
        step();
      } catch {
        // Not logged in, or a removed card that can neither log out nor close: the handles go either way.
      }
    }
  }

  function openKey(sessionId: string): OpenKey {
    const open = sessions.get(sessionId);
    if (!open) throw new TokenError('session_closed');
    return open;
  }

  function sign(sessionId: string, mechanism: WireMechanism, data: string): WorkerResult<'sign'> {
    if (!signatureMechanisms.has(mechanism.type))
      throw new TokenError('mechanism_unsupported', { mechanism: mechanism.type });
    const open = openKey(sessionId);
    const { pkcs11, session } = open;
    call(pkcs11, 'C_SignInit', () => pkcs11.C_SignInit(session, mechanismParameter(mechanism), open.key));
    if (open.pin) {
      const pin = open.pin.toString('utf8');
      call(pkcs11, 'C_Login', () => pkcs11.C_Login(session, CKU_CONTEXT_SPECIFIC, pin));
    }
    const signature = call(pkcs11, 'C_Sign', () =>
      pkcs11.C_Sign(session, Buffer.from(data, 'base64'), Buffer.alloc(1024)),
    );
    return { signature: signature.toString('base64') };
  }

  function closeSession(sessionId: string): WorkerResult<'closeSession'> {
    const open = sessions.get(sessionId);
    if (!open) return {};
    sessions.delete(sessionId);
    open.pin?.fill(0);
    closeQuietly(open.pkcs11, open.session);
    return {};
  }

  function shutdown(): WorkerResult<'shutdown'> {
    for (const id of [...sessions.keys()]) closeSession(id);
    for (const pkcs11 of modules.values()) {
      try {
        pkcs11.C_Finalize();
      } catch {
        // Finalizing a module that already failed changes nothing.
      }
    }
    modules.clear();
    return {};
  }

  return {
    handle(request: WorkerRequest): WorkerResult<WorkerRequest['op']> {
      switch (request.op) {
        case 'listTokens':
          return listTokens(request.modules);
        case 'listCertificates':
          return listCertificates(request.module, request.slotId);
        case 'openSession':
          return openSession(request);
        case 'sign':
          return sign(request.sessionId, request.mechanism, request.data);
        case 'closeSession':
          return closeSession(request.sessionId);
        case 'shutdown':
          return shutdown();
      }
    },
  };
}
