import { useEffect, useRef } from 'react';
import { ApiError } from '../../../shared/api/errors';
import { CaseUnavailable } from '../../app/CaseUnavailable';
import { useI18n } from '../../app/I18nProvider';
import { useErrorMessage } from '../../app/useErrorMessage';
import { useCaseDetail, useClaim, useRelease } from '../../api/hooks';
import { useToasts } from '../../ui/Toasts';
import { ReassignButton } from '../queues/ReassignButton';
import { CaseSignatures } from './CaseSignatures';
import { CaseShortcuts } from './casework/CaseShortcuts';
import { CaseTimeline } from './casework/CaseTimeline';
import { CaseWork } from './casework/CaseWork';
import { AmendmentsPanel } from './amendments/AmendmentsPanel';
import { CaseSummary } from './CaseSummary';
import { DocumentsTable } from './DocumentsTable';
import { DueDatePanel } from './DueDatePanel';
import { NotificationsPanel } from './notifications/NotificationsPanel';
import { ExportCaseButton } from './export/ExportCaseButton';

interface CasePageProps {
  caseId: string;
  userId: string;
  /** Whether this user works cases (claims and releases) or only reviews them. */
  canClaim: boolean;
  onBack: () => void;
}

/** A first case page: who and what, the documents with their ENI metadata, and the audit trail. */
export function CasePage({ caseId, userId, canClaim, onBack }: CasePageProps) {
  const { t } = useI18n();
  const detail = useCaseDetail(caseId);
  const claim = useClaim();
  const release = useRelease();
  const { notify } = useToasts();
  const errorMessage = useErrorMessage();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const loaded = detail.data !== undefined;

  useEffect(() => {
    if (loaded) titleRef.current?.focus();
  }, [loaded]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) onBack();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onBack]);

  const back = (
    <button type="button" className="button button--quiet" aria-keyshortcuts="Escape" onClick={onBack}>
      <span aria-hidden="true">←</span> {t('case.back')} <kbd aria-hidden="true">{t('case.backHint')}</kbd>
    </button>
  );

  if (!detail.data) return <CaseUnavailable caseId={caseId} back={back} error={detail.error} />;

  const row = detail.data.case;
  const onError = (error: unknown) =>
    notify(
      error instanceof ApiError && error.code === 'already_claimed'
        ? t('queues.alreadyClaimed', { number: row.number })
        : errorMessage(error),
      'error',
    );

  return (
    <article className="case-page" aria-labelledby="case-title">
      <div className="case-page__bar">
        {back}
        <CaseShortcuts />
      </div>
      <header className="case-page__header">
        <h1 id="case-title" ref={titleRef} tabIndex={-1}>
          {t('case.title', { number: row.number })}
        </h1>
        <div className="case-page__actions">
          {canClaim && row.assigneeId === null && (
            <button
              type="button"
              data-tour="case.claim"
              className="button button--primary"
              aria-keyshortcuts="C"
              disabled={claim.isPending}
              onClick={() =>
                claim.mutate(row.id, {
                  onSuccess: () => notify(t('case.claimed', { number: row.number })),
                  onError,
                })
              }
            >
              {t('case.claim')}
            </button>
          )}
          {/* A closed case keeps the processor who worked it: it is not given back to the queue. */}
          {canClaim && row.assigneeId === userId && !row.closedAt && (
            <button
              type="button"
              data-tour="case.release"
              className="button"
              disabled={release.isPending}
              onClick={() =>
                release.mutate(row.id, {
                  onSuccess: () => notify(t('case.released', { number: row.number })),
                  onError,
                })
              }
            >
              {t('case.release')}
            </button>
          )}
          <ReassignButton row={row} userId={userId} canClaim={canClaim} />
          <ExportCaseButton caseId={row.id} state={row.state} />
        </div>
      </header>
      <section aria-labelledby="case-summary-title">
        <h2 id="case-summary-title" className="visually-hidden">
          {t('case.summary')}
        </h2>
        <CaseSummary detail={detail.data} />
        <DueDatePanel caseId={row.id} />
      </section>
      <AmendmentsPanel detail={detail.data} works={canClaim && row.assigneeId === userId} />
      <CaseSignatures detail={detail.data} />
      <NotificationsPanel detail={detail.data} works={canClaim} />
      <CaseWork detail={detail.data} canWork={canClaim} />
      <section aria-labelledby="case-documents-title">
        <h2 id="case-documents-title">{t('case.documents')}</h2>
        <DocumentsTable caseId={row.id} documents={detail.data.documents} />
      </section>
      <section aria-labelledby="case-history-title">
        <h2 id="case-history-title">{t('case.history')}</h2>
        <CaseTimeline history={detail.data.history} />
      </section>
    </article>
  );
}
