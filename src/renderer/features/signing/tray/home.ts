import { allows } from '../../../../shared/api/access';
import { calls } from '../../../../shared/api/index';
import type { Role } from '../../../../shared/domain/cases';
import { defaultRoute, type Route } from '../../../app/routes';

/** Whether these roles sign resolutions (and so have a signing tray), by the contract's own rule. */
export const signsResolutions = (roles: readonly Role[]): boolean =>
  allows(calls['signatures.tray'].access, roles);

/** Where a user lands after signing in: a head on their signing tray, everybody else on the queues. */
export const homeRoute = (roles: readonly Role[]): Route =>
  signsResolutions(roles) ? { screen: 'tray', box: 'pending' } : defaultRoute;
