import { useRef, type KeyboardEvent } from 'react';
import { useI18n } from '../app/I18nProvider';
import { tabAfterKey } from './tabs';

/**
 * Tabs that each name a list and count its items, for one panel (arrow keys, Home and End move and
 * select, as in the WAI-ARIA tabs pattern). A count not known yet shows as an ellipsis.
 */
export function CountedTabs<Tab extends string>({
  tabs,
  selected,
  onSelect,
  label,
  panelId,
  tabId,
  nameOf,
  countOf,
  countTestId,
  classNameOf,
}: {
  tabs: readonly Tab[];
  selected: Tab;
  onSelect: (tab: Tab) => void;
  label: string;
  panelId: string;
  tabId: (tab: Tab) => string;
  nameOf: (tab: Tab) => string;
  countOf: (tab: Tab) => number | undefined;
  countTestId: (tab: Tab) => string;
  classNameOf: (tab: Tab) => string;
}) {
  const { intl } = useI18n();
  const tabRefs = useRef(new Map<Tab, HTMLButtonElement>());

  const onKeyDown = (event: KeyboardEvent) => {
    const tab = tabAfterKey(event.key, tabs, selected);
    if (!tab) return;
    event.preventDefault();
    onSelect(tab);
    tabRefs.current.get(tab)?.focus();
  };

  return (
    <div className="queue-tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {tabs.map((tab) => {
        const count = countOf(tab);
        return (
          <button
            key={tab}
            ref={(element) => {
              if (element) tabRefs.current.set(tab, element);
              else tabRefs.current.delete(tab);
            }}
            id={tabId(tab)}
            type="button"
            role="tab"
            aria-selected={tab === selected}
            aria-controls={panelId}
            tabIndex={tab === selected ? 0 : -1}
            className={classNameOf(tab)}
            onClick={() => onSelect(tab)}
          >
            <span className="queue-tab__name">{nameOf(tab)}</span>
            <span className="queue-tab__count" data-testid={countTestId(tab)}>
              {count === undefined ? '…' : count.toLocaleString(intl)}
            </span>
          </button>
        );
      })}
    </div>
  );
}
