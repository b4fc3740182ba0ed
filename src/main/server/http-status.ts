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
  signature_not_addressed: 403,
  signature_not_your_turn: 409,
  signature_expired: 409,
  signature_withdrawn: 409,
  signature_rejected: 409,
  signature_already_signed: 409,
  signature_partly_signed: 409,
  signature_signer_inactive: 409,
  signature_document_changed: 409,
  signature_step_is_approval: 409,
  signature_step_is_signature: 409,
  signature_number_lost: 409,
  signature_stale: 409,
  signature_invalid_signed_file: 422,
  signature_request_pending: 409,
  signature_signer_not_eligible: 422,
  substitution_not_eligible: 422,
  substitution_dates: 422,
  substitution_overlaps: 409,
  storage_unavailable: 503,
  storage_locked: 503,
};

/** The body always says what went wrong; the status is for proxies, logs and curl users. */
export const httpStatusFor = (code: ErrorCode): number => statusByCode[code] ?? 500;
