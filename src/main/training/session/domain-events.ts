import type { ActorContext, CallContext, Handlers } from '../../../shared/api/dispatch';
import type { Audience } from '../../../shared/api/audience';
import type { CallName } from '../../../shared/api/index';
import type { EventBus } from '../../events';
import type { DomainEvent } from './ports';

type AnyHandler = (input: unknown, ctx: CallContext) => Promise<unknown>;

/** The trainee's own calls and the desk's progress events are not something the trainee did. */
const isTrainingName = (name: string) => name.startsWith('training.');

/** Whether the trainee is at the desk: a call says they are, signing out that they went away. */
export interface Presence {
  here(traineeId: string): Promise<void>;
  away(traineeId: string): Promise<void>;
}

const signOut: CallName = 'session.signOut';

/**
 * The training desk's decorator of the contract's handlers: every call a signed-in user makes and
 * that succeeds is a domain event, observed before the answer goes back, so the walkthrough that
 * refetches on the answer already sees its step done. A call also says the caller is here (before
 * it is answered, so the progress it reads has the clock running), and signing out that they went
 * away. A failure to observe is reported and never fails the call: the work itself was done.
 */
export function reportingDomainEvents(
  handlers: Handlers,
  observe: (event: DomainEvent) => Promise<void>,
  onError: (error: unknown) => void,
  presence?: Presence,
): Handlers {
  const wrapped: Record<string, AnyHandler> = {};
  for (const [name, handler] of Object.entries(handlers) as [string, AnyHandler][]) {
    wrapped[name] = async (input, ctx) => {
      const actor = (ctx as Partial<ActorContext>).actor;
      if (actor && presence && name !== signOut) await presence.here(actor.id).catch(onError);
      const output = await handler(input, ctx);
      if (actor && !isTrainingName(name)) await observe({ name, traineeId: actor.id, input }).catch(onError);
      if (actor && presence && name === signOut) await presence.away(actor.id).catch(onError);
      return output;
    };
  }
  return wrapped as unknown as Handlers;
}

/**
 * The contract's events as domain events too (a signature confirmed, a case changed): each is
 * observed for the trainee it is addressed to, or, when it is addressed to a department or to
 * everyone, for every trainee `trainees()` names (a sandbox holds its own trainees only).
 */
export function observingContractEvents(
  events: EventBus,
  trainees: () => Promise<readonly string[]>,
  observe: (event: DomainEvent) => Promise<void>,
  onError: (error: unknown) => void,
): () => void {
  const addressed = async (audience: Audience) => (audience.kind === 'user' ? [audience.userId] : trainees());
  return events.subscribe((name, payload, audience) => {
    if (isTrainingName(name)) return;
    void addressed(audience)
      .then((ids) => Promise.all(ids.map((traineeId) => observe({ name, traineeId, input: payload }))))
      .catch(onError);
  });
}
