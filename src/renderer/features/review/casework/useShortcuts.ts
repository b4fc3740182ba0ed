import { useEffect } from 'react';
import { isTypingTarget } from '../../../ui/list-navigation';
import { runShortcut, shortcutOf, type Shortcut } from './shortcuts';

/**
 * Listens for the page's shortcuts once: a key with a target acts on it; one without is handed to
 * `onKey` (keep it stable, e.g. with useCallback). Keys typed into a field stay in the field.
 */
export function useShortcuts(shortcuts: readonly Shortcut[], onKey: (shortcut: Shortcut) => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const shortcut = shortcutOf(event, shortcuts, {
        typing: isTypingTarget(event.target),
        dialogOpen: document.querySelector('dialog[open]') !== null,
      });
      if (!shortcut || shortcut.key === 'Escape') return;
      if (shortcut.target) {
        if (runShortcut(shortcut)) event.preventDefault();
        return;
      }
      event.preventDefault();
      onKey(shortcut);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [shortcuts, onKey]);
}
