import { ApiError } from '../../../src/shared/api/errors';

/** The ApiError a calendar rule refuses with (fails the test if it throws nothing, or something else). */
export function apiError(run: () => unknown): ApiError {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError');
}
