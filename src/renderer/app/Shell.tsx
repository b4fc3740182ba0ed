import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { QueueName } from '../../shared/domain/cases';
import { useClient } from '../api/ClientProvider';
import { useSession } from '../api/hooks';
import { wireInvalidation } from '../api/invalidation';
import { CasePage } from '../features/review/CasePage';
import { QueuesScreen } from '../features/queues/QueuesScreen';
import { readsBook } from '../features/resolutions/access';
import { BookScreen } from '../features/resolutions/BookScreen';
import { initialQueueView, type QueueView } from '../features/queues/view-state';
import { caseWorkFor, queueToShow } from './case-work';
import { Header } from './Header';
import { useI18n } from './I18nProvider';
import { NoCaseWorkScreen } from './NoCaseWorkScreen';
import { SignInScreen } from './SignInScreen';
import { useRoute } from './useRoute';

export function Shell() {
  const { t } = useI18n();
  const client = useClient();
  const queryClient = useQueryClient();
  const session = useSession();
  const [route, navigate] = useRoute();
  const mainRef = useRef<HTMLElement>(null);
  // The queue, its filters and the active row outlive a visit to a case, so Escape returns to them.
  const [queueView, setQueueView] = useState<QueueView>(initialQueueView);
  const [lastQueue, setLastQueue] = useState<QueueName>(route.screen === 'queues' ? route.queue : 'mine');
  const [returningToQueue, setReturningToQueue] = useState(false);

  const [connected, setConnected] = useState(true);
  useEffect(() => wireInvalidation(client, queryClient, setConnected), [client, queryClient]);

  const user = session.data ?? null;
  // Signing in or out changes the whole screen: reading starts again at the main content. A page
  // load leaves focus alone, so the first Tab still reaches the skip link.
  const userId = session.isFetched ? (user?.user.id ?? null) : undefined;
  const previousUserId = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (previousUserId.current !== undefined && previousUserId.current !== userId)
      mainRef.current?.focus({ preventScroll: true });
    previousUserId.current = userId;
  }, [userId]);
  // The screen follows the roles: processors work the queues, a head reviews them, others get none.
  const work = user ? caseWorkFor(user.user.roles) : null;
  let content;
  if (session.isPending) content = <p className="loading">{t('app.loading')}</p>;
  else if (!user) content = <SignInScreen />;
  else if (route.screen === 'book' && readsBook(user.user.roles))
    content = <BookScreen reader={user.user} onOpenCase={(caseId) => navigate({ screen: 'case', caseId })} />;
  else if (!work) content = <NoCaseWorkScreen roles={user.user.roles} />;
  else if (route.screen === 'case')
    content = (
      <CasePage
        caseId={route.caseId}
        userId={user.user.id}
        canClaim={work.canClaim}
        onBack={() => {
          setReturningToQueue(true);
          navigate({ screen: 'queues', queue: lastQueue });
        }}
      />
    );
  else {
    const queue = queueToShow(work, route.screen === 'queues' ? route.queue : 'mine');
    content = (
      <QueuesScreen
        queue={queue}
        work={work}
        view={queueView}
        focusListOnMount={returningToQueue}
        onViewChange={setQueueView}
        onSelectQueue={(queue) => {
          setQueueView((view) => ({ ...view, activeIndex: 0 }));
          navigate({ screen: 'queues', queue });
        }}
        onOpenCase={(caseId) => {
          setLastQueue(queue);
          setReturningToQueue(false);
          navigate({ screen: 'case', caseId });
        }}
      />
    );
  }

  return (
    <>
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          mainRef.current?.focus();
        }}
      >
        {t('app.skipToContent')}
      </a>
      <Header session={user} />
      {!connected && (
        <p className="connection-banner" role="alert">
          {t('app.connectionLost')}
        </p>
      )}
      <main id="main" ref={mainRef} tabIndex={-1} className="app-main">
        {content}
      </main>
    </>
  );
}
