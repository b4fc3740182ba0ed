import { randomUUID, sign, type KeyObject } from 'node:crypto';
import { CKF_TOKEN, CKM } from '../tokens/constants';
import { TokenError } from '../tokens/errors';
import type { WireCertificate, WorkerRequest, WorkerResult } from '../tokens/protocol';
import type { TokenDriver } from '../tokens/serve-worker';

/** A certificate on the practice card and its private key (software: a practice card is no secret). */
export interface PracticeKey {
  /** CKA_ID, hex. */
  id: string;
  label: string;
  certificate: Uint8Array;
  key: KeyObject;
}

/** What a scenario can make the card do, as real cards do. */
export interface PracticeCardFaults {
  /** The first PIN typed is refused as wrong, whatever it is (a scenario's "wrong PIN on the first try"). */
  refuseFirstPin?: boolean;
  /** The card is pulled out after this many signatures of a batch. */
  removeAfterSignatures?: number;
  /** Every signature asks for the PIN (CKA_ALWAYS_AUTHENTICATE), as some qualified cards do. */
  pinPerSignature?: boolean;
}

export interface PracticeCardOptions {
  keys: readonly PracticeKey[];
  pin: string;
  /** Wrong PINs in a row before the card locks (real cards: 3). */
  tries?: number;
  faults?: PracticeCardFaults;
}

/** The "module" the practice card answers for: not a file, so no PKCS#11 library is ever loaded for it. */
export const practiceModule = 'practice-card';
const slotId = '0';

/** Hash-and-sign mechanisms only: the card hashes, like a real one that offers them. */
const ecdsaHashes: Record<number, string> = {
  [CKM.ECDSA_SHA256]: 'sha256',
  [CKM.ECDSA_SHA384]: 'sha384',
  [CKM.ECDSA_SHA512]: 'sha512',
};

const wire = (key: PracticeKey): WireCertificate => ({
  id: key.id,
  label: key.label,
  der: Buffer.from(key.certificate).toString('base64'),
});

/**
 * The practice card of the training desk: the same protocol as the PKCS#11 token worker (so the same
 * token service, PIN dialog and signing run over it), with a software key, a PIN with tries left and
 * a lock, removal and insertion, and the faults a scenario scripts.
 */
export function createPracticeCard(options: PracticeCardOptions) {
  const tries = options.tries ?? 3;
  let faults: PracticeCardFaults = { ...options.faults };
  let inserted = true;
  let triesLeft = tries;
  let firstPinRefused = false;
  /** Which time in the reader: a session lives within one. */
  let insertion = 0;
  const sessions = new Map<string, { key: PracticeKey; signatures: number; insertion: number }>();

  function flags(): number {
    const base = CKF_TOKEN.TOKEN_INITIALIZED | CKF_TOKEN.USER_PIN_INITIALIZED | CKF_TOKEN.LOGIN_REQUIRED;
    if (triesLeft === 0) return base | CKF_TOKEN.USER_PIN_LOCKED;
    if (triesLeft === 1) return base | CKF_TOKEN.USER_PIN_FINAL_TRY | CKF_TOKEN.USER_PIN_COUNT_LOW;
    if (triesLeft < tries) return base | CKF_TOKEN.USER_PIN_COUNT_LOW;
    return base;
  }

  /** Out of the reader: its open sessions stay dead once it is back, as a real card's do. */
  function pullOut(): void {
    inserted = false;
    insertion += 1;
  }

  function present(module: string, slot: string): void {
    if (module !== practiceModule) throw new TokenError('module_not_found', { module });
    if (!inserted || slot !== slotId) throw new TokenError('token_not_found', { token: `slot ${slot}` });
  }

  /** Counts a wrong PIN the way a card does, and says what is left. */
  function wrongPin(): never {
    triesLeft = Math.max(0, triesLeft - 1);
    if (triesLeft === 0) throw new TokenError('pin_locked');
    if (triesLeft === 1) throw new TokenError('pin_incorrect_final');
    throw new TokenError('pin_incorrect_low');
  }

  function login(pin: string | null, confirmFinalTry: boolean): void {
    if (triesLeft === 0) throw new TokenError('pin_locked');
    if (pin === null || pin.length === 0) throw new TokenError('pin_required');
    if (triesLeft === 1 && !confirmFinalTry) throw new TokenError('pin_final_try_needs_confirmation');
    if (faults.refuseFirstPin && !firstPinRefused) {
      firstPinRefused = true;
      wrongPin();
    }
    if (pin !== options.pin) wrongPin();
    triesLeft = tries;
  }

  function openSession(request: Extract<WorkerRequest, { op: 'openSession' }>): WorkerResult<'openSession'> {
    present(request.module, request.slotId);
    if (sessions.size > 0) throw new TokenError('token_busy');
    const matching = options.keys.filter((key) =>
      'id' in request.key ? key.id === request.key.id : key.label === request.key.label,
    );
    if (matching.length === 0) throw new TokenError('key_not_found');
    if (matching.length > 1) throw new TokenError('key_ambiguous', { count: matching.length });
    login(request.pin, request.confirmFinalTry);
    const key = matching[0]!;
    const sessionId = randomUUID();
    sessions.set(sessionId, { key, signatures: 0, insertion });
    return {
      sessionId,
      certificate: wire(key),
      otherCertificates: options.keys.filter((other) => other !== key).map(wire),
      alwaysAuthenticate: faults.pinPerSignature ?? false,
      mechanisms: Object.keys(ecdsaHashes).map(Number),
    };
  }

  function signData(request: Extract<WorkerRequest, { op: 'sign' }>): WorkerResult<'sign'> {
    const session = sessions.get(request.sessionId);
    if (!session) throw new TokenError('session_closed');
    if (faults.removeAfterSignatures !== undefined && session.signatures >= faults.removeAfterSignatures) {
      // Once per script: the retry after putting it back signs what is left.
      faults = { ...faults, removeAfterSignatures: undefined };
      pullOut();
    }
    if (!inserted || session.insertion !== insertion) throw new TokenError('token_removed');
    const hash = ecdsaHashes[request.mechanism.type];
    if (!hash) throw new TokenError('mechanism_unsupported', { mechanism: request.mechanism.type });
    session.signatures += 1;
    const signature = sign(hash, Buffer.from(request.data, 'base64'), {
      key: session.key.key,
      dsaEncoding: 'ieee-p1363',
    });
    return { signature: signature.toString('base64') };
  }

  function listTokens(modules: readonly string[]): WorkerResult<'listTokens'> {
    const answers = modules.includes(practiceModule);
    return {
      // Any other module is never loaded here: a training desk has no real card.
      modules: modules.map((path) =>
        path === practiceModule
          ? { path, status: 'loaded', description: 'Tarjeta de prácticas', manufacturer: 'Despacho' }
          : { path, status: 'failed' },
      ),
      tokens:
        inserted && answers
          ? [
              {
                module: practiceModule,
                slotId,
                slotDescription: 'Lector de prácticas',
                label: 'FORMACION',
                manufacturer: 'Despacho',
                model: 'Tarjeta de prácticas',
                serial: 'PRACTICA-0001',
                flags: flags(),
                mechanisms: Object.keys(ecdsaHashes).map(Number),
              },
            ]
          : [],
    };
  }

  /** Logging out: the key is no longer usable in that session (nothing to wipe, the PIN is not kept). */
  function closed(close: () => void): WorkerResult<'closeSession' | 'shutdown'> {
    close();
    return {};
  }

  const driver: TokenDriver = {
    handle(request): WorkerResult<WorkerRequest['op']> {
      switch (request.op) {
        case 'listTokens':
          return listTokens(request.modules);
        case 'listCertificates':
          present(request.module, request.slotId);
          return { certificates: options.keys.map(wire) };
        case 'openSession':
          return openSession(request);
        case 'sign':
          return signData(request);
        case 'closeSession':
          return closed(() => sessions.delete(request.sessionId));
        case 'shutdown':
          return closed(() => sessions.clear());
      }
    },
  };

  return {
    driver,
    /** The trainee puts the card back in: the same card, its PIN state as it was. */
    insert() {
      inserted = true;
    },
    /** The trainee pulls the card out: open batches fail at their next signature. */
    remove() {
      pullOut();
    },
    /** A scenario's step sets the faults of what follows. */
    script(next: PracticeCardFaults) {
      faults = { ...next };
      firstPinRefused = false;
    },
    /** Back to a scenario's start: inserted, every try left, no faults but those given. */
    reset(next: PracticeCardFaults = {}) {
      inserted = true;
      triesLeft = tries;
      sessions.clear();
      this.script(next);
    },
  };
}

export type PracticeCard = ReturnType<typeof createPracticeCard>;
