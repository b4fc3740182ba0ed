import { ApiError } from '../../../src/shared/api/errors';
import { thrownBy } from '../../support/thrown';

/** The ApiError a calendar rule refuses with (fails the test if it throws nothing, or something else). */
export const apiError = (run: () => unknown): ApiError => thrownBy(ApiError, run);
