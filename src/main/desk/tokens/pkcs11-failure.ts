/** A PKCS#11 failure with the token's flags read right after it (how a card tells PIN tries left). */
export class Pkcs11Failure extends Error {
  constructor(
    readonly rv: number,
    readonly fn: string,
    readonly tokenFlags?: number,
  ) {
    super(`${fn} failed with ${rv}`);
  }
}
