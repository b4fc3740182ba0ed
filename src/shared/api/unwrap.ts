import type { BridgeResult } from './bridge';
import { apiErrorSchema, ApiError } from './errors';
import { calls, type CallName, type CallOutput } from './index';

/**
 * A call's answer as the contract says it, whoever carried it (the preload, the loopback host, a
 * remote office): the output checked against its schema, a refusal thrown as its ApiError, and
 * anything malformed as `internal`.
 */
export function unwrapResult<N extends CallName>(name: N, result: BridgeResult): CallOutput<N> {
  if (!result.ok) {
    const error = apiErrorSchema.safeParse(result.error);
    throw error.success ? ApiError.fromData(error.data) : new ApiError('internal');
  }
  const value = calls[name].output.safeParse(result.value);
  if (!value.success) throw new ApiError('internal');
  return value.data as CallOutput<N>;
}
