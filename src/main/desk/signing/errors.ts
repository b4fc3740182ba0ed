import type { MessageKey, MessageParams } from '../../../shared/i18n/index';

/** Which exit code and which part of the batch a failure concerns; `internal`: nobody knows. */
export type FailureKind = 'input' | 'certificate' | 'token' | 'tsa' | 'output' | 'internal';

/** A refusal or failure the user must read: its message is an i18n key with parameters. */
export class SigningError extends Error {
  constructor(
    readonly kind: FailureKind,
    readonly key: MessageKey,
    readonly params: MessageParams = {},
    options?: { cause?: unknown },
  ) {
    super(key, options);
  }
}
