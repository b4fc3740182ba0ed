import { useI18n } from '../../app/I18nProvider';
import { routeHash } from '../../app/routes';
import { useRoute } from '../../app/useRoute';

/** The card diagnostics' place in the header, for everybody signed in at this desk. */
export function CardsNavLink() {
  const { t } = useI18n();
  const [route] = useRoute();
  return (
    <nav className="workspace-nav" aria-label={t('signFlow.diagnostics.title')}>
      <a
        href={routeHash({ screen: 'settings' })}
        aria-current={route.screen === 'settings' ? 'page' : undefined}
      >
        {t('signFlow.settings.link')}
      </a>
    </nav>
  );
}
