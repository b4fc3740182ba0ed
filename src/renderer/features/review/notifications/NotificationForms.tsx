import { useId, useState, type FormEvent } from 'react';
import type { Notification, PaperOutcome } from '../../../../shared/api/index';
import { useI18n } from '../../../app/I18nProvider';
import { useErrorMessage } from '../../../app/useErrorMessage';
import { useToasts } from '../../../ui/Toasts';
import { useNotificationChange } from './useNotifications';

/** A `datetime-local` value is the desk's own local time: the instant it names, as ISO. */
const instantOf = (local: string): string => new Date(local).toISOString();

interface FormProps {
  caseId: string;
  notification: Notification;
}

function useSaved() {
  const { t } = useI18n();
  const { notify } = useToasts();
  const errorMessage = useErrorMessage();
  return {
    onSuccess: () => notify(t('notifications.saved')),
    onError: (error: unknown) => notify(errorMessage(error), 'error'),
  };
}

/** What the city hall's site reports for an electronic notification: accessed or rejected, when. */
export function AccessForm({ caseId, notification }: FormProps) {
  const { t } = useI18n();
  const id = useId();
  const record = useNotificationChange('notifications.recordAccess', caseId);
  const saved = useSaved();
  const [outcome, setOutcome] = useState<'accessed' | 'rejected'>('accessed');
  const [at, setAt] = useState('');
  const [eventId, setEventId] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate({ notificationId: notification.id, outcome, at: instantOf(at), eventId }, saved);
  };
  return (
    <form className="notification-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{t('notifications.access.title')}</h4>
      <label htmlFor={`${id}-outcome`}>{t('notifications.access.outcome')}</label>
      <select
        id={`${id}-outcome`}
        value={outcome}
        onChange={(event) => setOutcome(event.target.value as 'accessed' | 'rejected')}
      >
        <option value="accessed">{t('notifications.access.accessed')}</option>
        <option value="rejected">{t('notifications.access.rejected')}</option>
      </select>
      <label htmlFor={`${id}-at`}>{t('notifications.access.at')}</label>
      {/* To the second, as the site reports it: an access in the notice's own minute is not refused. */}
      <input
        id={`${id}-at`}
        type="datetime-local"
        step={1}
        required
        value={at}
        onChange={(event) => setAt(event.target.value)}
      />
      <label htmlFor={`${id}-event`}>{t('notifications.access.eventId')}</label>
      <input
        id={`${id}-event`}
        required
        maxLength={128}
        value={eventId}
        onChange={(event) => setEventId(event.target.value)}
      />
      <button
        type="submit"
        className="button"
        data-tour="notification-access.submit"
        disabled={record.isPending}
      >
        {t('notifications.access.submit')}
      </button>
    </form>
  );
}

const outcomes: readonly PaperOutcome[] = ['delivered', 'absent', 'unknown_address', 'refused'];

/** One attempt at the applicant's address (art. 42.2). */
export function AttemptForm({ caseId, notification }: FormProps) {
  const { t } = useI18n();
  const id = useId();
  const record = useNotificationChange('notifications.recordPaperAttempt', caseId);
  const saved = useSaved();
  const [at, setAt] = useState('');
  const [outcome, setOutcome] = useState<PaperOutcome>('delivered');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate({ notificationId: notification.id, at: instantOf(at), outcome }, saved);
  };
  return (
    <form className="notification-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{t('notifications.attempt.title')}</h4>
      <p className="notification-form__hint">{t('notifications.attempt.rule')}</p>
      <label htmlFor={`${id}-at`}>{t('notifications.attempt.at')}</label>
      <input
        id={`${id}-at`}
        type="datetime-local"
        required
        value={at}
        onChange={(event) => setAt(event.target.value)}
      />
      <label htmlFor={`${id}-outcome`}>{t('notifications.attempt.outcome')}</label>
      <select
        id={`${id}-outcome`}
        value={outcome}
        onChange={(event) => setOutcome(event.target.value as PaperOutcome)}
      >
        {outcomes.map((value) => (
          <option key={value} value={value}>
            {t(`notifications.outcome.${value}`)}
          </option>
        ))}
      </select>
      <button
        type="submit"
        className="button"
        data-tour="notification-attempt.submit"
        disabled={record.isPending}
      >
        {t('notifications.attempt.submit')}
      </button>
    </form>
  );
}

/** The announcement in the BOE, once the attempts failed (art. 44). */
export function BoeForm({ caseId, notification }: FormProps) {
  const { t } = useI18n();
  const id = useId();
  const record = useNotificationChange('notifications.recordBoePublication', caseId);
  const saved = useSaved();
  const [publishedOn, setPublishedOn] = useState('');
  const [reference, setReference] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate({ notificationId: notification.id, publishedOn, reference }, saved);
  };
  return (
    <form className="notification-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{t('notifications.boe.title')}</h4>
      <label htmlFor={`${id}-on`}>{t('notifications.boe.publishedOn')}</label>
      <input
        id={`${id}-on`}
        type="date"
        required
        value={publishedOn}
        onChange={(event) => setPublishedOn(event.target.value)}
      />
      <label htmlFor={`${id}-reference`}>{t('notifications.boe.reference')}</label>
      <input
        id={`${id}-reference`}
        required
        pattern="BOE-[A-Z]-\d{4}-\d+"
        value={reference}
        onChange={(event) => setReference(event.target.value)}
      />
      <button type="submit" className="button" disabled={record.isPending}>
        {t('notifications.boe.submit')}
      </button>
    </form>
  );
}
