import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';

export type ToastTone = 'info' | 'error';
interface Toast {
  id: number;
  tone: ToastTone;
  message: string;
}

interface ToastApi {
  notify: (message: string, tone?: ToastTone) => void;
}

const ToastContext = createContext<ToastApi | null>(null);
/** A few at most: a burst of failures must not wall off the screen. */
const maxToasts = 3;
const infoLifetimeMs = 8000;

/**
 * Messages announced by screen readers through two live regions (errors assertive, the rest
 * polite). Errors stay until dismissed; information leaves on its own.
 */
export function ToastProvider({
  dismissLabel,
  regionLabel,
  children,
}: {
  dismissLabel: string;
  regionLabel: string;
  children: ReactNode;
}) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((toast) => toast.id !== id)), []);
  const notify = useCallback(
    (message: string, tone: ToastTone = 'info') => {
      const id = nextId.current++;
      // Newest first: the latest news is where the eye lands, and the oldest leaves first.
      setToasts((all) =>
        [{ id, tone, message }, ...all.filter((toast) => toast.message !== message)].slice(0, maxToasts),
      );
      if (tone === 'info') window.setTimeout(() => dismiss(id), infoLifetimeMs);
    },
    [dismiss],
  );
  const api = useMemo(() => ({ notify }), [notify]);

  const region = (tone: ToastTone) => (
    <ul
      className={`toasts toasts--${tone}`}
      aria-live={tone === 'error' ? 'assertive' : 'polite'}
      aria-label={regionLabel}
    >
      {toasts
        .filter((toast) => toast.tone === tone)
        .map((toast) => (
          <li
            key={toast.id}
            className={`toast toast--${tone}`}
            onKeyDown={(event) => {
              // Escape inside a toast closes that toast, not the screen behind it.
              if (event.key !== 'Escape') return;
              event.preventDefault();
              dismiss(toast.id);
            }}
          >
            <span className="toast__message">{toast.message}</span>
            <button
              type="button"
              className="toast__dismiss"
              aria-label={dismissLabel}
              onClick={() => dismiss(toast.id)}
            >
              ×
            </button>
          </li>
        ))}
    </ul>
  );

  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toast-stack">
        {region('error')}
        {region('info')}
      </div>
    </ToastContext.Provider>
  );
}

export function useToasts(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToasts outside ToastProvider');
  return api;
}
