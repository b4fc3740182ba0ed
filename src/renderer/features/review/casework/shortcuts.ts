import type { MessageKey } from '../../../../shared/i18n/index';

export interface Shortcut {
  /** `KeyboardEvent.key`, as typed (`?` is Shift+/ on most layouts). */
  key: string;
  /** Shown in the help panel. */
  label: MessageKey;
  /**
   * What it acts on: a button is pressed, anything else gets the focus. None: the page handles the
   * key itself (the help panel, Escape).
   */
  target?: string;
}

/** The case page's shortcuts, in the order the help panel lists them. */
export const caseShortcuts: readonly Shortcut[] = [
  { key: '?', label: 'casework.shortcuts.help' },
  { key: 'c', label: 'casework.shortcuts.claim', target: 'button[aria-keyshortcuts~="C"]' },
  {
    key: 'd',
    label: 'casework.shortcuts.document',
    target: '[aria-labelledby="case-documents-title"] :is(button, a[href])',
  },
  { key: 'n', label: 'casework.shortcuts.note', target: '#casework-note-field' },
  { key: 'r', label: 'casework.shortcuts.report', target: '#casework-add-report' },
  { key: 't', label: 'casework.shortcuts.timeline', target: '#case-timeline-list > li[tabindex="0"]' },
  { key: 'Escape', label: 'casework.shortcuts.back' },
];

/**
 * The shortcut a key press means, or null: never while typing in a field, with Ctrl, Alt or Meta
 * held (the browser's and the system's own), or while a dialog is open over the page.
 */
export function shortcutOf(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey' | 'defaultPrevented'>,
  shortcuts: readonly Shortcut[],
  page: { typing: boolean; dialogOpen: boolean },
): Shortcut | null {
  if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return null;
  if (page.dialogOpen || page.typing) return null;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  return shortcuts.find((shortcut) => shortcut.key === key) ?? null;
}

/** Presses the shortcut's button, or moves the focus to its target; false when it is not on the page. */
export function runShortcut(shortcut: Shortcut, root: ParentNode = document): boolean {
  const target = shortcut.target ? root.querySelector<HTMLElement>(shortcut.target) : null;
  if (!target) return false;
  if (target instanceof HTMLButtonElement) {
    if (target.disabled) return false;
    target.click();
  } else target.focus();
  return true;
}
