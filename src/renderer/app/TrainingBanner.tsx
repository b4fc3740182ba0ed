import { useQuery } from '@tanstack/react-query';
import { useClient } from '../api/ClientProvider';
import { useI18n } from './I18nProvider';
import './TrainingBanner.css';

const deskKey = ['session', 'desk'] as const;

/** The desk's mode as its composition set it: asked once, before and after signing in. */
function useDeskMode() {
  const client = useClient();
  return useQuery({
    queryKey: deskKey,
    queryFn: () => client.call('session.desk', {}),
    staleTime: Infinity,
  }).data?.mode;
}

/**
 * "MODO FORMACIÓN" above every screen of a training desk, sign-in included. The status region is
 * there from the first paint and gets its text once the host says the desk is a training desk, so
 * a screen reader announces it once; it sits in the page's flow, above the header, hiding nothing.
 */
export function TrainingBanner() {
  const { t } = useI18n();
  const training = useDeskMode() === 'training';
  return (
    <div role="status" className={training ? 'training-banner' : undefined}>
      {training && (
        <p className="training-banner__text">
          <strong className="training-banner__mode">{t('training.banner.mode')}</strong>{' '}
          <span>{t('training.banner.explanation')}</span>
        </p>
      )}
    </div>
  );
}
