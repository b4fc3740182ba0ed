import { newLaunchToken, tokenMatches } from './access';

/**
 * One-time codes that a page exchanges for the launch token. A URL opened in a browser passes
 * through the command line of `xdg-open` and of the browser, which every local user can read in
 * /proc; a code there is worth nothing once the page has used it, or once it expires unused.
 */
export class LaunchCodes {
  readonly #expiries = new Map<string, number>();

  constructor(
    private readonly lifetimeMs: number,
    private readonly clock: () => number,
  ) {}

  issue(): string {
    this.#forgetExpired();
    const code = newLaunchToken();
    this.#expiries.set(code, this.clock() + this.lifetimeMs);
    return code;
  }

  /** True once per issued code, within its lifetime. */
  redeem(offered: string): boolean {
    this.#forgetExpired();
    for (const code of this.#expiries.keys()) {
      if (tokenMatches(code, offered)) {
        this.#expiries.delete(code);
        return true;
      }
    }
    return false;
  }

  #forgetExpired(): void {
    const now = this.clock();
    for (const [code, expiry] of this.#expiries) if (expiry <= now) this.#expiries.delete(code);
  }
}
