import { allows } from '../../../shared/api/access';
import { calls } from '../../../shared/api/index';
import type { Role } from '../../../shared/domain/cases';

/** Whether these roles read the resolutions book, by the contract's own rule. */
export const readsBook = (roles: readonly Role[]): boolean => allows(calls['book.search'].access, roles);
