import { useI18n } from '../../app/I18nProvider';
import { routeHash } from '../../app/routes';
import { useRoute } from '../../app/useRoute';

/** The book's place in the header, for everybody who reads it. */
export function BookNavLink() {
  const { t } = useI18n();
  const [route] = useRoute();
  return (
    <nav className="workspace-nav" aria-label={t('book.nav')}>
      <a href={routeHash({ screen: 'book' })} aria-current={route.screen === 'book' ? 'page' : undefined}>
        {t('book.nav')}
      </a>
    </nav>
  );
}
