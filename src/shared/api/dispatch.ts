import { actorOf, allows, type Access, type Actor, type ActorResolver, type PublicAccess } from './access';
import { ApiError, type ApiErrorData, type ErrorCode } from './errors';
import { calls, isCallName, type CallName, type CallOutput, type Calls, type ParsedInput } from './index';

/** Who is calling: one per window (IPC) or per loopback connection token (HTTP). */
export interface CallContext {
  /** Stable id of the desk connection, for logs and per-connection state. */
  readonly connectionId: string;
  readonly session: SessionSlot;
}

/** What a handler of a call that needs a signed-in user gets: that user, resolved by `dispatch`. */
export interface ActorContext extends CallContext {
  readonly actor: Actor;
}

/**
 * The signed-in user of one connection. The session handlers (or, on a server, the identity
 * provider) set it; `dispatch` reads it to resolve the actor of every other call.
 */
export interface SessionSlot {
  get(): string | null;
  set(userId: string | null): void;
}

export type ContextFor<N extends CallName> = Calls[N]['access'] extends PublicAccess
  ? CallContext
  : ActorContext;

export type Handler<N extends CallName> = (
  input: ParsedInput<N>,
  ctx: ContextFor<N>,
) => Promise<CallOutput<N>>;
export type Handlers = { [N in CallName]: Handler<N> };

/** What a transport dispatches to: the handlers, and who a connection's signed-in user is. */
export interface ContractService {
  readonly handlers: Handlers;
  readonly actors: ActorResolver;
}

export type DispatchResult = { ok: true; value: unknown } | { ok: false; error: ApiErrorData };

export interface DispatchOptions {
  /** Called with failures that are not ApiErrors; must not log inputs (they may hold personal data). */
  onInternalError?: (name: string, error: unknown) => void;
}

/**
 * Who may go on: the context the handler gets, or the code refusing the call. The actor is
 * resolved afresh (the resolver may cache briefly), so a removed or deactivated user is signed out.
 */
async function admit(
  rule: Access,
  ctx: CallContext,
  actors: ActorResolver,
): Promise<CallContext | ActorContext | ErrorCode> {
  if (rule.kind === 'public') return ctx;
  const userId = ctx.session.get();
  const actor = await actorOf(ctx.session, actors);
  if (actor === null) {
    // Only this user's session ends: the connection may have signed in as someone else meanwhile.
    if (userId !== null && ctx.session.get() === userId) ctx.session.set(null);
    return 'not_signed_in';
  }
  if (!allows(rule, actor.roles)) return 'forbidden';
  return { ...ctx, actor };
}

/**
 * The one path every transport uses: check the name, enforce the call's access rule (resolving the
 * actor once), parse the input, run the handler with the actor, check the output, and turn every
 * failure into a typed error code.
 */
export async function dispatch(
  contract: ContractService,
  name: unknown,
  rawInput: unknown,
  ctx: CallContext,
  options: DispatchOptions = {},
): Promise<DispatchResult> {
  if (!isCallName(name)) return { ok: false, error: { code: 'unknown_call' } };
  const spec = calls[name];
  try {
    const admitted = await admit(spec.access, ctx, contract.actors);
    if (typeof admitted === 'string') return { ok: false, error: { code: admitted } };
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const path = parsed.error.issues[0]?.path.join('.') ?? '';
      return { ok: false, error: { code: 'invalid_input', params: { field: path } } };
    }
    const handler = contract.handlers[name] as (input: unknown, ctx: CallContext) => Promise<unknown>;
    const value = spec.output.parse(await handler(parsed.data, admitted));
    return { ok: true, value };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error: error.toData() };
    options.onInternalError?.(name, error);
    return { ok: false, error: { code: 'internal' } };
  }
}
