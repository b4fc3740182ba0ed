import type { ReactNode } from 'react';

interface FormActionsProps {
  /** The failed call's message in the user's words; null while nothing failed. */
  error: string | null;
  /** The form's submit button. */
  children: ReactNode;
  cancel: { label: string; onCancel: () => void };
  /**
   * Where Cancel stands. A casework dialog leads with its action and a quiet Cancel after it; the
   * tray's, the queues' and the amendments' dialogs put Cancel first, as a plain button.
   */
  cancelPlacement: 'first' | 'last';
}

/** The end of a dialog's form: the failure said aloud (an alert), then its buttons. */
export function FormActions({ error, children, cancel, cancelPlacement }: FormActionsProps) {
  const cancelButton = (
    <button
      type="button"
      className={cancelPlacement === 'first' ? 'button' : 'button button--quiet'}
      onClick={cancel.onCancel}
    >
      {cancel.label}
    </button>
  );
  return (
    <>
      {error !== null && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <div className="modal__actions">
        {cancelPlacement === 'first' && cancelButton}
        {children}
        {cancelPlacement === 'last' && cancelButton}
      </div>
    </>
  );
}
