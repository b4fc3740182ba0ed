import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useClient } from '../api/ClientProvider';
import { useI18n } from './I18nProvider';

const startupKey = ['session', 'startup'] as const;
const pollMs = 1_000;

/**
 * The desk as soon as it answers; before that, on a first start, how far the demo city's seeding
 * got. Asked again every second until the desk is open. A desk that cannot be asked (no
 * connection) goes straight to the shell, which says so.
 */
export function StartupGate({ children }: { children: ReactNode }) {
  const client = useClient();
  const startup = useQuery({
    queryKey: startupKey,
    queryFn: () => client.call('session.startup', {}),
    refetchInterval: (query) => (query.state.data?.ready === false ? pollMs : false),
    staleTime: Infinity,
  });
  if (startup.data?.ready === false) return <Preparing seeding={startup.data.seeding} />;
  if (startup.isPending) return null;
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
