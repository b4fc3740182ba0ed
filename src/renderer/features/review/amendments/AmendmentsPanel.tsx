import { useState } from 'react';
import { maxAmendmentExtensionDays, type Amendment, type CaseDetail } from '../../../../shared/api/index';
import { canTransition } from '../../../../shared/domain/cases';
import { useI18n } from '../../../app/I18nProvider';
import { useErrorMessage } from '../../../app/useErrorMessage';
import { formatDate } from '../../../../shared/i18n/dates';
import { formatInstant, formatLegalDate } from '../../../ui/format';
import { useToasts } from '../../../ui/Toasts';
import { ExtendDialog } from './ExtendDialog';
import { ReplyDialog } from './ReplyDialog';
import { RequestDialog } from './RequestDialog';
import { useCaseAmendments } from './useAmendments';
import './AmendmentsPanel.css';

type Open = { kind: 'request' } | { kind: 'extend' | 'reply'; amendment: Amendment } | null;

/** The Madrid day a request was issued on, written as a legal date. */
const issuedOn = (instant: string, intl: string): string =>
  formatDate(new Date(instant), intl, { dateStyle: 'long', timeZone: 'Europe/Madrid' });

/** Days between two calendar dates (the suspended time of art. 22.1.a, natural days). */
const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * The case's amendment requests (art. 68) with their suspensions and replies, and, for the
 * processor who holds the case, the actions: request, extend (art. 68.2), register the reply.
 */
export function AmendmentsPanel({ detail, works }: { detail: CaseDetail; works: boolean }) {
  const { t, intl } = useI18n();
  const { notify } = useToasts();
  const errorMessage = useErrorMessage();
  const caseId = detail.case.id;
  const amendments = useCaseAmendments(caseId);
  const [open, setOpen] = useState<Open>(null);
  const day = (iso: string) => formatLegalDate(iso, intl);
  const version = detail.case.version;
  const list = amendments.data?.amendments ?? [];
  // A request still awaiting its reply, or one closed unanswered (the case is deemed withdrawn), bars another.
  const barsAnother = list.some((amendment) => amendment.state !== 'replied');
  const canRequest = works && !barsAnother && canTransition(detail.case.state, 'awaiting_amendment');
  const close = () => setOpen(null);

  return (
    <section aria-labelledby="case-amendments-title" className="amendments" data-tour="case.amendments">
      <div className="amendments__header">
        <h2 id="case-amendments-title">{t('amendments.title')}</h2>
        {canRequest && (
          <button
            type="button"
            className="button"
            data-tour="amendments.request"
            onClick={() => setOpen({ kind: 'request' })}
          >
            {t('amendments.request')}
          </button>
        )}
      </div>
      {amendments.isError && <p role="alert">{errorMessage(amendments.error)}</p>}
      {amendments.data && list.length === 0 && <p className="empty">{t('amendments.none')}</p>}
      <ol className="amendments__list">
        {list.map((amendment) => (
          <li key={amendment.id} className="amendment">
            <h3>
              {t('amendments.item.heading', { date: issuedOn(amendment.createdAt, intl) })}{' '}
              <span className={`amendment__state amendment__state--${amendment.state}`}>
                {t(`amendments.state.${amendment.state}`)}
              </span>
            </h3>
            <p className="amendment__label">{t('amendments.item.missing')}</p>
            <p className="amendment__missing">{amendment.missing}</p>
            {amendment.notification && (
              <p className="amendment__notification">
                {t('amendments.item.notification', {
                  state: t(`notifications.state.${amendment.notification.state}`),
                  channel: t(`notifications.channel.${amendment.notification.channel}`),
                })}
              </p>
            )}
            {amendment.notifiedOn === null || amendment.endsOn === null ? (
              amendment.state === 'pending_notification' && (
                <p className="amendment__pending">{t('amendments.item.pendingNotification')}</p>
              )
            ) : (
              <>
                <p>{t('amendments.item.notifiedOn', { date: day(amendment.notifiedOn) })}</p>
                <p>
                  {t('amendments.item.term', {
                    days: amendment.termDays + amendment.extensionDays,
                    date: day(amendment.endsOn),
                  })}
                  {amendment.extensionDays > 0 &&
                    ` · ${t('amendments.item.extension', { days: amendment.extensionDays })}`}
                </p>
              </>
            )}
            {amendment.suspension ? (
              <p>
                {amendment.suspension.to === null
                  ? t('amendments.item.suspension.running', { from: day(amendment.suspension.from) })
                  : t('amendments.item.suspension.ended', {
                      from: day(amendment.suspension.from),
                      to: day(amendment.suspension.to),
                      days: daysBetween(amendment.suspension.from, amendment.suspension.to),
                    })}
              </p>
            ) : (
              amendment.state === 'replied' && <p>{t('amendments.item.noSuspension')}</p>
            )}
            {amendment.reply && (
              <p className={amendment.reply.late ? 'amendment__late' : undefined}>
                {amendment.reply.late
                  ? t('amendments.item.replyLate', {
                      deemed: day(amendment.reply.deemedOn),
                      endsOn: amendment.endsOn === null ? '' : day(amendment.endsOn),
                    })
                  : t('amendments.item.reply', {
                      at: formatInstant(amendment.reply.at, intl),
                      deemed: day(amendment.reply.deemedOn),
                    })}{' '}
                {t('amendments.item.replyDocuments', { count: amendment.reply.documentIds.length })}
              </p>
            )}
            {works && (amendment.state === 'pending' || amendment.state === 'pending_notification') && (
              <div className="amendment__actions">
                {amendment.state === 'pending' &&
                  amendments.data?.allowsExtension &&
                  amendment.extensionDays < maxAmendmentExtensionDays && (
                    <button
                      type="button"
                      className="button"
                      onClick={() => setOpen({ kind: 'extend', amendment })}
                    >
                      {t('amendments.extend')}
                    </button>
                  )}
                <button
                  type="button"
                  className="button button--primary"
                  data-tour="amendments.reply"
                  onClick={() => setOpen({ kind: 'reply', amendment })}
                >
                  {t('amendments.reply')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ol>
      {open?.kind === 'request' && (
        <RequestDialog
          caseId={caseId}
          version={version}
          onCancel={close}
          onDone={() => {
            close();
            notify(t('amendments.requested'));
          }}
        />
      )}
      {open?.kind === 'extend' && (
        <ExtendDialog
          caseId={caseId}
          version={version}
          amendment={open.amendment}
          onCancel={close}
          onDone={() => {
            close();
            notify(t('amendments.extended'));
          }}
        />
      )}
      {open?.kind === 'reply' && (
        <ReplyDialog
          caseId={caseId}
          version={version}
          amendment={open.amendment}
          onCancel={close}
          onDone={(late) => {
            close();
            notify(t(late ? 'amendments.repliedLate' : 'amendments.replied'));
          }}
        />
      )}
    </section>
  );
}
