import { ApiError } from '../../src/shared/api/errors';

/** The ApiError a call is refused with (fails the test if it succeeds, or fails with something else). */
export async function rejectionOf(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('the call succeeded');
}
