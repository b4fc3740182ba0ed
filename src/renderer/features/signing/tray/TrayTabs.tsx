import { useRef, type KeyboardEvent } from 'react';
import { trayBoxSchema, type TrayBox } from '../../../../shared/api/signatures';
import { useI18n } from '../../../app/I18nProvider';
import { useTrayCounts } from '../../../api/signatures';
import { tabAfterKey } from '../../../ui/tabs';

export const trayTabId = (box: TrayBox) => `tray-tab-${box}`;
export const trayPanelId = 'tray-panel';
const boxes = trayBoxSchema.options;

/** The tray's boxes as tabs with their counts (arrow keys move and select, as in the WAI-ARIA tabs pattern). */
export function TrayTabs({ selected, onSelect }: { selected: TrayBox; onSelect: (box: TrayBox) => void }) {
  const { t, intl } = useI18n();
  const counts = useTrayCounts();
  const tabRefs = useRef(new Map<TrayBox, HTMLButtonElement>());

  const onKeyDown = (event: KeyboardEvent) => {
    const box = tabAfterKey(event.key, boxes, selected);
    if (!box) return;
    event.preventDefault();
    onSelect(box);
    tabRefs.current.get(box)?.focus();
  };

  return (
    <div className="queue-tabs" role="tablist" aria-label={t('tray.tabsLabel')} onKeyDown={onKeyDown}>
      {boxes.map((box) => {
        const count = counts.data?.[box];
        return (
          <button
            key={box}
            ref={(element) => {
              if (element) tabRefs.current.set(box, element);
              else tabRefs.current.delete(box);
            }}
            id={trayTabId(box)}
            type="button"
            role="tab"
            aria-selected={box === selected}
            aria-controls={trayPanelId}
            tabIndex={box === selected ? 0 : -1}
            className="queue-tab"
            onClick={() => onSelect(box)}
          >
            <span className="queue-tab__name">{t(`tray.box.${box}`)}</span>
            <span className="queue-tab__count" data-testid={`tray-count-${box}`}>
              {count === undefined ? '…' : count.toLocaleString(intl)}
            </span>
          </button>
        );
      })}
    </div>
  );
}
