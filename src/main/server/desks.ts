import type { DispatchResult, SessionSlot } from '../../shared/api/dispatch';

const deskIdPattern = /^[A-Za-z0-9_-]{8,64}$/;

/**
 * Each browser tab is a desk with its own sign-in, named by the id it sends. Ids are only names,
 * not secrets (the launch token is the secret). Past the cap, the desk used least recently is
 * signed out, and its next call refused for want of a sign-in says why.
 */
export class DeskSessions {
  /** Signed-in desks, least recently used first. */
  readonly #users = new Map<string, string>();
  /** Desks signed out by the cap that have not been told yet, oldest first; as many as the cap. */
  readonly #evicted = new Set<string>();

  constructor(private readonly capacity = 200) {}

  static isValidId(id: unknown): id is string {
    return typeof id === 'string' && deskIdPattern.test(id);
  }

  slot(deskId: string): SessionSlot {
    return {
      get: () => this.#users.get(deskId) ?? null,
      set: (userId) => {
        this.#users.delete(deskId);
        this.#evicted.delete(deskId);
        if (userId === null) return;
        this.#users.set(deskId, userId);
        this.#evictOverflow();
      },
    };
  }

  /** Every call counts as a use of its desk: the cap signs out the one used least recently. */
  touch(deskId: string): void {
    const userId = this.#users.get(deskId);
    if (userId === undefined) return;
    this.#users.delete(deskId);
    this.#users.set(deskId, userId);
  }

  /** Adds `reason: 'evicted'` to the first `not_signed_in` a desk signed out by the cap receives. */
  explain(deskId: string, result: DispatchResult): DispatchResult {
    if (result.ok || result.error.code !== 'not_signed_in' || !this.#evicted.delete(deskId)) return result;
    return {
      ok: false,
      error: { code: 'not_signed_in', params: { ...result.error.params, reason: 'evicted' } },
    };
  }

  #evictOverflow(): void {
    for (const deskId of this.#users.keys()) {
      if (this.#users.size <= this.capacity) break;
      this.#users.delete(deskId);
      this.#evicted.add(deskId);
    }
    for (const deskId of this.#evicted) {
      if (this.#evicted.size <= this.capacity) break;
      this.#evicted.delete(deskId);
    }
  }
}
