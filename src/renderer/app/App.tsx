import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { ApiError } from '../../shared/api/errors';
import type { RendererClient } from '../api/client';
import { ClientProvider } from '../api/ClientProvider';
import { queryKeys } from '../api/query-keys';
import { ToastProvider } from '../ui/Toasts';
import { I18nProvider, useI18n } from './I18nProvider';
import { Shell } from './Shell';
import { StartupGate } from './StartupGate';

/** Contract errors are answers, not glitches: retry only what might be a dropped connection. */
const shouldRetry = (failures: number, error: unknown) =>
  failures < 2 &&
  (!(error instanceof ApiError) || error.code === 'internal' || error.code === 'no_connection');

function createQueryClient(): QueryClient {
  // The desk lost its sign-in (host restarted, signed out elsewhere or by the desk cap), whether a
  // query or an action found out: back to the sign-in screen, which says why when the host said.
  const onError = (error: unknown) => {
    if (!(error instanceof ApiError) || error.code !== 'not_signed_in') return;
    queryClient.setQueryData(queryKeys.session, null);
    if (error.params?.reason) queryClient.setQueryData(queryKeys.signedOutBecause, error);
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: { retry: shouldRetry, refetchOnWindowFocus: false, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
  return queryClient;
}

function LocalizedToasts({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <ToastProvider dismissLabel={t('toasts.dismiss')} regionLabel={t('toasts.region')}>
      {children}
    </ToastProvider>
  );
}

export function App({ client }: { client: RendererClient }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <I18nProvider>
      <LocalizedToasts>
        <ClientProvider client={client}>
          <QueryClientProvider client={queryClient}>
            <StartupGate>
              <Shell />
            </StartupGate>
          </QueryClientProvider>
        </ClientProvider>
      </LocalizedToasts>
    </I18nProvider>
  );
}

/** Shown when the page was opened without the loopback host's token. */
export function MissingToken() {
  return (
    <I18nProvider>
      <MissingTokenMessage />
    </I18nProvider>
  );
}

function MissingTokenMessage() {
  const { t } = useI18n();
  return (
    <main id="main" className="app-main">
      <h1>{t('app.name')}</h1>
      <p role="alert">{t('app.noToken')}</p>
    </main>
  );
}
