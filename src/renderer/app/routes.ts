import { queueNameSchema, type QueueName } from '../../shared/domain/cases';

export type Route = { screen: 'queues'; queue: QueueName } | { screen: 'case'; caseId: string };

export const defaultRoute: Route = { screen: 'queues', queue: 'mine' };

/** `#/queues/<queue>` or `#/cases/<id>`; anything else is the default route. */
export function parseRoute(hash: string): Route {
  const [, screen, param] = hash.replace(/^#/, '').split('/');
  if (screen === 'queues') {
    const queue = queueNameSchema.safeParse(param);
    if (queue.success) return { screen: 'queues', queue: queue.data };
  }
  if (screen === 'cases' && param) return { screen: 'case', caseId: decodeURIComponent(param) };
  return defaultRoute;
}

export function routeHash(route: Route): string {
  return route.screen === 'queues'
    ? `#/queues/${route.queue}`
    : `#/cases/${encodeURIComponent(route.caseId)}`;
}
