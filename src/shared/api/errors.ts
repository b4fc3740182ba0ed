import { z } from 'zod';

/**
 * Every failure crosses the contract as one of these codes; the renderer turns the code (and its
 * params) into a sentence in the user's language, so no message text travels from main.
 */
export const errorCodes = [
  'invalid_input',
  'not_signed_in',
  'forbidden',
  'unknown_user',
  /** The card's sign-in was not accepted; `reason` says why (office/card-sign-in.ts, CardRefusal). */
  'card_sign_in_refused',
  'not_found',
  'already_claimed',
  'invalid_transition',
  'conflict',
  'calendar_missing_year',
  'storage_corrupt',
  'storage_unavailable',
  'storage_locked',
  'storage_locked_elsewhere',
  'storage_lock_unreadable',
  /** A training desk was pointed at a folder that is not its sandbox (production data, say). */
  'storage_not_a_training_sandbox',
  'signature_not_addressed',
  'signature_not_your_turn',
  'signature_expired',
  'signature_withdrawn',
  'signature_rejected',
  'signature_already_signed',
  'signature_partly_signed',
  'signature_signer_inactive',
  'signature_document_changed',
  'signature_step_is_approval',
  'signature_step_is_signature',
  'signature_number_lost',
  'signature_stale',
  'signature_invalid_signed_file',
  'signature_not_verified',
  'signature_certificate_untrusted',
  'signature_wrong_certificate',
  'signature_signer_without_nif',
  'signature_request_pending',
  'signature_signer_not_eligible',
  'substitution_not_eligible',
  'substitution_dates',
  'substitution_overlaps',
  'reassign_target_not_eligible',
  'desk_only',
  'seal_not_configured',
  'seal_unusable',
  'seal_not_valid_now',
  'signing_batch_busy',
  'signing_batch_replaced',
  'pkcs11_module_invalid',
  'export_case_open',
  'export_document_changed',
  'export_too_large',
  'training_no_completions',
  'notification_case_not_resolved',
  'notification_exists',
  'notification_no_resolution',
  'notification_already_settled',
  'notification_event_conflict',
  'notification_event_out_of_time',
  'notification_wrong_channel',
  'notification_second_attempt',
  'notification_attempts_done',
  'notification_boe_not_allowed',
  'notification_clock_backwards',
  'unknown_call',
  /** Said by the renderer's client, never by main: the request got no answer (the host is down). */
  'no_connection',
  'internal',
] as const;

export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const errorParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));
export type ErrorParams = z.infer<typeof errorParamsSchema>;

export const apiErrorSchema = z.object({ code: errorCodeSchema, params: errorParamsSchema.optional() });
export type ApiErrorData = z.infer<typeof apiErrorSchema>;

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams | undefined;

  constructor(code: ErrorCode, params?: ErrorParams) {
    super(code);
    this.name = 'ApiError';
    this.code = code;
    this.params = params;
  }

  toData(): ApiErrorData {
    return this.params ? { code: this.code, params: this.params } : { code: this.code };
  }

  static fromData(data: ApiErrorData): ApiError {
    return new ApiError(data.code, data.params);
  }
}
