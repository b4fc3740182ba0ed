import type { ColumnType, Generated } from 'kysely';
import type {
  DeemedReading,
  NotificationChannel,
  NotificationPurpose,
  NotificationState,
  PaperOutcome,
} from '../../../shared/api/notifications';

/** timestamptz: written as ISO strings or Dates, read back as Dates by both drivers. */
type Instant = ColumnType<Date, Date | string, Date | string>;

/** Migrations 0009 and 0018 (`purpose`). */
export interface NotificationsTable {
  id: Generated<number>;
  case_id: number;
  purpose: ColumnType<NotificationPurpose, NotificationPurpose | undefined, never>;
  department_id: string;
  document_id: number;
  channel: NotificationChannel;
  state: NotificationState;
  created_by: string;
  created_at: Instant;
  made_available_at: Instant | null;
  rejects_at: Instant | null;
  notice_document_id: number | null;
  effective_at: Instant | null;
  deemed_at: Instant | null;
  deemed_reading: DeemedReading | null;
  boe_published_on: string | null;
  boe_reference: string | null;
  version: Generated<number>;
}

export type NotificationEventKind =
  | 'made_available'
  | 'accessed'
  | 'rejected'
  | 'deemed_rejected'
  | 'notice_printed'
  | 'attempt'
  | 'boe_published';

export interface NotificationEventsTable {
  id: Generated<number>;
  notification_id: number;
  kind: NotificationEventKind;
  at: Instant;
  recorded_by: string | null;
  recorded_at: Instant;
  outcome: PaperOutcome | null;
  idempotency_key: string;
  details: ColumnType<Record<string, string | number | null>, string | undefined, never>;
}

export interface NotificationSweepsTable {
  id: number;
  last_swept_at: Instant;
}
