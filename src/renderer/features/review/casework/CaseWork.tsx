import { useId, useState } from 'react';
import type { CaseDetail } from '../../../../shared/api/index';
import { openStates } from '../../../../shared/domain/cases';
import { useI18n } from '../../../app/I18nProvider';
import { formatInstant, formatLegalDate } from '../../../ui/format';
import { AddReportDialog } from './AddReportDialog';
import { useWithdrawal } from './api';
import { CaseNotes } from './CaseNotes';
import { DeemWithdrawnDialog, WithdrawDialog } from './WithdrawalDialogs';
import './casework.css';

/** The `r` shortcut presses it. */
export const addReportButtonId = 'casework-add-report';

/**
 * The case's own work on its page: adding a report, the withdrawal (art. 94, or deemed under art.
 * 68.1 once the amendment term ended) and the internal notes. Processors act; heads read and write
 * notes.
 */
export function CaseWork({ detail, canWork }: { detail: CaseDetail; canWork: boolean }) {
  const { t, intl } = useI18n();
  const withdrawal = useWithdrawal(detail.case.id);
  const [dialog, setDialog] = useState<'report' | 'withdraw' | 'deem' | null>(null);
  const titleId = useId();
  const state = detail.case.state;
  const open = openStates.includes(state);
  const recorded = withdrawal.data ?? null;
  const canWithdraw = canWork && open && state !== 'awaiting_signature' && withdrawal.data === null;

  return (
    <>
      {canWork && open && (
        <div className="casework-actions">
          <button
            id={addReportButtonId}
            data-tour="case.report-open"
            type="button"
            className="button"
            aria-keyshortcuts="R"
            onClick={() => setDialog('report')}
          >
            {t('casework.report.open')}
          </button>
        </div>
      )}
      <section aria-labelledby={titleId} className="casework-withdrawal">
        <h2 id={titleId}>{t('casework.withdrawal.title')}</h2>
        {recorded === null && <p className="empty">{t('casework.withdrawal.none')}</p>}
        {recorded?.kind === 'applicant' && (
          <p>
            {t('casework.withdrawal.applicant', { date: formatLegalDate(recorded.filedOn ?? '', intl) })}{' '}
            {recorded.registryNumber &&
              t('casework.withdrawal.applicantRegistry', { number: recorded.registryNumber })}{' '}
            {recorded.documentId && t('casework.withdrawal.applicantDocument')}
          </p>
        )}
        {recorded?.kind === 'deemed' && (
          <p>
            {t('casework.withdrawal.deemed', {
              notified: formatLegalDate(recorded.amendmentNotifiedOn ?? '', intl),
              ended: formatLegalDate(recorded.amendmentTermEndedOn ?? '', intl),
            })}
          </p>
        )}
        {recorded && (
          <p className="hint">
            {t('casework.withdrawal.recorded', {
              name: recorded.recordedBy.name,
              when: formatInstant(recorded.recordedAt, intl),
            })}{' '}
            {open && t('casework.withdrawal.next')}
          </p>
        )}
        {canWithdraw && (
          <div className="casework-actions">
            <button type="button" className="button" onClick={() => setDialog('withdraw')}>
              {t('casework.withdrawal.register')}
            </button>
            {state === 'awaiting_amendment' && (
              <button type="button" className="button" onClick={() => setDialog('deem')}>
                {t('casework.withdrawal.deem')}
              </button>
            )}
          </div>
        )}
      </section>
      <CaseNotes caseId={detail.case.id} />
      {dialog === 'report' && <AddReportDialog detail={detail} onClose={() => setDialog(null)} />}
      {dialog === 'withdraw' && <WithdrawDialog detail={detail} onClose={() => setDialog(null)} />}
      {dialog === 'deem' && <DeemWithdrawnDialog detail={detail} onClose={() => setDialog(null)} />}
    </>
  );
}
