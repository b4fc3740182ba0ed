import type { ReactNode } from 'react';
import type { CaseDetail } from '../../../shared/api/index';
import { useI18n } from '../../app/I18nProvider';
import { formatInstant, formatLegalDate } from '../../ui/format';
import { DeadlineText } from '../queues/DeadlineText';

export function CaseSummary({ detail }: { detail: CaseDetail }) {
  const { t, locale, intl } = useI18n();
  const { case: row, procedure, applicant, registryEntry } = detail;
  const items: [string, ReactNode][] = [
    [t('case.procedure'), `${procedure.name[locale]} (${procedure.code})`],
    [t('case.applicant'), applicant.name],
    [t('case.nif'), applicant.nif],
    [t('case.state'), t(`case.state.${row.state}`)],
    [t('case.registryEntry'), `${registryEntry.number} · ${formatInstant(registryEntry.at, intl)}`],
    [t('case.term'), t(`case.term.${procedure.term.unit}`, { count: procedure.term.amount })],
    [
      t('case.dueDate'),
      row.dueDateProvisional
        ? `${formatLegalDate(row.dueDate, intl)} (${t('deadlines.provisionalMark')})`
        : formatLegalDate(row.dueDate, intl),
    ],
    [t('case.daysLeft'), <DeadlineText key="deadline" row={row} />],
    [
      t('case.silence'),
      <span key="silence" className={`silence silence--${row.silence}`}>
        {t(`case.silence.${row.silence}`)}
      </span>,
    ],
    [t('case.assignee'), row.assigneeName ?? t('case.unassigned')],
    [t('case.eniId'), <code key="eni">{detail.eniId}</code>],
  ];
  return (
    <dl className="case-summary">
      {items.map(([term, value]) => (
        <div key={term} className="case-summary__item">
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
