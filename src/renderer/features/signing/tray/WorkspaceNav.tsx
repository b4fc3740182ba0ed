import { useI18n } from '../../../app/I18nProvider';
import { routeHash, type Route } from '../../../app/routes';
import { useRoute } from '../../../app/useRoute';
import { useTrayCounts } from '../../../api/signatures';

/**
 * A head's places, in the header: the signing tray with what waits for them, the department's
 * cases, and their substitutions.
 */
export function WorkspaceNav() {
  const { t, intl } = useI18n();
  const [route] = useRoute();
  const counts = useTrayCounts();
  const pending = counts.data?.pending;
  const links: { route: Route; label: string; current: boolean; count?: number }[] = [
    {
      route: { screen: 'tray', box: 'pending' },
      label: t('tray.nav.tray'),
      current: route.screen === 'tray',
      count: pending,
    },
    {
      route: { screen: 'queues', queue: 'unassigned' },
      label: t('tray.nav.cases'),
      current: route.screen === 'queues' || route.screen === 'case',
    },
    {
      route: { screen: 'substitutions' },
      label: t('tray.nav.substitutions'),
      current: route.screen === 'substitutions',
    },
  ];
  return (
    <nav className="workspace-nav" aria-label={t('tray.nav.label')}>
      {links.map((link) => (
        <a key={link.label} href={routeHash(link.route)} aria-current={link.current ? 'page' : undefined}>
          {link.label}
          {link.count !== undefined && (
            <span className="workspace-nav__count" data-testid="header-pending-count">
              <span className="visually-hidden"> (</span>
              {link.count.toLocaleString(intl)}
              <span className="visually-hidden">{t('tray.nav.pendingSuffix')})</span>
            </span>
          )}
        </a>
      ))}
    </nav>
  );
}
