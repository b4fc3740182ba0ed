import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { defaultCalendarDir } from '../../../src/main/office/calendar/load';
import { seedDemo } from '../../../src/main/office/demo/seed';
import { migrate } from '../../../src/main/office/store/migrate';
import type { Store } from '../../../src/main/office/store/open-store';
import { withDataFolderStore } from '../../support/data-folder-store';
import { despachoRun } from '../../support/despacho-command';
import { calendar } from '../../unit/office/support';

/**
 * `despacho deadlines recompute` after a calendar file changed: the due dates that no longer follow
 * from the calendars move, each one audited; run again, nothing moves.
 */
// Each run starts the command through tsx on a busy machine: a generous guard, not a measure.
vi.setConfig({ testTimeout: 300_000 });

const scratch = mkdtempSync(join(tmpdir(), 'despacho-deadlines-command-'));
const dataDir = join(scratch, 'data');
const calendars = join(scratch, 'calendars');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const despacho = (args: string[]) => despachoRun(args);

const withStore = <T>(use: (store: Store) => Promise<T>) => withDataFolderStore(dataDir, use);

describe('despacho deadlines recompute', () => {
  let target: { id: number; due_date: string };

  beforeAll(async () => {
    await withStore(async (store) => {
      await migrate(store);
      await seedDemo(store, calendar(), {
        cases: 60,
        now: new Date('2026-06-15T08:00:00Z'),
        documents: false,
      });
      const open = await store.db
        .selectFrom('cases')
        .select(['id', 'due_date'])
        .where(sql<boolean>`is_open`)
        .where('due_date', '>=', '2026-06-16')
        .where('due_date', '<=', '2026-12-20')
        .orderBy('id')
        .execute();
      target = open.find((row) => [1, 2, 3, 4].includes(new Date(`${row.due_date}T12:00:00Z`).getUTCDay()))!;
    });
    expect(target).toBeDefined();
    cpSync(defaultCalendarDir, calendars, { recursive: true });
    const file = join(calendars, '2026', 'local-elche.json');
    const data = JSON.parse(readFileSync(file, 'utf8')) as { holidays: { date: string; name: string }[] };
    data.holidays.push({ date: target.due_date, name: 'Fiesta añadida por el boletín' });
    writeFileSync(file, JSON.stringify(data));
  });

  it('moves the due date the new holiday falls on, audited, and then nothing', async () => {
    const next = new Date(Date.parse(`${target.due_date}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const first = await despacho(['deadlines', 'recompute', '--data', dataDir, '--calendars', calendars]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(
      `Expediente ${target.id}: el vencimiento pasa del ${target.due_date} al ${next}.`,
    );
    expect(first.stdout).toMatch(/\d+ expedientes abiertos revisados; [1-9]\d* vencimientos cambiados\./);
    const entry = await withStore((store) =>
      store.db
        .selectFrom('audit_trail')
        .select('details')
        .where('case_id', '=', target.id)
        .where('action', '=', 'case.due_date_recomputed')
        .executeTakeFirstOrThrow(),
    );
    expect(entry.details).toMatchObject({ from: target.due_date, to: next, why: 'calendar' });

    const again = await despacho(['deadlines', 'recompute', '--data', dataDir, '--calendars', calendars]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/; 0 vencimientos cambiados\./);
  });

  it('says how to use it when asked for something else', async () => {
    const wrong = await despacho(['deadlines', 'recalculate', '--data', dataDir]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('Uso: despacho deadlines recompute');
  });
});
