import { loopback } from '../../shared/api/bridge';
import { trayBoxSchema, type TrayBox } from '../../shared/api/signatures';
import { queueNameSchema, type QueueName } from '../../shared/domain/cases';

export type Route =
  | { screen: 'queues'; queue: QueueName }
  | { screen: 'case'; caseId: string }
  | { screen: 'tray'; box: TrayBox }
  | { screen: 'substitutions' }
  /** The resolutions book. */
  | { screen: 'book' }
  /** Signing these requests with the card (the signing flow's screen). */
  | { screen: 'sign'; requestIds: string[] }
  /** The cards and certificates this desk sees, and the PKCS#11 modules it looks in. */
  | { screen: 'settings' }
  /** A training desk's trainer console: class sessions and the class's progress, live. */
  | { screen: 'trainingConsole' };

export const defaultRoute: Route = { screen: 'queues', queue: 'mine' };

/**
 * `#/queues/<queue>`, `#/cases/<id>`, `#/tray/<box>`, `#/substitutions`, `#/sign/<id>,<id>…` or `#/book`;
 * anything else is the default route.
 */
export function parseRoute(hash: string): Route {
  const [, screen, param] = hash.replace(/^#/, '').split('/');
  if (screen === 'queues') {
    const queue = queueNameSchema.safeParse(param);
    if (queue.success) return { screen: 'queues', queue: queue.data };
  }
  if (screen === 'cases' && param) return { screen: 'case', caseId: decodedOrAsTyped(param) };
  if (screen === 'tray') {
    const box = trayBoxSchema.safeParse(param);
    if (box.success) return { screen: 'tray', box: box.data };
  }
  if (screen === 'substitutions') return { screen: 'substitutions' };
  if (screen === 'book') return { screen: 'book' };
  if (screen === 'settings') return { screen: 'settings' };
  if (screen === 'training' && param === 'console') return { screen: 'trainingConsole' };
  if (screen === 'sign' && param) {
    const requestIds = param.split(',').filter((id) => /^\d{1,10}$/.test(id));
    if (requestIds.length > 0) return { screen: 'sign', requestIds };
  }
  return defaultRoute;
}

/**
 * A hand-typed or truncated link may carry a broken escape (`%E0%A4%A`): the case page then says
 * that no case has that id, naming it as typed, instead of the page failing to render.
 */
function decodedOrAsTyped(param: string): string {
  try {
    return decodeURIComponent(param);
  } catch {
    return param;
  }
}

/** Whether the fragment is the host's launch address (`#token=…` or `#launch=…`), not a route. */
export function carriesLaunchCredentials(hash: string): boolean {
  const fragment = new URLSearchParams(hash.replace(/^#/, ''));
  return fragment.has(loopback.tokenFragment) || fragment.has(loopback.launchFragment);
}

export function routeHash(route: Route): string {
  switch (route.screen) {
    case 'queues':
      return `#/queues/${route.queue}`;
    case 'case':
      return `#/cases/${encodeURIComponent(route.caseId)}`;
    case 'tray':
      return `#/tray/${route.box}`;
    case 'substitutions':
      return '#/substitutions';
    case 'book':
      return '#/book';
    case 'sign':
      return `#/sign/${route.requestIds.join(',')}`;
    case 'settings':
      return '#/settings';
    case 'trainingConsole':
      return '#/training/console';
  }
}
