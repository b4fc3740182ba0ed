import type { ReactNode } from 'react';
import type { SignatureRequest } from '../../../../shared/api/signatures';
import { useI18n } from '../../../app/I18nProvider';
import { formatInstant, formatLegalDate } from '../../../ui/format';

export type RequestFact = 'sent' | 'expires' | 'priority' | 'mode';

/**
 * What a request says of itself, as a description list: the facts asked for, in that order, then
 * `children` (more entries of the same list). With `markExpired`, a request past its last day says
 * so beside the date.
 */
export function RequestFacts({
  request,
  facts,
  className,
  markExpired = false,
  children,
}: {
  request: SignatureRequest;
  facts: readonly RequestFact[];
  className: string;
  markExpired?: boolean;
  children?: ReactNode;
}) {
  const { t, intl } = useI18n();
  const entries: Record<RequestFact, { term: string; value: ReactNode }> = {
    sent: {
      term: t('tray.detail.sent'),
      value: t('tray.detail.sentBy', {
        name: request.sentBy.name,
        when: formatInstant(request.sentAt, intl),
      }),
    },
    expires: {
      term: t('tray.column.expires'),
      value: (
        <>
          {formatLegalDate(request.expiresOn, intl)}
          {markExpired && request.expired && (
            <span className="badge badge--danger"> {t('tray.expired')}</span>
          )}
        </>
      ),
    },
    priority: { term: t('tray.column.priority'), value: t(`signatures.priority.${request.priority}`) },
    mode: { term: t('tray.detail.mode'), value: t(`signatures.mode.${request.mode}`) },
  };
  return (
    <dl className={className}>
      {facts.map((fact) => (
        <div key={fact}>
          <dt>{entries[fact].term}</dt>
          <dd>{entries[fact].value}</dd>
        </div>
      ))}
      {children}
    </dl>
  );
}
