import { TokenError } from '../../../../src/main/desk/tokens/errors';

/** The TokenError a promise rejects with; fails the test if it resolves or rejects with anything else. */
export async function tokenErrorOf(promise: Promise<unknown>): Promise<TokenError> {
  let outcome: unknown;
  try {
    outcome = await promise;
  } catch (error) {
    if (error instanceof TokenError) return error;
    throw new Error(`expected a TokenError, got ${String(error)}`, { cause: error });
  }
  throw new Error(`expected a TokenError, but it resolved (with ${describe(outcome)})`);
}

const describe = (value: unknown): string =>
  value && typeof value === 'object' ? `an object with ${Object.keys(value).join(', ')}` : String(value);

/** Whatever a synchronous call throws, for checking errors that are not promises. */
export function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}
