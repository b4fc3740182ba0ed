import type { ActorResolver } from '../../shared/api/access';
import type { CallContext, ContractService, Handlers } from '../../shared/api/dispatch';
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
  ) as unknown as Handlers;
}

/** The desk's actor resolver, once the desk is ready (a call's access is checked before its handler). */
export function actorsWhenReady(desk: Promise<Pick<ContractService, 'actors'>>): ActorResolver {
  return { resolve: async (userId) => (await desk).actors.resolve(userId) };
}
