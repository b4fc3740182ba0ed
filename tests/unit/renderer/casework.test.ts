import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../src/shared/api/index';
import { translate } from '../../../src/shared/i18n/index';
import { caseShortcuts, shortcutOf } from '../../../src/renderer/features/review/casework/shortcuts';
import {
  filterTimeline,
  timelineKind,
  type TimelineLine,
} from '../../../src/renderer/features/review/casework/timeline';

const press = (key: string, held: Partial<Record<'ctrlKey' | 'altKey' | 'metaKey', boolean>> = {}) => ({
  key,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  defaultPrevented: false,
  ...held,
});

const idle = { typing: false, dialogOpen: false };

describe('case page shortcuts', () => {
  it('maps ? to the help panel and letters (either case) to their action', () => {
    expect(shortcutOf(press('?'), caseShortcuts, idle)?.label).toBe('casework.shortcuts.help');
    expect(shortcutOf(press('n'), caseShortcuts, idle)?.label).toBe('casework.shortcuts.note');
    expect(shortcutOf(press('C'), caseShortcuts, idle)?.label).toBe('casework.shortcuts.claim');
    expect(shortcutOf(press('x'), caseShortcuts, idle)).toBeNull();
  });

  it('leaves the browser’s and the system’s combinations alone, and does nothing while typing or under an open dialog', () => {
    expect(shortcutOf(press('c', { ctrlKey: true }), caseShortcuts, idle)).toBeNull();
    expect(shortcutOf(press('r', { metaKey: true }), caseShortcuts, idle)).toBeNull();
    expect(shortcutOf(press('d', { altKey: true }), caseShortcuts, idle)).toBeNull();
    expect(shortcutOf(press('n'), caseShortcuts, { typing: false, dialogOpen: true })).toBeNull();
    expect(shortcutOf(press('n'), caseShortcuts, { typing: true, dialogOpen: false })).toBeNull();
    expect(shortcutOf({ ...press('n'), defaultPrevented: true }, caseShortcuts, idle)).toBeNull();
  });

  it('has one shortcut per key, each described in both languages', () => {
    const keys = caseShortcuts.map((shortcut) => shortcut.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const shortcut of caseShortcuts) {
      expect(translate('es', shortcut.label)).not.toBe(shortcut.label);
      expect(translate('ca-valencia', shortcut.label)).not.toBe(translate('es', shortcut.label));
    }
  });
});

const entry = (seq: number, action: string, details: HistoryEntry['details'] = {}): HistoryEntry => ({
  seq,
  at: '2026-06-15T08:00:00Z',
  actorName: 'Ana Martínez',
  action,
  details,
});

describe('case timeline', () => {
  it('files each audit action under its kind', () => {
    expect(timelineKind('case.state_changed')).toBe('state');
    expect(timelineKind('case.claimed')).toBe('assignment');
    expect(timelineKind('casework.note_added')).toBe('notes');
    expect(timelineKind('casework.report_added')).toBe('documents');
    expect(timelineKind('signature.sent')).toBe('signatures');
    expect(timelineKind('resolution.signed')).toBe('signatures');
    expect(timelineKind('case.registered')).toBe('other');
  });

  it('filters by kind and by words (accents and case aside), newest first', () => {
    const lines: TimelineLine[] = [
      {
        entry: entry(1, 'case.claimed'),
        kind: 'assignment',
        sentence: 'Se asigna el expediente',
        actor: 'Ana Martínez',
      },
      {
        entry: entry(2, 'casework.note_added'),
        kind: 'notes',
        sentence: 'Añade una nota interna',
        actor: 'Ana Martínez',
      },
      {
        entry: entry(3, 'casework.report_added'),
        kind: 'documents',
        sentence: 'Añade el informe «Informe técnico»',
        actor: 'Luis Pérez',
      },
    ];
    expect(filterTimeline(lines, 'all', '').map((line) => line.entry.seq)).toEqual([3, 2, 1]);
    expect(filterTimeline(lines, 'notes', '').map((line) => line.entry.seq)).toEqual([2]);
    expect(filterTimeline(lines, 'all', 'TECNICO').map((line) => line.entry.seq)).toEqual([3]);
    expect(filterTimeline(lines, 'all', 'martinez').map((line) => line.entry.seq)).toEqual([2, 1]);
    expect(filterTimeline(lines, 'state', '')).toEqual([]);
  });

  it('says every casework action in words in both languages, with its dates', () => {
    const params = { notifiedOn: '2026-06-01', termEndedOn: '2026-06-15' };
    expect(translate('es', 'history.action.casework.deemed_withdrawn', params)).toContain('2026-06-15');
    for (const action of ['note_added', 'report_added', 'withdrawal_registered', 'deemed_withdrawn'] as const)
      for (const locale of ['es', 'ca-valencia'] as const)
        expect(
          translate(locale, `history.action.casework.${action}`, { title: 'T', filedOn: 'D', ...params }),
        ).not.toMatch(/\{\w+\}/);
  });
});
