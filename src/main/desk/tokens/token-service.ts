import { X509Certificate } from 'node:crypto';
import { holderOf, parseCertificate, type Holder, type KeyUsage } from '../crypto/certificate';
import type { KeyAlgorithm, SigningSession } from '../signing-session';
import { CKF_TOKEN } from './constants';
import { TokenError } from './errors';
import { signingPlan } from './mechanism';
import type { KeySelector, WireCertificate, WireToken, WorkerResult } from './protocol';
import type { TimeLimitOverrides, Timers } from './time-limits';
import { createWorkerClient, type RequestSubject, type SlowNotice, type WorkerClient } from './worker-client';
import type { TokenWorkerLauncher } from './worker-process';
import { certifiedKeyAlgorithm } from '../crypto/key-algorithm';

export type { SlowNotice } from './worker-client';

export type PinState = 'ready' | 'countLow' | 'finalTry' | 'locked' | 'notInitialized';

export interface TokenSummary {
  module: string;
  slotId: string;
  slotDescription: string;
  label: string;
  manufacturer: string;
  model: string;
  serial: string;
  pin: PinState;
  /** The reader has its own PIN pad (CKF_PROTECTED_AUTHENTICATION_PATH). */
  pinPad: boolean;
}

type WireModuleStatus = WorkerResult<'listTokens'>['modules'][number];

/** `crashed` and `hung`: the module killed or froze the worker while it was asked for its cards. */
export type ModuleStatus = Omit<WireModuleStatus, 'status'> & {
  status: WireModuleStatus['status'] | 'crashed' | 'hung';
};

export interface TokenList {
  modules: ModuleStatus[];
  tokens: TokenSummary[];
}

export interface TokenCertificate {
  id: string;
  label: string;
  der: Uint8Array;
  holder: Holder;
  issuer: string;
  serialHex: string;
  notBefore: Date;
  notAfter: Date;
  /** Null when the certificate has no keyUsage extension. */
  keyUsage: KeyUsage[] | null;
  keyType: string;
}

/** Where a card is: its module and its slot; its label, when known, names it if it is slow. */
export interface TokenRef {
  module: string;
  slotId: string;
  label?: string;
}

export interface SigningSessionRequest {
  module: string;
  /** The token's label as the card reports it. */
  token: string;
  key: KeySelector;
  /** Null only for readers with a PIN pad. */
  pin: string | null;
  /** The holder was told this is the last try before the PIN locks, and went on. */
  confirmFinalTry?: boolean;
}

export interface TokenServiceOptions {
  launch: TokenWorkerLauncher;
  /**
   * Every module to look for cards in: the defaults found on this machine plus the user's own; a
   * function when the user may add one while the desk runs (asked afresh at each listing).
   */
  modules: readonly string[] | (() => readonly string[]);
  /** Changes to the time limits of time-limits.ts. */
  limits?: TimeLimitOverrides;
  timers?: Timers;
  /** How often inserted and removed cards are looked for while someone listens. */
  pollIntervalMs?: number;
}

export function pinStateOf(flags: number): PinState {
  if (flags & CKF_TOKEN.USER_PIN_LOCKED) return 'locked';
  if (!(flags & CKF_TOKEN.USER_PIN_INITIALIZED)) return 'notInitialized';
  if (flags & CKF_TOKEN.USER_PIN_FINAL_TRY) return 'finalTry';
  if (flags & CKF_TOKEN.USER_PIN_COUNT_LOW) return 'countLow';
  return 'ready';
}

export type TokenIdentity = Omit<TokenSummary, 'pin' | 'pinPad'>;

/** Which card in which reader of which module: a token's identity, without its state. */
export const identityOf = (token: TokenIdentity): TokenIdentity => ({
  module: token.module,
  slotId: token.slotId,
  slotDescription: token.slotDescription,
  label: token.label,
  manufacturer: token.manufacturer,
  model: token.model,
  serial: token.serial,
});

const summaryOf = (token: WireToken): TokenSummary => ({
  ...identityOf(token),
  pin: pinStateOf(token.flags),
  pinPad: (token.flags & CKF_TOKEN.PROTECTED_AUTHENTICATION_PATH) !== 0,
});

const derOf = (certificate: WireCertificate) => new Uint8Array(Buffer.from(certificate.der, 'base64'));

export function keyAlgorithmOf(certificate: X509Certificate): KeyAlgorithm {
  const algorithm = certifiedKeyAlgorithm(certificate);
  if (!algorithm) throw new TokenError('mechanism_unsupported', { mechanism: keyDescription(certificate) });
  return algorithm;
}

/** How a key the desk cannot sign with is named: its type and, for EC, its curve. */
const keyDescription = (certificate: X509Certificate): string => {
  const key = certificate.publicKey;
  const curve = key.asymmetricKeyDetails?.namedCurve;
  return [key.asymmetricKeyType ?? 'unknown', curve].filter(Boolean).join(' ');
};

/** `RSA-2048`, `EC P-256`; a key the desk cannot sign with is still listed, by its own name. */
function keyTypeName(certificate: X509Certificate): string {
  try {
    const key = keyAlgorithmOf(certificate);
    return key.type === 'rsa' ? `RSA-${key.bits}` : `EC ${key.curve}`;
  } catch {
    return keyDescription(certificate);
  }
}

function describeCertificate(wire: WireCertificate): TokenCertificate {
  const der = derOf(wire);
  const info = parseCertificate(der);
  return {
    id: wire.id,
    label: wire.label,
    der,
    holder: holderOf(info),
    issuer: info.issuer.commonName ?? info.issuer.organization ?? '',
    serialHex: info.serialHex,
    notBefore: info.notBefore,
    notAfter: info.notAfter,
    keyUsage: info.keyUsage ? [...info.keyUsage] : null,
    keyType: keyTypeName(new X509Certificate(der)),
  };
}

/** The issuers of `leaf` among the certificates the token holds, nearest first. */
function chainOnToken(leaf: X509Certificate, others: readonly X509Certificate[]): Uint8Array[] {
  const chain: Uint8Array[] = [];
  let current = leaf;
  for (let depth = 0; depth < 8; depth++) {
    const issuer = others.find(
      (candidate) =>
        !candidate.raw.equals(current.raw) &&
        current.checkIssued(candidate) &&
        !chain.some((known) => candidate.raw.equals(known)),
    );
    if (!issuer || issuer.subject === issuer.issuer) break;
    chain.push(new Uint8Array(issuer.raw));
    current = issuer;
  }
  return chain;
}

/** Which card a request is about, for the slow notice; the label only when the desk knows it. */
const aboutCard = (modules: readonly string[], token: string | undefined): RequestSubject => ({
  modules: [...modules],
  ...(token === undefined ? {} : { token }),
});

function sessionFrom(
  client: WorkerClient,
  opened: WorkerResult<'openSession'>,
  subject: RequestSubject,
): SigningSession {
  const generation = client.generation();
  const leaf = new X509Certificate(derOf(opened.certificate));
  const keyAlgorithm = keyAlgorithmOf(leaf);
  const offered = new Set(opened.mechanisms);
  let open = true;
  const alive = () => open && client.generation() === generation;
  return {
    certificate: derOf(opened.certificate),
    chain: chainOnToken(
      leaf,
      opened.otherCertificates.map((other) => new X509Certificate(derOf(other))),
    ),
    keyAlgorithm,
    pinPerSignature: opened.alwaysAuthenticate,
    async sign(data, params) {
      if (!alive()) throw new TokenError('session_closed');
      const plan = signingPlan(keyAlgorithm, params, offered, data);
      const { signature } = await client.request(
        {
          op: 'sign',
          sessionId: opened.sessionId,
          mechanism: plan.mechanism,
          data: Buffer.from(plan.payload).toString('base64'),
        },
        subject,
      );
      return plan.finish(new Uint8Array(Buffer.from(signature, 'base64')));
    },
    async close() {
      if (!alive()) {
        open = false;
        return;
      }
      open = false;
      await client
        .request({ op: 'closeSession', sessionId: opened.sessionId }, subject)
        .catch(() => undefined);
    },
  };
}

/** What the desk knows of smart cards and tokens: every PKCS#11 call happens in the worker. */
export function openTokenService(options: TokenServiceOptions) {
  const slowListeners = new Set<(notice: SlowNotice) => void>();
  const client = createWorkerClient(options.launch, {
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.timers ? { timers: options.timers } : {}),
    onSlow: (notice) => slowListeners.forEach((listener) => listener(notice)),
  });
  const listeners = new Set<(list: TokenList) => void>();
  let poller: NodeJS.Timeout | null = null;
  let lastSeen: string | null = null;
  let polling = false;

  async function askWorker(modules: readonly string[], token?: string): Promise<TokenList> {
    const result = await client.request(
      { op: 'listTokens', modules: [...modules] },
      aboutCard(modules, token),
    );
    return {
      modules: result.modules,
      // An empty slot (SoftHSM keeps one, some readers too) is not a card anyone can use.
      tokens: result.tokens.filter((token) => token.flags & CKF_TOKEN.TOKEN_INITIALIZED).map(summaryOf),
    };
  }

  const workerDied = (error: unknown): error is TokenError =>
    error instanceof TokenError &&
    (error.code === 'token_worker_crashed' || error.code === 'token_worker_timeout');

  /**
   * One faulty driver must not hide every other card: when the worker dies over several modules,
   * each is asked again on its own and the culprit is reported as such.
   */
  const configured = () => (typeof options.modules === 'function' ? options.modules() : options.modules);

  async function listTokens(modules: readonly string[] = configured(), token?: string): Promise<TokenList> {
    try {
      return await askWorker(modules, token);
    } catch (error) {
      if (!workerDied(error) || modules.length < 2) throw error;
    }
    const list: TokenList = { modules: [], tokens: [] };
    for (const path of modules) {
      try {
        const one = await askWorker([path], token);
        list.modules.push(...one.modules);
        list.tokens.push(...one.tokens);
      } catch (error) {
        if (!workerDied(error)) throw error;
        list.modules.push({ path, status: error.code === 'token_worker_timeout' ? 'hung' : 'crashed' });
      }
    }
    return list;
  }

  async function findToken(module: string, label: string): Promise<TokenSummary> {
    const { modules, tokens } = await listTokens([module], label);
    const status = modules[0];
    if (status?.status === 'missing') throw new TokenError('module_not_found', { module });
    if (status?.status === 'failed') throw new TokenError('module_load_failed', { module });
    const matching = tokens.filter((token) => token.label === label);
    if (matching.length === 0) throw new TokenError('token_not_found', { token: label });
    if (matching.length > 1)
      throw new TokenError('token_ambiguous', { token: label, count: matching.length });
    return matching[0]!;
  }

  async function certificatesOn(token: TokenRef): Promise<WireCertificate[]> {
    const { certificates } = await client.request(
      { op: 'listCertificates', module: token.module, slotId: token.slotId },
      aboutCard([token.module], token.label),
    );
    return certificates;
  }

  /** The certificate a key selector names, read without logging in. */
  async function certificateFor(token: TokenRef, key: KeySelector): Promise<Uint8Array> {
    const certificates = await certificatesOn(token);
    const matching = certificates.filter((certificate) =>
      'id' in key ? certificate.id === key.id : certificate.label === key.label,
    );
    if (matching.length === 0) throw new TokenError('key_not_found');
    if (matching.length > 1) throw new TokenError('key_ambiguous', { count: matching.length });
    return derOf(matching[0]!);
  }

  const fingerprint = (list: TokenList) =>
    JSON.stringify(
      list.tokens.map((token) => [token.module, token.slotId, token.label, token.serial, token.pin]),
    );

  async function poll(): Promise<void> {
    if (polling) return;
    polling = true;
    let list: TokenList;
    try {
      list = await listTokens();
    } catch {
      // A failing module is reported to whoever asks next; polling just tries again.
      return;
    } finally {
      polling = false;
    }
    const seen = fingerprint(list);
    if (lastSeen !== null && seen !== lastSeen) listeners.forEach((listener) => listener(list));
    lastSeen = seen;
  }

  return {
    /** Every card in the configured modules, or in the given ones (`despacho tokens --module`). */
    listTokens: (modules?: readonly string[]) => listTokens(modules),

    async listCertificates(token: TokenRef): Promise<TokenCertificate[]> {
      return (await certificatesOn(token)).map(describeCertificate);
    },

    /**
     * One login for one batch; the PIN goes to the worker and is dropped here. `beforeLogin` sees
     * the chosen certificate (public on the card) and may refuse it before any PIN is tried.
     */
    async openSigningSession(
      request: SigningSessionRequest,
      beforeLogin?: (certificate: Uint8Array) => void,
    ): Promise<SigningSession> {
      const token = await findToken(request.module, request.token);
      if (beforeLogin) beforeLogin(await certificateFor(token, request.key));
      const subject = aboutCard([request.module], request.token);
      const opened = await client.request(
        {
          op: 'openSession',
          module: request.module,
          slotId: token.slotId,
          key: request.key,
          pin: request.pin,
          confirmFinalTry: request.confirmFinalTry ?? false,
        },
        subject,
      );
      try {
        return sessionFrom(client, opened, subject);
      } catch (error) {
        // A key the desk cannot sign with: the card must not stay logged in (and busy) for nothing.
        await client
          .request({ op: 'closeSession', sessionId: opened.sessionId }, subject)
          .catch(() => undefined);
        throw error;
      }
    },

    /** Card inserted or removed (or its PIN state changed): the listener gets the new list. */
    onTokensChanged(listener: (list: TokenList) => void): () => void {
      listeners.add(listener);
      if (!poller) {
        lastSeen = null;
        void poll();
        poller = setInterval(() => void poll(), options.pollIntervalMs ?? 2000);
        poller.unref();
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && poller) {
          clearInterval(poller);
          poller = null;
        }
      };
    },

    /**
     * A request has been with the card longer than its slow limit ("the card is slow to answer"),
     * and later, that it ended. Said well before the worker would be taken for hung.
     */
    onSlow(listener: (notice: SlowNotice) => void): () => void {
      slowListeners.add(listener);
      return () => {
        slowListeners.delete(listener);
      };
    },

    async close(): Promise<void> {
      if (poller) clearInterval(poller);
      poller = null;
      listeners.clear();
      slowListeners.clear();
      await client.close();
    },
  };
}

export type TokenService = ReturnType<typeof openTokenService>;
