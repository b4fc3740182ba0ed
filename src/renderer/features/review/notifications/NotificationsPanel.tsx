import type { CaseDetail, Notification } from '../../../../shared/api/index';
import { documentTitle } from '../../../../shared/i18n/catalogue-names';
import { useI18n } from '../../../app/I18nProvider';
import { useErrorMessage } from '../../../app/useErrorMessage';
import { formatInstant, formatLegalDate } from '../../../ui/format';
import { useToasts } from '../../../ui/Toasts';
import { AccessForm, AttemptForm, BoeForm } from './NotificationForms';
import { useCaseNotifications, useNotificationChange } from './useNotifications';
import './NotificationsPanel.css';

function Timeline({ notification }: { notification: Notification }) {
  const { t, intl } = useI18n();
  return (
    <ol className="notification__events" aria-label={t('notifications.events.title')}>
      {notification.events.map((event) => (
        <li key={event.id}>
          <time dateTime={event.at}>{formatInstant(event.at, intl)}</time>{' '}
          {t(`notifications.event.${event.kind}`, {
            outcome: event.outcome ? t(`notifications.outcome.${event.outcome}`) : '',
          })}{' '}
          <span className="notification__by">
            (
            {event.recordedBy === null
              ? t('notifications.event.bySweep')
              : t('notifications.event.by', { name: event.recordedBy })}
            )
          </span>
        </li>
      ))}
    </ol>
  );
}

/**
 * The case's notifications (arts. 40–46): an amendment request's, made when it is issued, and the
 * resolution's (notify a resolved case on the applicant's channel); each one's state and events,
 * what the site or the messenger reports, the BOE, the archive; and the reading of art. 43.2's ten
 * days this office applies.
 */
export function NotificationsPanel({ detail, works }: { detail: CaseDetail; works: boolean }) {
  const { t, intl, locale } = useI18n();
  const { notify: toast } = useToasts();
  const errorMessage = useErrorMessage();
  const caseId = detail.case.id;
  const state = detail.case.state;
  const notifications = useCaseNotifications(caseId);
  const notify = useNotificationChange('notifications.notify', caseId);
  const archive = useNotificationChange('notifications.archive', caseId);
  const data = notifications.data;
  const list = data?.notifications ?? [];
  // Before the resolution only an amendment request's notifications show (the site's access is recorded here).
  if (!['resolved', 'notified', 'archived'].includes(state) && list.length === 0) return null;
  const resolutionNotified = list.some((notification) => notification.purpose === 'resolution');
  const onError = (error: unknown) => toast(errorMessage(error), 'error');

  return (
    <section
      aria-labelledby="case-notifications-title"
      className="notifications"
      data-tour="case.notifications"
    >
      <div className="notifications__header">
        <h2 id="case-notifications-title">{t('notifications.title')}</h2>
        {works && data && state === 'resolved' && !resolutionNotified && (
          <button
            type="button"
            data-tour="notifications.notify"
            className="button button--primary"
            disabled={notify.isPending}
            onClick={() =>
              notify.mutate(
                { caseId, locale },
                { onSuccess: () => toast(t('notifications.notified')), onError },
              )
            }
          >
            {notify.isPending ? t('notifications.notifying') : t('notifications.notify')}
          </button>
        )}
        {works && state === 'notified' && (
          <button
            type="button"
            data-tour="notifications.archive"
            className="button"
            disabled={archive.isPending}
            onClick={() =>
              archive.mutate({ caseId }, { onSuccess: () => toast(t('notifications.archived')), onError })
            }
          >
            {t('notifications.archive')}
          </button>
        )}
      </div>
      {notifications.isError && <p role="alert">{errorMessage(notifications.error)}</p>}
      {data && !resolutionNotified && state === 'resolved' && (
        <p className="empty">
          {t('notifications.none')} {t(`notifications.notify.${data.channel}`)}
        </p>
      )}
      {list.map((notification) => (
        <article
          key={notification.id}
          className="notification"
          aria-label={
            notification.purpose === 'amendment_request'
              ? t('amendments.notification.label')
              : t('notifications.title')
          }
        >
          <p>
            <strong>
              {t('notifications.stateLabel', { state: t(`notifications.state.${notification.state}`) })}
            </strong>{' '}
            ·{' '}
            {t('notifications.channelLabel', { channel: t(`notifications.channel.${notification.channel}`) })}
          </p>
          <p>{t('notifications.document', { title: documentTitle(notification.document.title, locale) })}</p>
          {notification.noticeDocumentId && (
            <p>{t('notifications.noticeDocument', { id: notification.noticeDocumentId })}</p>
          )}
          {notification.effectiveAt && (
            <p>{t('notifications.effective', { at: formatInstant(notification.effectiveAt, intl) })}</p>
          )}
          {notification.state === 'available' && notification.rejectsAt && (
            <p>{t('notifications.rejectsAt', { at: formatInstant(notification.rejectsAt, intl) })}</p>
          )}
          {notification.boe && (
            <p>
              {t('notifications.boe.published', {
                date: formatLegalDate(notification.boe.publishedOn, intl),
                reference: notification.boe.reference,
              })}
            </p>
          )}
          <h3>{t('notifications.events.title')}</h3>
          <Timeline notification={notification} />
          {works && notification.state === 'available' && (
            <AccessForm caseId={caseId} notification={notification} />
          )}
          {works && notification.state === 'paper_pending' && (
            <AttemptForm caseId={caseId} notification={notification} />
          )}
          {works && notification.state === 'failed' && (
            <BoeForm caseId={caseId} notification={notification} />
          )}
        </article>
      ))}
      {data && list.some((notification) => notification.channel === 'electronic') && (
        <details className="notifications__reading">
          <summary>{t('notifications.reading.title')}</summary>
          <p>{t('notifications.reading.both')}</p>
          <p>{t(`notifications.reading.${data.reading}`)}</p>
        </details>
      )}
    </section>
  );
}
