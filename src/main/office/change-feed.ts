import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { z } from 'zod';
import { casesAudience, events as contractEvents, type EventPayload } from '../../shared/api/index';
import { signaturesAudiences } from '../../shared/api/signatures';
import type { EventBus } from '../events';
import type { StoreLocation } from './store/open-store';
import type { OfficeSchema } from './store/schema';

export type CasesChanged = EventPayload<'cases.changed'>;

export type SignaturesChanged = EventPayload<'signatures.changed'>;

/** A request's news and whom it concerns: its signers, whoever substitutes them today, who acted. */
export interface SignaturesChange {
  payload: SignaturesChanged;
  concerned: readonly string[];
}

/**
 * Tells this process's desks about a change, and (on a server) every other office instance too;
 * each tells only the desks the change is for: the department's case readers, or a request's
 * signers and the department's processors.
 */
export interface ChangeFeed {
  announce(change: CasesChanged): void;
  announceSignatures(change: SignaturesChange): void;
  close(): Promise<void>;
}

const channel = 'despacho_cases_changed';

/** What goes over NOTIFY, checked on the way in as any input is (another instance may be older or broken). */
const noticeSchema = z.discriminatedUnion('topic', [
  z.object({
    origin: z.string(),
    topic: z.literal('cases'),
    change: contractEvents['cases.changed'].payload,
  }),
  z.object({
    origin: z.string(),
    topic: z.literal('signatures'),
    change: z.object({
      payload: contractEvents['signatures.changed'].payload,
      concerned: z.array(z.string()),
    }),
  }),
]);
type Notice = z.infer<typeof noticeSchema>;

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
  const tellSignatures = ({ payload, concerned }: SignaturesChange) => {
    for (const audience of signaturesAudiences(payload.departmentId, concerned))
      events.emit('signatures.changed', payload, audience);
  };
  if (location.kind !== 'postgres')
    return { announce: tell, announceSignatures: tellSignatures, close: async () => undefined };
  const origin = randomUUID();
  const listener = new pg.Client({ connectionString: location.connectionString });
  await listener.connect();
  listener.on('notification', (message) => {
    if (message.channel !== channel || !message.payload) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(message.payload);
    } catch {
      return;
    }
    const notice = noticeSchema.safeParse(parsed);
    if (!notice.success || notice.data.origin === origin) return;
    if (notice.data.topic === 'cases') tell(notice.data.change);
    else tellSignatures(notice.data.change);
  });
  // A dropped listening connection must not take the office down; desks still see their own changes.
  listener.on('error', () => undefined);
  await listener.query(`listen ${channel}`);
  // Not awaited: the change is committed already, and the desk that made it need not wait for the
  // other instances to hear of it; a notice that cannot be sent only leaves them to refetch later.
  const publish = (notice: Notice) =>
    void sql`select pg_notify(${channel}, ${JSON.stringify(notice)})`.execute(db).catch(() => undefined);
  return {
    announce: (change) => {
      tell(change);
      publish({ origin, topic: 'cases', change });
    },
    announceSignatures: (change) => {
      tellSignatures(change);
      publish({ origin, topic: 'signatures', change: { ...change, concerned: [...change.concerned] } });
    },
    close: () => listener.end(),
  };
}
