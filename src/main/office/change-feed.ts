import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { casesAudience, type EventPayload } from '../../shared/api/index';
import type { EventBus } from '../events';
import type { StoreLocation } from './store/open-store';
import type { OfficeSchema } from './store/schema';

export type CasesChanged = EventPayload<'cases.changed'>;

/**
 * Tells this process's desks about a change, and (on a server) every other office instance too;
 * each tells only the desks that may read the department's cases.
 */
export interface ChangeFeed {
  announce(change: CasesChanged): void;
  close(): Promise<void>;
}

const channel = 'despacho_cases_changed';

interface Notice extends CasesChanged {
  origin: string;
}

function isNotice(value: unknown): value is Notice {
  const notice = value as Partial<Notice> | null;
  return (
    typeof notice?.origin === 'string' &&
    Array.isArray(notice.caseIds) &&
    typeof notice.departmentId === 'string' &&
    ['claimed', 'released', 'updated', 'created'].includes(notice.kind ?? '')
  );
}

/**
 * On PostgreSQL, changes also go out with NOTIFY and come in through one LISTEN connection, so two
 * office instances on one server see each other's claims. An instance ignores its own notices
 * (it already told its desks). PGlite has one process only: the local bus is all there is.
 */
export async function openChangeFeed(
  location: StoreLocation,
  db: Kysely<OfficeSchema>,
  events: EventBus,
): Promise<ChangeFeed> {
  const tell = (change: CasesChanged) =>
    events.emit('cases.changed', change, casesAudience(change.departmentId));
  if (location.kind !== 'postgres') return { announce: tell, close: async () => undefined };
  const origin = randomUUID();
  const listener = new pg.Client({ connectionString: location.connectionString });
  await listener.connect();
  listener.on('notification', (message) => {
    if (message.channel !== channel || !message.payload) return;
    let notice: unknown;
    try {
      notice = JSON.parse(message.payload);
    } catch {
      return;
    }
    if (!isNotice(notice) || notice.origin === origin) return;
    tell({ caseIds: notice.caseIds, departmentId: notice.departmentId, kind: notice.kind });
  });
  // A dropped listening connection must not take the office down; desks still see their own changes.
  listener.on('error', () => undefined);
  await listener.query(`listen ${channel}`);
  return {
    announce: (change) => {
      tell(change);
      const notice: Notice = { ...change, origin };
      // Not awaited: the change is committed already, and the desk that made it need not wait for
      // the other instances to hear of it; a notice that cannot be sent only leaves them to refetch later.
      void sql`select pg_notify(${channel}, ${JSON.stringify(notice)})`.execute(db).catch(() => undefined);
    },
    close: () => listener.end(),
  };
}
