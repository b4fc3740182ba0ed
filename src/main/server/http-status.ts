import type { ErrorCode } from '../../shared/api/errors';

const statusByCode: Partial<Record<ErrorCode, number>> = {
  invalid_input: 400,
  not_signed_in: 401,
  forbidden: 403,
  unknown_user: 404,
  not_found: 404,
  unknown_call: 404,
  already_claimed: 409,
  invalid_transition: 409,
  calendar_missing_year: 422,
  storage_unavailable: 503,
  storage_locked: 503,
};

/** The body always says what went wrong; the status is for proxies, logs and curl users. */
export const httpStatusFor = (code: ErrorCode): number => statusByCode[code] ?? 500;
