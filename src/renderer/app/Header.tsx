import { departmentName, positionName } from '../../shared/i18n/catalogue-names';
import { locales } from '../../shared/i18n/index';
import type { SessionInfo } from '../../shared/api/session';
import { useSignOut } from '../api/hooks';
import { readsBook } from '../features/resolutions/access';
import { BookNavLink } from '../features/resolutions/BookNavLink';
import { CardsNavLink } from '../features/settings/CardsNavLink';
import { signsResolutions } from '../features/signing/tray/home';
import { WorkspaceNav } from '../features/signing/tray/WorkspaceNav';
import { runsTheConsole } from '../features/trainer/access';
import { TrainerNavLink } from '../features/trainer/TrainerNavLink';
import { useI18n } from './I18nProvider';
import { htmlLang } from './locale';

export function Header({ session }: { session: SessionInfo | null }) {
  const { t, locale, setLocale } = useI18n();
  const signOut = useSignOut();
  return (
    <header className="app-header">
      <div className="app-header__brand">
        <span className="app-header__name">{t('app.name')}</span>
        <span className="app-header__tagline">{t('app.tagline')}</span>
      </div>
      {session?.mode === 'embedded' && <span className="demo-badge">{t('app.demoBadge')}</span>}
      {session && signsResolutions(session.user.roles) && <WorkspaceNav />}
      {session && readsBook(session.user.roles) && <BookNavLink />}
      {session && <CardsNavLink />}
      {session && runsTheConsole(session) && <TrainerNavLink />}
      <div className="app-header__tools">
        <div className="language-switch" role="group" aria-label={t('app.languageLabel')}>
          {locales.map((option) => (
            <button
              key={option}
              type="button"
              lang={htmlLang(option)}
              aria-pressed={option === locale}
              onClick={() => setLocale(option)}
            >
              {t(`locale.${option}`)}
            </button>
          ))}
        </div>
        {session && (
          <div className="app-header__user">
            <span>
              {t('app.signedInAs', { name: session.user.personName ?? session.user.name })}
              {session.user.personName !== undefined && (
                <span className="app-header__position">{t('signIn.seat', { name: session.user.name })}</span>
              )}
              <span className="app-header__position">
                {positionName(session.user.position, locale)} ·{' '}
                {departmentName(session.user.departmentId, session.user.departmentName, locale)}
              </span>
            </span>
            <button type="button" className="button button--quiet" onClick={() => signOut.mutate()}>
              {t('app.signOut')}
            </button>
          </div>
        )}
      </div>
    </header>
  );
}
