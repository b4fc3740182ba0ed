import { describe, expect, it } from 'vitest';
import type { UserSummary } from '../../../src/shared/api/session';
import { deadlineStatus } from '../../../src/renderer/features/queues/deadline';
import {
  statesOf,
  toCaseFilter,
  updateView,
  initialQueueView,
} from '../../../src/renderer/features/queues/view-state';
import { parseRoute, routeHash } from '../../../src/renderer/app/routes';
import { groupDemoUsers } from '../../../src/renderer/app/demo-users';
import { htmlLang, intlTag, loadLocale } from '../../../src/renderer/app/locale';

describe('deadline status', () => {
  it('reads overdue, due today, due soon and comfortable terms', () => {
    expect(deadlineStatus(-3)).toEqual({ tone: 'overdue', key: 'queues.overdueBy', count: 3 });
    expect(deadlineStatus(0)).toEqual({ tone: 'soon', key: 'queues.dueToday', count: 0 });
    expect(deadlineStatus(5)).toEqual({ tone: 'soon', key: 'queues.daysLeft', count: 5 });
    expect(deadlineStatus(6)).toEqual({ tone: 'ok', key: 'queues.daysLeft', count: 6 });
  });
});

describe('queue view', () => {
  it('sends only the filters that are set, with the text trimmed', () => {
    expect(toCaseFilter({ procedureCode: '', state: '' }, '  ', 'unassigned')).toEqual({});
    expect(
      toCaseFilter({ procedureCode: 'URB-OM', state: 'in_progress' }, ' 12345678Z ', 'unassigned'),
    ).toEqual({
      procedureCode: 'URB-OM',
      state: 'in_progress',
      text: '12345678Z',
    });
  });

  it('filters by a closed state only in "all", the one view that holds closed cases', () => {
    expect(toCaseFilter({ procedureCode: '', state: 'archived' }, '', 'all')).toEqual({ state: 'archived' });
    expect(toCaseFilter({ procedureCode: '', state: 'archived' }, '', 'unassigned')).toEqual({});
    expect(statesOf('all')).toContain('resolved');
    expect(statesOf('mine')).not.toContain('resolved');
  });

  it('sends a pasted tab or line break in the search as a space, never as a control character', () => {
    expect(toCaseFilter({ procedureCode: '', state: '' }, 'García\tLópez\n', 'mine')).toEqual({
      text: 'García López',
    });
    expect(toCaseFilter({ procedureCode: '', state: '' }, '\u0000', 'mine')).toEqual({});
  });

  it('puts the active row back at the top when the filters change', () => {
    expect(updateView({ ...initialQueueView, activeIndex: 40 }, { sort: 'due_desc' })).toEqual({
      ...initialQueueView,
      sort: 'due_desc',
      activeIndex: 0,
    });
  });
});

describe('routes', () => {
  it('round-trips queues and cases through the hash', () => {
    for (const route of [
      { screen: 'queues', queue: 'overdue' },
      { screen: 'case', caseId: 'a/b 1' },
    ] as const)
      expect(parseRoute(routeHash(route))).toEqual(route);
  });

  it('falls back to my cases for anything unknown, including a leftover token fragment', () => {
    for (const hash of ['', '#token=abc', '#/queues/nope', '#/cases/']) {
      expect(parseRoute(hash)).toEqual({ screen: 'queues', queue: 'mine' });
    }
  });
});

describe('demo users', () => {
  const user = (id: string, name: string, departmentName: string, position = 'Técnico'): UserSummary => ({
    id,
    name,
    departmentId: departmentName.toLowerCase(),
    departmentName,
    position,
    roles: ['processor'],
  });
  const users = [
    user('1', 'Vicent Peiró', 'Urbanismo'),
    user('2', 'Amparo Ñíguez', 'Tributos'),
    user('3', 'Àngels Mira', 'Urbanismo', 'Jefa de servicio'),
  ];
  const collator = new Intl.Collator('es-ES');

  it('groups by department, both in alphabetical order', () => {
    const groups = groupDemoUsers(users, '', collator);
    expect(groups.map((g) => g.departmentName)).toEqual(['Tributos', 'Urbanismo']);
    expect(groups[1]?.users.map((u) => u.name)).toEqual(['Àngels Mira', 'Vicent Peiró']);
  });

  it('matches every word regardless of case and accents, in name, department or position', () => {
    expect(groupDemoUsers(users, 'angels URBAN', collator).flatMap((g) => g.users.map((u) => u.id))).toEqual([
      '3',
    ]);
    expect(groupDemoUsers(users, 'niguez', collator).flatMap((g) => g.users.map((u) => u.id))).toEqual(['2']);
    expect(groupDemoUsers(users, 'jefa', collator).flatMap((g) => g.users.map((u) => u.id))).toEqual(['3']);
    expect(groupDemoUsers(users, 'nadie', collator)).toEqual([]);
  });

  it('finds a seat by the name of the person a class put on it', () => {
    const seated = [...users.slice(0, 2), { ...users[2]!, personName: 'Begoña Peñalver Ruiz' }];
    expect(groupDemoUsers(seated, 'begona', collator).flatMap((g) => g.users.map((u) => u.id))).toEqual([
      '3',
    ]);
    expect(groupDemoUsers(seated, 'angels', collator).flatMap((g) => g.users.map((u) => u.id))).toEqual([
      '3',
    ]);
  });
});

describe('locale', () => {
  it('tags Valencian for the document and for Intl, and ignores a stored value that is no locale', () => {
    expect(htmlLang('ca-valencia')).toBe('ca-ES-valencia');
    expect(htmlLang('es')).toBe('es');
    expect(intlTag('ca-valencia')).toBe('ca-ES');
    expect(loadLocale({ getItem: () => 'ca-valencia' })).toBe('ca-valencia');
    expect(loadLocale({ getItem: () => 'klingon' })).toBe('es');
    expect(loadLocale({ getItem: () => null })).toBe('es');
  });
});
