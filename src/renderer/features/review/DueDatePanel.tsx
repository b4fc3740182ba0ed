import { useId, useState, type ReactNode } from 'react';
import { calendarPlace } from '../../../shared/i18n/calendar-places';
import type { CaseDueDate } from '../../../shared/api/index';
import { useI18n } from '../../app/I18nProvider';
import { useErrorMessage } from '../../app/useErrorMessage';
import { formatLegalDate } from '../../ui/format';
import { useDueDateExplanation } from './amendments/useAmendments';
import './DueDatePanel.css';

type Explanation = CaseDueDate['explanation'];

const madridTime = (instant: string, intl: string): string =>
  new Intl.DateTimeFormat(intl, { timeStyle: 'short', timeZone: 'Europe/Madrid' }).format(new Date(instant));
type Skipped = Explanation['skipped'][number];

/**
 * "Explain this date": a disclosure beside the case's due date that lists, in the order the rules
 * apply, the start, the term and its own last day, every weekend and holiday skipped with the
 * bulletin it comes from (art. 30.6 named when a day is a holiday in one place only), the
 * suspensions (art. 22.1.a) and the final move (art. 30.5), and whether a provisional calendar
 * is behind it. The words are the `despacho deadline` command's.
 */
export function DueDatePanel({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const query = useDueDateExplanation(caseId, open);
  const errorMessage = useErrorMessage();
  return (
    <section className="due-date-panel" aria-label={t('dueDate.title')}>
      <button
        type="button"
        className="button button--quiet due-date-panel__toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        <span aria-hidden="true">{open ? '▾' : '▸'}</span> {t('dueDate.explain')}
      </button>
      <div id={panelId} hidden={!open} className="due-date-panel__body">
        {open &&
          (query.data ? (
            <ExplanationList dueDate={query.data} />
          ) : query.isError ? (
            <p role="alert">{errorMessage(query.error)}</p>
          ) : (
            <p className="loading">{t('app.loading')}</p>
          ))}
      </div>
    </section>
  );
}

function ExplanationList({ dueDate }: { dueDate: CaseDueDate }) {
  const { t, intl } = useI18n();
  const { explanation: e, runningSuspension } = dueDate;
  const day = (iso: string) => formatLegalDate(iso, intl);
  const items: ReactNode[] = [];
  const add = (key: string, node: ReactNode) => items.push(<li key={key}>{node}</li>);

  add('due', <strong>{t('deadlines.due', { date: day(e.dueDate), iso: e.dueDate })}</strong>);
  if (runningSuspension)
    add(
      'running',
      <span className="due-date-panel__suspended">
        <strong>{t('dueDate.suspended')}</strong> ·{' '}
        {t('dueDate.running', { from: day(runningSuspension.from), until: day(runningSuspension.until) })}
      </span>,
    );
  if (dueDate.amendmentPendingNotification) add('pending-notification', t('dueDate.pendingNotification'));
  if (e.start === 'notification') add('start', t('deadlines.start.notification', { date: day(e.startsOn) }));
  else
    add(
      'start',
      t('deadlines.start.registry_entry', {
        date: day(e.startsOn),
        time: madridTime(e.registeredAt!, intl),
      }),
    );
  add('term', t(`deadlines.term.${e.term.unit}`, { count: e.term.amount, nominal: day(e.nominalEnd) }));
  if (e.rules.includes('month_has_no_such_day')) add('month', t('deadlines.rule.month_has_no_such_day'));
  const counted = e.skipped.filter((skipped) => skipped.during === 'count');
  if (counted.length > 0) add('counted', <SkippedDays title={t('deadlines.skipped.count')} days={counted} />);
  e.suspensions.forEach((suspension, index) =>
    add(
      `suspension-${index}`,
      t('deadlines.suspension', {
        from: day(suspension.from),
        to: day(suspension.to),
        count: suspension.days,
      }),
    ),
  );
  if (e.suspendedDays > 0)
    add(
      'suspended',
      t('deadlines.suspension.total', {
        nominal: day(e.nominalEnd),
        count: e.suspendedDays,
        extended: day(e.extendedEnd),
      }),
    );
  const moved = e.skipped.filter((skipped) => skipped.during === 'final_move');
  if (moved.length > 0)
    add(
      'moved',
      <>
        <SkippedDays title={t('deadlines.skipped.final_move')} days={moved} />
        {t('deadlines.rule.last_day_not_business_day', { extended: day(e.extendedEnd) })}
      </>,
    );
  else add('none', t('deadlines.rule.none'));
  e.missingLocalCalendars.forEach((place) => add(`missing-${place}`, t('deadlines.missingLocal', { place })));
  e.missingRegionalCalendars.forEach((place) =>
    add(
      `missing-regional-${place}`,
      t('deadlines.missingRegional', { place: calendarPlace('regional', place, t) }),
    ),
  );
  e.provisionalLayers.forEach((layer, index) =>
    add(
      `provisional-${index}`,
      <span className="due-date-panel__provisional">
        {t('deadlines.provisional', {
          date: day(e.dueDate),
          layer: t(`deadlines.layer.${layer.layer}`, { place: calendarPlace(layer.layer, layer.place, t) }),
          year: String(layer.year),
          basis: layer.basis,
        })}
      </span>,
    ),
  );
  return <ol className="due-date-panel__steps">{items}</ol>;
}

function SkippedDays({ title, days }: { title: string; days: readonly Skipped[] }) {
  const { t, intl } = useI18n();
  const day = (iso: string) => formatLegalDate(iso, intl);
  return (
    <>
      {title}
      <ul className="due-date-panel__days">
        {days.map((skipped) => (
          <li key={`${skipped.during}-${skipped.date}`}>
            {skipped.weekend
              ? t('deadlines.skipped.weekend', { date: day(skipped.date) }).replace(/^- /, '')
              : t('deadlines.skipped.holidays', {
                  date: day(skipped.date),
                  holidays: skipped.holidays
                    .map((holiday) =>
                      t(`deadlines.holiday.${holiday.layer}`, {
                        name: holiday.name,
                        place: calendarPlace(holiday.layer, holiday.place, t),
                        source: holiday.source,
                      }),
                    )
                    .join('; '),
                }).replace(/^- /, '')}
            {skipped.onlyIn && (
              <span className="due-date-panel__only-in">
                {' '}
                {t(`deadlines.onlyIn.${skipped.onlyIn.side}`, {
                  day: day(skipped.date),
                  place: skipped.onlyIn.place,
                }).trim()}
              </span>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
