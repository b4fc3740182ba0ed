import type { ActorResolver } from '../../shared/api/access';
import type { CallContext, ContractService, Handlers } from '../../shared/api/dispatch';
import { callNames } from '../../shared/api/index';
import { EventBus } from '../events';
import { composeDesk, type ComposeOptions, type Desk, type DeskComposition } from '../compose';

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

/** A desk being opened: served at once, its calls held until it is open, and how far its opening got. */
export interface StartingDesk extends ContractService, Pick<Desk, 'left'> {
  readonly events: EventBus;
  /** The desk once open; rejects as composing it does (a locked or corrupt store, say). */
  readonly ready: Promise<Desk>;
}

/**
 * Starts opening a desk and serves it meanwhile: `session.startup` answers at once with the demo
 * city's seeding so far, every other call waits for the open desk. The transports subscribe to
 * the events now; the desk emits on the same bus once open.
 */
export function startDesk(
  composition: DeskComposition,
  options: ComposeOptions = {},
  compose: typeof composeDesk = composeDesk,
): StartingDesk {
  const events = options.events ?? new EventBus();
  let seeding: { done: number; total: number } | null = null;
  let open = false;
  const ready = compose(composition, {
    ...options,
    events,
    onSeedProgress: (done, total) => {
      seeding = { done, total };
      options.onSeedProgress?.(done, total);
    },
  });
  ready.then(
    () => (open = true),
    () => undefined,
  );
  return {
    events,
    ready,
    handlers: {
      ...handlersWhenReady(ready),
      'session.startup': async () => (open ? { ready: true, seeding: null } : { ready: false, seeding }),
    },
    actors: actorsWhenReady(ready),
    // Nobody signed in before the desk opened, so nobody can have left it before then.
    left: async (userId) => (await ready).left(userId),
  };
}
