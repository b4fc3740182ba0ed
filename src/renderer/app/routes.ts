import { queueNameSchema, type QueueName } from '../../shared/domain/cases';

export type Route =
  | { screen: 'queues'; queue: QueueName }
  | { screen: 'case'; caseId: string }
  /** The resolutions book. */
  | { screen: 'book' };

export const defaultRoute: Route = { screen: 'queues', queue: 'mine' };

/** `#/queues/<queue>`, `#/cases/<id>` or `#/book`; anything else is the default route. */
export function parseRoute(hash: string): Route {
  const [, screen, param] = hash.replace(/^#/, '').split('/');
  if (screen === 'queues') {
    const queue = queueNameSchema.safeParse(param);
    if (queue.success) return { screen: 'queues', queue: queue.data };
  }
  if (screen === 'cases' && param) return { screen: 'case', caseId: decodeURIComponent(param) };
  if (screen === 'book') return { screen: 'book' };
  return defaultRoute;
}

export function routeHash(route: Route): string {
  switch (route.screen) {
    case 'queues':
      return `#/queues/${route.queue}`;
    case 'case':
      return `#/cases/${encodeURIComponent(route.caseId)}`;
    case 'book':
      return '#/book';
  }
}
