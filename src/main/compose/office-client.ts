import { isBridgeResult, loopback } from '../../shared/api/bridge';
import { ApiError } from '../../shared/api/errors';
import type { CallInput, CallName, CallOutput } from '../../shared/api/index';
import { unwrapResult } from '../../shared/api/unwrap';

/** Where a desk reaches its office over the contract's HTTP binding, and as which desk connection. */
export interface OfficeAddress {
  /** The host's origin, e.g. `http://127.0.0.1:41234`. */
  origin: string;
  token: string;
  /** The desk connection whose sign-in the office keeps (a desk signs in once, with the card). */
  deskId: string;
}

export type OfficeCaller = <N extends CallName>(name: N, input: CallInput<N>) => Promise<CallOutput<N>>;

/**
 * The office's calls from a desk in another process or on another machine: each one a POST of the
 * contract's HTTP binding, its answer checked against the contract. An office that cannot be reached
 * (or answers something that is not the contract) is `no_connection`, never a refusal.
 */
export function officeClient(office: OfficeAddress, fetchImpl: typeof fetch = fetch): OfficeCaller {
  return async (name, input) => {
    const response = await fetchImpl(`${office.origin}${loopback.callPath(name)}`, {
      method: 'POST',
      headers: loopback.callHeaders(office.token, office.deskId),
      body: JSON.stringify(input ?? {}),
    }).catch(() => null);
    const body: unknown = await response?.json().catch(() => null);
    if (!isBridgeResult(body)) throw new ApiError('no_connection');
    return unwrapResult(name, body);
  };
}
