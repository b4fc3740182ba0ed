import { parseRoute, routeHash, type Route } from '../../app/routes';

/**
 * Whether the screen at `hash` already is the step's `route`: the same route, or a signing screen
 * whose batch holds every request the step names. There the rest was signed already; opening the
 * requests left as a new batch would lose the batch's retry.
 */
export function alreadyShows(hash: string, route: Route): boolean {
  if (hash === routeHash(route)) return true;
  const current = parseRoute(hash);
  return (
    route.screen === 'sign' &&
    current.screen === 'sign' &&
    route.requestIds.every((id) => current.requestIds.includes(id))
  );
}
