import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash, type Route } from '../../../src/renderer/app/routes';
import { homeRoute, signsResolutions } from '../../../src/renderer/features/signing/tray/home';
import {
  emptySelection,
  selectionAfterClick,
  selectionAfterKey,
  withinRows,
  type TraySelection,
} from '../../../src/renderer/features/signing/tray/selection';

const ids = ['10', '11', '12', '13', '14'];
const key = (
  name: string,
  modifiers: Partial<{ shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }> = {},
) => ({
  key: name,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  ...modifiers,
});
const press = (state: TraySelection, ...keys: ReturnType<typeof key>[]) =>
  keys.reduce((current, next) => selectionAfterKey(current, next, ids, 3) ?? current, state);
const picked = (state: TraySelection) => [...state.selected].sort();

describe('the tray selection by keyboard', () => {
  it('moves with the arrows and toggles the active row with Space', () => {
    const state = press(
      emptySelection,
      key('ArrowDown'),
      key(' '),
      key('ArrowDown'),
      key('ArrowDown'),
      key(' '),
    );
    expect(state.active).toBe(3);
    expect(picked(state)).toEqual(['11', '13']);
    expect(picked(press(state, key(' ')))).toEqual(['11']);
  });

  it('extends the selection with Shift and the arrows, both ways', () => {
    const down = press(
      emptySelection,
      key('ArrowDown'),
      key('ArrowDown', { shiftKey: true }),
      key('ArrowDown', { shiftKey: true }),
    );
    expect(picked(down)).toEqual(['11', '12', '13']);
    const up = press({ selected: new Set(), active: 4 }, key('ArrowUp', { shiftKey: true }));
    expect(picked(up)).toEqual(['13', '14']);
  });

  it('selects every row with Ctrl+A (or ⌘A), none when all are, and clears with Escape', () => {
    const all = press(emptySelection, key('a', { ctrlKey: true }));
    expect(picked(all)).toEqual(ids);
    expect(picked(press(all, key('A', { metaKey: true })))).toEqual([]);
    expect(picked(press(all, key('Escape')))).toEqual([]);
    expect(selectionAfterKey(emptySelection, key('Escape'), ids, 3)).toBeNull();
    expect(selectionAfterKey(emptySelection, key('x'), ids, 3)).toBeNull();
    expect(selectionAfterKey(emptySelection, key('c', { ctrlKey: true }), ids, 3)).toBeNull();
  });

  it('moves by pages and to the ends, and keeps the active row inside a list that shrank', () => {
    expect(press(emptySelection, key('PageDown')).active).toBe(2);
    expect(press(emptySelection, key('End')).active).toBe(4);
    expect(selectionAfterKey({ selected: new Set(), active: 9 }, key('ArrowUp'), ids, 3)?.active).toBe(3);
  });

  it('drops rows that left the list', () => {
    const state = { selected: new Set(['11', '99']), active: 1 };
    expect(picked(withinRows(state, ids))).toEqual(['11']);
    const unchanged = { selected: new Set(['11']), active: 1 };
    expect(withinRows(unchanged, ids)).toBe(unchanged);
  });
});

describe('the tray selection by mouse', () => {
  it('activates on a click, toggles with Ctrl or on the check box, extends with Shift', () => {
    const clicked = selectionAfterClick(emptySelection, 2, ids, { shiftKey: false, toggle: false });
    expect(clicked).toMatchObject({ active: 2 });
    expect(picked(clicked)).toEqual([]);
    const toggled = selectionAfterClick(clicked, 4, ids, { shiftKey: false, toggle: true });
    expect(picked(toggled)).toEqual(['14']);
    const range = selectionAfterClick({ selected: new Set(), active: 1 }, 3, ids, {
      shiftKey: true,
      toggle: false,
    });
    expect(picked(range)).toEqual(['11', '12', '13']);
    expect(selectionAfterClick(clicked, 7, ids, { shiftKey: false, toggle: true })).toBe(clicked);
  });
});

describe('tray routes and landing', () => {
  it.each<[string, Route]>([
    ['#/tray/pending', { screen: 'tray', box: 'pending' }],
    ['#/tray/rejected', { screen: 'tray', box: 'rejected' }],
    ['#/substitutions', { screen: 'substitutions' }],
    ['#/sign/12,13', { screen: 'sign', requestIds: ['12', '13'] }],
  ])('%s is a route and its own address', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
    expect(routeHash(route)).toBe(hash);
  });

  it('falls back to the queues for an unknown box or no request to sign', () => {
    expect(parseRoute('#/tray/drafts')).toEqual({ screen: 'queues', queue: 'mine' });
    expect(parseRoute('#/sign/')).toEqual({ screen: 'queues', queue: 'mine' });
    expect(parseRoute('#/sign/x;y')).toEqual({ screen: 'queues', queue: 'mine' });
  });

  it('lands a head on the signing tray and everybody else on the queues', () => {
    expect(signsResolutions(['head'])).toBe(true);
    expect(signsResolutions(['processor', 'trainer'])).toBe(false);
    expect(homeRoute(['head'])).toEqual({ screen: 'tray', box: 'pending' });
    expect(homeRoute(['processor'])).toEqual({ screen: 'queues', queue: 'mine' });
  });
});
