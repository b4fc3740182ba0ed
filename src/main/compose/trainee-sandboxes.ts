import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Handlers } from '../../shared/api/dispatch';
import { ApiError } from '../../shared/api/errors';
import { copyDataFolder } from '../office/store/copy-data-folder';
import type { Coaching } from '../training/session/trainee-desk';
import type { CardDesk } from './card-desk';

/** One trainee's desk over their own sandbox. */
export interface TraineeSandbox {
  readonly handlers: Handlers;
  readonly coaching: Coaching;
  /** The sandbox's practice card, for a trainer's signature outside a scenario (a certificate). */
  readonly cards: Pick<CardDesk, 'tokens' | 'knows'> | null;
  /** The trainee closed their last page, or signed out: their clock stands still. */
  left(userId: string): Promise<void>;
  close(): Promise<void>;
}

/** Opens the trainee's desk over their sandbox's data folder (a copy of the class's start). */
export type OpenTraineeSandbox = (dataDir: string, traineeId: string) => Promise<TraineeSandbox>;

interface Entry {
  sandbox: Promise<TraineeSandbox>;
  /** Calls under way on the sandbox; a reset waits for them. */
  active: number;
  drained: (() => void) | null;
  /** A reset under way: calls wait for it, then go to the new sandbox. */
  resetting: Promise<void> | null;
}

/** A user id as a folder name: kept when it is plain, spelled in hex otherwise. */
const folderName = (userId: string) =>
  /^[A-Za-z0-9_-]{1,64}$/.test(userId) ? userId : `x-${Buffer.from(userId, 'utf8').toString('hex')}`;

/**
 * Each trainee's own sandbox on a training desk, so that two trainees on one machine never share
 * one: a copy of the class's demo city as it was seeded (`template`), made on the trainee's first
 * call under `trainees/`, kept across restarts, and put back at its start by a reset.
 */
export class TraineeSandboxes {
  readonly #entries = new Map<string, Entry>();
  #closed = false;

  constructor(
    private readonly folders: { readonly template: string; readonly trainees: string },
    private readonly open: OpenTraineeSandbox,
  ) {}

  #dataDir(userId: string): string {
    return join(this.folders.trainees, folderName(userId));
  }

  #entry(userId: string, create: boolean): Entry | null {
    if (this.#closed) throw new ApiError('storage_unavailable');
    const found = this.#entries.get(userId);
    if (found) return found;
    const dataDir = this.#dataDir(userId);
    if (!create && !existsSync(dataDir)) return null;
    const entry: Entry = { sandbox: this.#opening(userId), active: 0, drained: null, resetting: null };
    this.#entries.set(userId, entry);
    return entry;
  }

  /** A sandbox that failed to open is opened afresh by the next call. */
  #opening(userId: string): Promise<TraineeSandbox> {
    const sandbox = this.#opened(userId);
    sandbox.catch(() => this.#entries.delete(userId));
    return sandbox;
  }

  async #opened(userId: string): Promise<TraineeSandbox> {
    const dataDir = this.#dataDir(userId);
    if (!existsSync(dataDir)) {
      mkdirSync(this.folders.trainees, { recursive: true });
      copyDataFolder(this.folders.template, dataDir);
    }
    return this.open(dataDir, userId);
  }

  async #use<T>(entry: Entry, work: (sandbox: TraineeSandbox) => Promise<T>): Promise<T> {
    while (entry.resetting) await entry.resetting.catch(() => undefined);
    entry.active += 1;
    try {
      return await work(await entry.sandbox);
    } finally {
      entry.active -= 1;
      if (entry.active === 0) entry.drained?.();
    }
  }

  /** Runs the trainee's call on their sandbox, made from the class's start on their first call. */
  async with<T>(userId: string, work: (sandbox: TraineeSandbox) => Promise<T>): Promise<T> {
    return this.#use(this.#entry(userId, true)!, work);
  }

  /** Runs `work` on the trainee's sandbox if they have one (a trainer reading the class); null otherwise. */
  async ifAny<T>(userId: string, work: (sandbox: TraineeSandbox) => Promise<T>): Promise<T | null> {
    const entry = this.#entry(userId, false);
    return entry ? this.#use(entry, work) : null;
  }

  /** The trainee's sandbox if it is open now (nothing is opened for a page the trainee closed). */
  async whenOpen(userId: string, work: (sandbox: TraineeSandbox) => Promise<void>): Promise<void> {
    const entry = this.#entries.get(userId);
    if (entry) await this.#use(entry, work);
  }

  /**
   * Puts the trainee's sandbox back at the class's start, once the calls under way on it are done
   * (new ones wait), and runs `then` on it before anyone else.
   */
  async reset(userId: string, then: (sandbox: TraineeSandbox) => Promise<void>): Promise<void> {
    const entry = this.#entry(userId, true)!;
    while (entry.resetting) await entry.resetting.catch(() => undefined);
    entry.resetting = (async () => {
      if (entry.active > 0) await new Promise<void>((resolve) => (entry.drained = resolve));
      entry.drained = null;
      await (await entry.sandbox.catch(() => null))?.close();
      rmSync(this.#dataDir(userId), { recursive: true, force: true });
      entry.sandbox = this.#opening(userId);
      await then(await entry.sandbox);
    })();
    try {
      await entry.resetting;
    } finally {
      entry.resetting = null;
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    const open = [...this.#entries.values()];
    this.#entries.clear();
    await Promise.all(
      open.map(async (entry) => {
        while (entry.resetting) await entry.resetting.catch(() => undefined);
        await (await entry.sandbox.catch(() => null))?.close();
      }),
    );
  }
}
