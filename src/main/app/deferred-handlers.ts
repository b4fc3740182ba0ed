import type { CallContext, Handlers } from '../../shared/api/dispatch';
import { callNames } from '../../shared/api/index';

type AnyHandler = (input: unknown, ctx: CallContext) => Promise<unknown>;

/**
 * Handlers that wait for the desk: the window opens at once (a first start seeds the demo city,
 * which takes a while) and its first calls are answered as soon as the store is ready.
 */
export function handlersWhenReady(desk: Promise<{ readonly handlers: Handlers }>): Handlers {
  return Object.fromEntries(
    callNames.map((name) => [
      name,
      async (input: unknown, ctx: CallContext) => {
        const { handlers } = await desk;
        return (handlers[name] as AnyHandler)(input, ctx);
      },
    ]),
  ) as Handlers;
}
