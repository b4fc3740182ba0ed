import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { QueueName } from '../../shared/domain/cases';
import { useClient } from '../api/ClientProvider';
import { useSession } from '../api/hooks';
import { wireInvalidation } from '../api/invalidation';
import type { ConnectionStatus } from '../api/transport';
import { CasePage } from '../features/review/CasePage';
import { QueuesScreen } from '../features/queues/QueuesScreen';
import { readsBook } from '../features/resolutions/access';
import { BookScreen } from '../features/resolutions/BookScreen';
import { initialQueueView, type QueueView } from '../features/queues/view-state';
import { homeRoute, signsResolutions } from '../features/signing/tray/home';
import { SubstitutionsScreen } from '../features/signing/tray/SubstitutionsScreen';
import { TrayScreen } from '../features/signing/tray/TrayScreen';
import { SignScreen } from '../features/signing/sign/SignScreen';
import { CardDiagnostics } from '../features/settings/CardDiagnostics';
import { Walkthrough } from '../features/training/Walkthrough';
import { runsTheConsole } from '../features/trainer/access';
import { TrainerConsole } from '../features/trainer/TrainerConsole';
import { caseWorkFor, queueToShow } from './case-work';
import { ConnectionBanner } from './ConnectionBanner';
import { Header } from './Header';
import { useI18n } from './I18nProvider';
import { NoCaseWorkScreen } from './NoCaseWorkScreen';
import { RouteErrorBoundary } from './RouteErrorBoundary';
import { routeHash, type Route } from './routes';
import { SignInScreen } from './SignInScreen';
import { TrainingBanner } from './TrainingBanner';
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
  /** Where a case opened from the signing tray goes back to (null: the queues). */
  const [caseReturn, setCaseReturn] = useState<Route | null>(null);

  const [connection, setConnection] = useState<ConnectionStatus>('connected');
  useEffect(() => wireInvalidation(client, queryClient, setConnection), [client, queryClient]);

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
  // Signing in lands on the user's home (a head's signing tray); a page load keeps its address.
  const landedUserId = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    const before = landedUserId.current;
    landedUserId.current = userId;
    if (!userId || !user || before === userId) return;
    if (before === null || window.location.hash === '') navigate(homeRoute(user.user.roles));
  }, [userId, user, navigate]);
  // The screen follows the roles: processors work the queues, a head reviews them, others get none.
  const work = user ? caseWorkFor(user.user.roles) : null;
  const signs = user ? signsResolutions(user.user.roles) : false;
  const tray = (box: 'pending' | 'signed' | 'rejected') => (
    <TrayScreen
      key={box}
      box={box}
      onSelectBox={(next) => navigate({ screen: 'tray', box: next })}
      onOpenCase={(caseId) => {
        setCaseReturn({ screen: 'tray', box });
        navigate({ screen: 'case', caseId });
      }}
      onSign={(requestIds) => navigate({ screen: 'sign', requestIds })}
    />
  );
  let content;
  if (session.isPending) content = <p className="loading">{t('app.loading')}</p>;
  else if (!user) content = <SignInScreen />;
  else if (route.screen === 'book' && readsBook(user.user.roles))
    content = (
      <BookScreen
        reader={user.user}
        onOpenCase={(caseId) => {
          setCaseReturn({ screen: 'book' });
          navigate({ screen: 'case', caseId });
        }}
      />
    );
  else if (route.screen === 'settings') content = <CardDiagnostics />;
  else if (route.screen === 'trainingConsole' && runsTheConsole(user)) content = <TrainerConsole />;
  else if (!work) content = <NoCaseWorkScreen roles={user.user.roles} />;
  else if (route.screen === 'case')
    content = (
      <CasePage
        caseId={route.caseId}
        userId={user.user.id}
        canClaim={work.canClaim}
        onBack={() => {
          if (caseReturn) return navigate(caseReturn);
          setReturningToQueue(true);
          navigate({ screen: 'queues', queue: lastQueue });
        }}
      />
    );
  else if (route.screen === 'tray' && signs) content = tray(route.box);
  else if (route.screen === 'substitutions' && signs) content = <SubstitutionsScreen />;
  else if (route.screen === 'sign' && signs)
    content = (
      <SignScreen
        key={route.requestIds.join(',')}
        requestIds={route.requestIds}
        onBack={() => navigate({ screen: 'tray', box: 'pending' })}
        onOpenDiagnostics={() => navigate({ screen: 'settings' })}
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
          setCaseReturn(null);
          setLastQueue(queue);
          setReturningToQueue(false);
          navigate({ screen: 'case', caseId });
        }}
      />
    );
  }

  return (
    <>
      <TrainingBanner />
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
      <ConnectionBanner status={connection} onRetry={() => client.reconnect()} />
      <main id="main" ref={mainRef} tabIndex={-1} className="app-main">
        <RouteErrorBoundary
          key={routeHash(route)}
          fallback={
            <section className="screen-error" aria-labelledby="screen-error-title">
              <h1 id="screen-error-title">{t('screenError.title')}</h1>
              <p role="alert">{t('screenError.message')}</p>
              <button
                type="button"
                className="button"
                onClick={() => {
                  const queues: Route = { screen: 'queues', queue: lastQueue };
                  // The queues themselves failed: only a fresh load can try them again.
                  if (routeHash(queues) === window.location.hash) window.location.reload();
                  else navigate(queues);
                }}
              >
                {t('screenError.back')}
              </button>
            </section>
          }
        >
          {content}
        </RouteErrorBoundary>
      </main>
      {/* A training desk guides its trainee through the scenario's steps; the trainer's console has none to guide. */}
      {user?.mode === 'training' && route.screen !== 'trainingConsole' && <Walkthrough />}
    </>
  );
}
