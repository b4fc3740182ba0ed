import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useClient } from '../api/ClientProvider';
import { useI18n } from './I18nProvider';

const startupKey = ['session', 'startup'] as const;
const pollMs = 1_000;

/**
 * The desk; while a first start is still seeding the demo city, how far the seeding got instead,
 * asked again every second until the desk is open. A desk that cannot be asked (no connection)
 * leaves the shell, which says so.
 */
export function StartupGate({ children }: { children: ReactNode }) {
  const client = useClient();
  const startup = useQuery({
    queryKey: startupKey,
    queryFn: () => client.call('session.startup', {}),
    refetchInterval: (query) => (query.state.data?.ready === false ? pollMs : false),
    staleTime: Infinity,
  });
  // Until the desk answers, the shell is drawn as it always was (its calls wait for the open desk):
  // a page load on an open desk, the usual case, is not held back by this question.
  if (startup.data?.ready === false) return <Preparing seeding={startup.data.seeding} />;
  return children;
}

function Preparing({ seeding }: { seeding: { done: number; total: number } | null }) {
  const { t } = useI18n();
  return (
    <main id="main" className="app-main">
      <section className="sign-in" aria-labelledby="startup-title">
        <h1 id="startup-title">{t('host.startup.title')}</h1>
        <div role="status" aria-live="polite">
          <progress max={seeding?.total} value={seeding?.done} aria-label={t('host.startup.progress')} />
          <p>{seeding ? t('host.startup.seeding', seeding) : t('host.startup.opening')}</p>
        </div>
        <p>{t('host.startup.once')}</p>
      </section>
    </main>
  );
}
