import { useId } from 'react';
import type { SignatureRequest } from '../../../../shared/api/signatures';
import { useI18n } from '../../../app/I18nProvider';
import { formatInstant, formatLegalDate } from '../../../ui/format';
import { RequestSteps } from './RequestSteps';
import { ResolutionTextView } from './ResolutionTextView';

/** One request as a head reads it before acting: what, for whom, by when, who else, and the text. */
export function RequestDetail({ request }: { request: SignatureRequest }) {
  const { t, intl } = useI18n();
  const textId = useId();
  return (
    <div className="request-detail">
      <dl className="request-detail__facts">
        <div>
          <dt>{t('tray.column.expires')}</dt>
          <dd>
            {formatLegalDate(request.expiresOn, intl)}
            {request.expired && <span className="badge badge--danger"> {t('tray.expired')}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('tray.column.priority')}</dt>
          <dd>{t(`signatures.priority.${request.priority}`)}</dd>
        </div>
        <div>
          <dt>{t('tray.detail.mode')}</dt>
          <dd>{t(`signatures.mode.${request.mode}`)}</dd>
        </div>
        <div>
          <dt>{t('tray.detail.sent')}</dt>
          <dd>
            {t('tray.detail.sentBy', {
              name: request.sentBy.name,
              when: formatInstant(request.sentAt, intl),
            })}
          </dd>
        </div>
        {request.number && (
          <div>
            <dt>{t('tray.column.number')}</dt>
            <dd>{request.number}</dd>
          </div>
        )}
        <div>
          <dt>{t('tray.detail.hash')}</dt>
          <dd>
            <code className="hash hash--wrap">{request.sha256}</code>
          </dd>
        </div>
      </dl>
      {request.rejectionReason && (
        <p className="request-detail__reason">
          <strong>{t('signatures.rejectedBecause')}</strong> {request.rejectionReason}
        </p>
      )}
      <h3>{t('tray.detail.steps')}</h3>
      <RequestSteps steps={request.steps} />
      <h3 id={textId}>{t('tray.detail.text')}</h3>
      <ResolutionTextView
        locale={request.locale}
        labelledBy={textId}
        heading={{
          title: request.title,
          caseNumber: request.caseNumber,
          procedureName: request.procedureName[request.locale],
          applicantName: request.applicantName,
        }}
        text={request.text}
      />
    </div>
  );
}
