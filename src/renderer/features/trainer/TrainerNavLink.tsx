import { useI18n } from '../../app/I18nProvider';
import { routeHash } from '../../app/routes';
import { useRoute } from '../../app/useRoute';

/** The console's place in the header, for a training desk's trainers. */
export function TrainerNavLink() {
  const { t } = useI18n();
  const [route] = useRoute();
  return (
    <nav className="workspace-nav" aria-label={t('trainer.nav')}>
      <a
        href={routeHash({ screen: 'trainingConsole' })}
        aria-current={route.screen === 'trainingConsole' ? 'page' : undefined}
      >
        {t('trainer.nav')}
      </a>
    </nav>
  );
}
