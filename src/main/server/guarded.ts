/**
 * Wraps an event listener so that nothing it does, synchronously or not, throws past it: an
 * exception in a server's listener would end the whole process. Failures go to `recover`, whose
 * own failure is swallowed as a last resort (it only tidies up one connection).
 */
export function guarded<A extends unknown[]>(
  handle: (...args: A) => Promise<void>,
  recover: (error: unknown, ...args: A) => void,
): (...args: A) => void {
  return (...args) => {
    new Promise<void>((resolve) => resolve(handle(...args))).catch((error: unknown) => {
      try {
        recover(error, ...args);
      } catch {
        // Nothing is left to do for this connection; the host goes on.
      }
    });
  };
}
