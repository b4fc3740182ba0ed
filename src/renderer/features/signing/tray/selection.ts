import { nextActiveIndex } from '../../../ui/list-navigation';

/** The rows picked for a batch, and the row the keyboard is on. */
export interface TraySelection {
  readonly selected: ReadonlySet<string>;
  readonly active: number;
}

export const emptySelection: TraySelection = { selected: new Set(), active: 0 };

export interface KeyPress {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

const toggled = (selected: ReadonlySet<string>, id: string): Set<string> => {
  const next = new Set(selected);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
};

/**
 * What a key does to the selection of a list of `ids`: arrows (and Home, End, page keys) move the
 * active row; Shift with an arrow extends the selection to the row it moves to; Space toggles the
 * active row; Ctrl+A (⌘A) selects every row, or none when all are; Escape clears. Null for other keys.
 */
export function selectionAfterKey(
  state: TraySelection,
  press: KeyPress,
  ids: readonly string[],
  visibleRows: number,
): TraySelection | null {
  const active = Math.min(state.active, Math.max(0, ids.length - 1));
  const command = press.ctrlKey || press.metaKey;
  if (command && press.key.toLowerCase() === 'a') {
    const all = ids.length > 0 && ids.every((id) => state.selected.has(id));
    return { selected: all ? new Set() : new Set(ids), active };
  }
  if (command) return null;
  if (press.key === ' ') {
    const id = ids[active];
    return id === undefined ? null : { selected: toggled(state.selected, id), active };
  }
  if (press.key === 'Escape') return state.selected.size === 0 ? null : { selected: new Set(), active };
  const next = nextActiveIndex(press.key, active, ids.length, visibleRows);
  if (next === null) return null;
  if (!press.shiftKey) return { selected: state.selected, active: next };
  const selected = new Set(state.selected);
  const [from, to] = next < active ? [next, active] : [active, next];
  for (let index = from; index <= to; index += 1) selected.add(ids[index]!);
  return { selected, active: next };
}

/** Keeps only the ids still listed (a row signed meanwhile leaves the selection). */
export function withinRows(state: TraySelection, ids: readonly string[]): TraySelection {
  const listed = new Set(ids);
  const selected = [...state.selected].filter((id) => listed.has(id));
  return selected.length === state.selected.size
    ? state
    : { selected: new Set(selected), active: state.active };
}

/**
 * What a click on row `index` does: it becomes the active row; with Shift the rows from the active
 * one to it are selected too; with Ctrl (⌘), or on its check box, it is toggled.
 */
export function selectionAfterClick(
  state: TraySelection,
  index: number,
  ids: readonly string[],
  click: { shiftKey: boolean; toggle: boolean },
): TraySelection {
  const id = ids[index];
  if (id === undefined) return state;
  if (click.shiftKey) {
    const selected = new Set(state.selected);
    const [from, to] = index < state.active ? [index, state.active] : [state.active, index];
    for (let row = from; row <= Math.min(to, ids.length - 1); row += 1) selected.add(ids[row]!);
    return { selected, active: index };
  }
  return { selected: click.toggle ? toggled(state.selected, id) : state.selected, active: index };
}
