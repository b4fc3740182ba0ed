import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { HistoryEntry } from '../../../../shared/api/index';
import { useI18n } from '../../../app/I18nProvider';
import { formatInstant } from '../../../ui/format';
import { nextActiveIndex } from '../../../ui/list-navigation';
import { historyActionKey, historyParams } from '../eni';
import {
  filterTimeline,
  timelineKind,
  timelineKinds,
  type TimelineKind,
  type TimelineLine,
} from './timeline';

/** The `t` shortcut brings focus here. */
export const timelineListId = 'case-timeline-list';

/**
 * The case's audit trail as a timeline, newest first: when, who, what in words, and the recorded
 * details. It filters by kind and by words; one Tab stop, then the arrows, Home and End move through it.
 */
export function CaseTimeline({ history }: { history: readonly HistoryEntry[] }) {
  const { t, tDynamic, intl } = useI18n();
  const id = useId();
  const [kind, setKind] = useState<TimelineKind | 'all'>('all');
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const items = useRef<(HTMLLIElement | null)[]>([]);

  const lines = useMemo(
    (): TimelineLine[] =>
      history.map((entry) => ({
        entry,
        kind: timelineKind(entry.action),
        sentence: tDynamic(
          historyActionKey(entry.action),
          'history.action.other',
          historyParams(entry, (state) => t(`case.state.${state}`)),
        ),
        actor: entry.actorName ?? t('case.history.system'),
      })),
    [history, t, tDynamic],
  );
  const shown = filterTimeline(lines, kind, text);
  const current = Math.min(active, Math.max(0, shown.length - 1));

  const onKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    const next = nextActiveIndex(event.key, current, shown.length, 8);
    if (next === null) return;
    event.preventDefault();
    setActive(next);
    items.current[next]?.focus();
  };

  return (
    <div className="case-timeline">
      <div className="case-timeline__controls">
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('casework.timeline.filter')}</label>
          <select
            id={`${id}-kind`}
            value={kind}
            onChange={(event) => {
              setKind(event.target.value as TimelineKind | 'all');
              setActive(0);
            }}
          >
            {(['all', ...timelineKinds] as const).map((option) => (
              <option key={option} value={option}>
                {t(`casework.timeline.kind.${option}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-text`}>{t('casework.timeline.search')}</label>
          <input
            id={`${id}-text`}
            type="search"
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              setActive(0);
            }}
          />
        </div>
        <p className="hint" role="status">
          {t('casework.timeline.count', { shown: shown.length, total: lines.length })}
        </p>
      </div>
      {shown.length === 0 ? (
        <p className="empty">{history.length === 0 ? t('case.history.none') : t('casework.timeline.none')}</p>
      ) : (
        <>
          <p id={`${id}-hint`} className="hint">
            {t('casework.timeline.hint')}
          </p>
          <ol
            id={timelineListId}
            className="case-timeline__list"
            aria-describedby={`${id}-hint`}
            aria-keyshortcuts="T"
            onKeyDown={onKeyDown}
          >
            {shown.map((line, index) => {
              const details = Object.entries(line.entry.details).filter(([, value]) => value !== null);
              return (
                <li
                  key={line.entry.seq}
                  ref={(element) => {
                    items.current[index] = element;
                  }}
                  className="case-timeline__entry"
                  tabIndex={index === current ? 0 : -1}
                  onFocus={() => setActive(index)}
                >
                  <time dateTime={line.entry.at}>{formatInstant(line.entry.at, intl)}</time>
                  <span>
                    <span className="case-timeline__who">{line.actor}</span>
                    {' · '}
                    {line.sentence}
                  </span>
                  {details.length > 0 && (
                    <details className="case-timeline__details">
                      <summary>{t('casework.timeline.details')}</summary>
                      <dl>
                        {details.map(([name, value]) => (
                          <div key={name}>
                            <dt>{name}</dt>
                            <dd>{String(value)}</dd>
                          </div>
                        ))}
                      </dl>
                    </details>
                  )}
                </li>
              );
            })}
          </ol>
        </>
      )}
    </div>
  );
}
