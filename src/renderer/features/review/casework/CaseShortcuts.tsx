import { useCallback, useState } from 'react';
import { useI18n } from '../../../app/I18nProvider';
import { ModalDialog } from '../../../ui/ModalDialog';
import { caseShortcuts, type Shortcut } from './shortcuts';
import { useShortcuts } from './useShortcuts';

/** The case page's keyboard shortcuts, and the panel that lists them (`?`, or this button). */
export function CaseShortcuts() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const onKey = useCallback((shortcut: Shortcut) => {
    if (shortcut.key === '?') setOpen(true);
  }, []);
  useShortcuts(caseShortcuts, onKey);
  const keyName = (key: string) => (key === 'Escape' ? 'Esc' : key.toUpperCase());

  return (
    <>
      <button
        type="button"
        className="button button--quiet"
        aria-keyshortcuts="?"
        onClick={() => setOpen(true)}
      >
        {t('casework.shortcuts.open')} <kbd aria-hidden="true">?</kbd>
      </button>
      {open && (
        <ModalDialog
          title={t('casework.shortcuts.title')}
          description={t('casework.shortcuts.description')}
          onClose={() => setOpen(false)}
        >
          <table className="data-table shortcuts-table">
            <thead>
              <tr>
                <th scope="col">{t('casework.shortcuts.key')}</th>
                <th scope="col">{t('casework.shortcuts.action')}</th>
              </tr>
            </thead>
            <tbody>
              {caseShortcuts.map((shortcut) => (
                <tr key={shortcut.key}>
                  <td>
                    <kbd>{keyName(shortcut.key)}</kbd>
                  </td>
                  <td>{t(shortcut.label)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="modal__actions">
            <button type="button" className="button" data-autofocus onClick={() => setOpen(false)}>
              {t('casework.shortcuts.close')}
            </button>
          </div>
        </ModalDialog>
      )}
    </>
  );
}
