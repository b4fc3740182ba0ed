import { ApiError, type ApiErrorData } from './errors';
import { calls, isCallName, type CallName, type CallOutput, type ParsedInput } from './index';

/** Who is calling: one per window (IPC) or per loopback connection token (HTTP). */
export interface CallContext {
  /** Stable id of the desk connection, for logs and per-connection state. */
  readonly connectionId: string;
  readonly session: SessionSlot;
}

/** The signed-in user of one connection; the session handlers set it, every other handler reads it. */
export interface SessionSlot {
  get(): string | null;
  set(userId: string | null): void;
}

export type Handler<N extends CallName> = (input: ParsedInput<N>, ctx: CallContext) => Promise<CallOutput<N>>;
export type Handlers = { [N in CallName]: Handler<N> };

export type DispatchResult = { ok: true; value: unknown } | { ok: false; error: ApiErrorData };

export interface DispatchOptions {
  /** Called with failures that are not ApiErrors; must not log inputs (they may hold personal data). */
  onInternalError?: (name: string, error: unknown) => void;
}

/**
 * The one path every transport uses: check the name, parse the input, run the handler, check the
 * output, and turn every failure into a typed error code.
 */
export async function dispatch(
  handlers: Handlers,
  name: unknown,
  rawInput: unknown,
  ctx: CallContext,
  options: DispatchOptions = {},
): Promise<DispatchResult> {
  if (!isCallName(name)) return { ok: false, error: { code: 'unknown_call' } };
  const spec = calls[name];
  const parsed = spec.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const path = parsed.error.issues[0]?.path.join('.') ?? '';
    return { ok: false, error: { code: 'invalid_input', params: { field: path } } };
  }
  try {
    const handler = handlers[name] as (input: unknown, ctx: CallContext) => Promise<unknown>;
    const value = spec.output.parse(await handler(parsed.data, ctx));
    return { ok: true, value };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error: error.toData() };
    options.onInternalError?.(name, error);
    return { ok: false, error: { code: 'internal' } };
  }
}
