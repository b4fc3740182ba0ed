/** The CSS selector of a `data-tour` id (the ids are plain: letters, digits, dots and hyphens). */
export const tourSelector = (id: string): string => `[data-tour="${CSS.escape(id)}"]`;

/** A case's row in a virtualized list: the row linking to the case's page, or naming its case (the tray's). */
function rowOf(list: Element, caseId: string): Element | null {
  const link = list.querySelector(`a[href="#/cases/${CSS.escape(encodeURIComponent(caseId))}"]`);
  return (
    link?.closest('[role="row"]') ?? list.querySelector(`[role="row"][data-case-id="${CSS.escape(caseId)}"]`)
  );
}

/** The target now, where it is visible: inside the case's row when the step names one. */
export function findTarget(
  target: string,
  caseId: string | null,
  root: ParentNode = document,
): HTMLElement | null {
  const scope = caseId === null ? root : (rowOf(document.body, caseId) ?? null);
  if (!scope) return null;
  const found = scope.querySelector<HTMLElement>(tourSelector(target));
  return found && found.getClientRects().length > 0 ? found : null;
}

/**
 * Resolves when `find` finds something, looking again on every change to the page (late elements:
 * a screen that loads its data, a dialog that opens). Rejects with the signal's reason when aborted.
 */
export function waitFor<T>(find: () => T | null, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const now = find();
    if (now !== null) return resolve(now);
    const observer = new MutationObserver(() => {
      const found = find();
      if (found === null) return;
      observer.disconnect();
      resolve(found);
    });
    observer.observe(document.body, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['data-tour', 'hidden', 'class', 'style'],
    });
    signal.addEventListener(
      'abort',
      () => {
        observer.disconnect();
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

/** The scrollable list of a screen: the virtualized grid in view. */
const scrollingList = (): HTMLElement | null => document.querySelector<HTMLElement>('[role="grid"]');

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Waits until the list's rows in view have their data (a virtualized page loads when scrolled to). */
async function settled(list: HTMLElement, signal: AbortSignal): Promise<void> {
  await nextFrame();
  await waitFor(() => (list.getAttribute('aria-busy') === 'true' ? null : true), signal);
}

/**
 * Scrolls the screen's virtualized list until the case's row is rendered, a screenful at a time
 * from the top, waiting for each screenful's rows to load. Resolves with the row, or null when the
 * list ends without it (the case is not in this list, e.g. someone else claimed it).
 */
export async function revealRow(caseId: string, signal: AbortSignal): Promise<Element | null> {
  const list = await waitFor(scrollingList, signal);
  const found = rowOf(list, caseId);
  if (found) return found;
  list.scrollTop = 0;
  for (;;) {
    await settled(list, signal);
    const row = rowOf(list, caseId);
    if (row) {
      row.scrollIntoView({ block: 'center' });
      return row;
    }
    const before = list.scrollTop;
    list.scrollTop = before + Math.max(1, list.clientHeight - 40);
    if (list.scrollTop === before) return null;
  }
}
