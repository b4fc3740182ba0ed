import { trayBoxSchema, type TrayBox } from '../../../../shared/api/signatures';
import { useI18n } from '../../../app/I18nProvider';
import { useTrayCounts } from '../../../api/signatures';
import { CountedTabs } from '../../../ui/CountedTabs';

export const trayTabId = (box: TrayBox) => `tray-tab-${box}`;
export const trayPanelId = 'tray-panel';
const boxes = trayBoxSchema.options;

/** The tray's boxes as tabs with their counts. */
export function TrayTabs({ selected, onSelect }: { selected: TrayBox; onSelect: (box: TrayBox) => void }) {
  const { t } = useI18n();
  const counts = useTrayCounts();
  return (
    <CountedTabs
      tabs={boxes}
      selected={selected}
      onSelect={onSelect}
      label={t('tray.tabsLabel')}
      panelId={trayPanelId}
      tabId={trayTabId}
      nameOf={(box) => t(`tray.box.${box}`)}
      countOf={(box) => counts.data?.[box]}
      countTestId={(box) => `tray-count-${box}`}
      classNameOf={() => 'queue-tab'}
    />
  );
}
