import type { SessionSlot } from '../../shared/api/dispatch';

const deskIdPattern = /^[A-Za-z0-9_-]{8,64}$/;

/**
 * Each browser tab is a desk with its own sign-in, named by the id it sends. Ids are only names,
 * not secrets (the launch token is the secret); the oldest desks are forgotten past the cap.
 */
export class DeskSessions {
  readonly #users = new Map<string, string | null>();

  constructor(private readonly capacity = 200) {}

  static isValidId(id: unknown): id is string {
    return typeof id === 'string' && deskIdPattern.test(id);
  }

  slot(deskId: string): SessionSlot {
    return {
      get: () => this.#users.get(deskId) ?? null,
      set: (userId) => {
        this.#users.delete(deskId);
        this.#users.set(deskId, userId);
        while (this.#users.size > this.capacity) {
          const oldest = this.#users.keys().next().value;
          if (oldest === undefined) break;
          this.#users.delete(oldest);
        }
      },
    };
  }
}
