import type { ColumnType, Generated } from 'kysely';
import type { Locale } from '../../../shared/api/session';
import type { CaseState, Role, Silence } from '../../../shared/domain/cases';
import type { ResolutionDocument } from '../resolutions/render';
import type {
  NotificationEventsTable,
  NotificationSweepsTable,
  NotificationsTable,
} from '../notifications/tables';

/** timestamptz: written as ISO strings or Dates, read back as Dates by both drivers. */
type Instant = ColumnType<Date, Date | string, Date | string>;
/** date: read back as 'YYYY-MM-DD' (both drivers are told not to turn it into a Date). */
type CalendarDate = string;
type TermUnit = 'business_days' | 'natural_days' | 'months';

export type JsonScalar = string | number | boolean | null;
export type AuditDetails = Record<string, JsonScalar>;

export interface DepartmentsTable {
  id: string;
  dir3: string;
  name: string;
}

export interface UsersTable {
  id: string;
  name: string;
  position: string;
  department_id: string;
  roles: Role[];
  active: Generated<boolean>;
  /** What the office compares with the NIF of the certificate that signs for this user. */
  nif: string | null;
}

export interface ProceduresTable {
  code: string;
  name_es: string;
  name_ca: string;
  department_id: string;
  term_unit: TermUnit;
  term_amount: number;
  silence: Silence;
  legal_basis: string;
  /** Art. 68.2: the amendment term may be extended by up to 5 days on request. */
  /** Optional here: inserts may leave it to the column's default (true). */
  allows_extension?: boolean;
}

export interface ApplicantsTable {
  id: Generated<number>;
  nif: string;
  name: string;
  kind: 'natural' | 'legal';
  municipality: string;
  address: string;
  channel: 'electronic' | 'paper';
}

export interface RegistryEntriesTable {
  id: Generated<number>;
  number: string;
  registered_at: Instant;
}

export interface CasesTable {
  id: Generated<number>;
  number: string;
  eni_id: string;
  procedure_code: string;
  department_id: string;
  applicant_id: number;
  registry_entry_id: number;
  state: CaseState;
  is_open: ColumnType<boolean, never, never>;
  due_date: CalendarDate;
  /** The term's own last day the due date was last derived from (deadlines.ts); NULL until then. */
  nominal_end: ColumnType<CalendarDate | null, CalendarDate | null | undefined, CalendarDate | null>;
  assignee_id: string | null;
  version: Generated<number>;
  search_text: string;
  created_at: Instant;
  updated_at: Instant;
  /** Kept by a trigger (0010): when a closed case reached its state; null while open. */
  closed_at: ColumnType<Date | null, never, never>;
}

export interface DocumentsTable {
  id: Generated<number>;
  case_id: number;
  position: number;
  title: string;
  eni_id: string;
  document_type: string;
  origin: 0 | 1;
  elaboration_state: string;
  format: string;
  captured_at: Instant;
  sha256: string;
  size: number;
}

export interface NotesTable {
  id: Generated<number>;
  case_id: number;
  author_id: string;
  body: string;
  created_at: Instant;
}

export interface AuditTrailTable {
  seq: number;
  at: Instant;
  actor_id: string | null;
  case_id: number | null;
  action: string;
  details: ColumnType<AuditDetails, string, never>;
  prev_hash: string;
  hash: string;
}

export interface ResolutionBookYearsTable {
  year: number;
  next_number: Generated<number>;
}

export interface ResolutionNumbersTable {
  year: number;
  number: number;
  state: 'free' | 'reserved' | 'confirmed';
  reservation_id: string | null;
  reserved_for: string | null;
  expires_at: Instant | null;
  csv: string | null;
  confirmed_at: Instant | null;
  case_id: number | null;
  signer_id: string | null;
  signed_sha256: string | null;
  signer_name: string | null;
  signer_nif: string | null;
  signer_certificate_issuer: string | null;
  signer_certificate_serial: string | null;
  signer_chain: 'trusted' | 'training' | null;
}

export interface SubstitutionsTable {
  id: Generated<number>;
  absent_id: string;
  substitute_id: string;
  kind: 'substitution' | 'delegation';
  starts_on: CalendarDate;
  ends_on: CalendarDate;
  created_by: string;
  created_at: Instant;
  revoked_at: Instant | null;
  revoked_by: string | null;
}

/** A resolution as it was sent for signature: all that its PDF is rendered from, but the book stamp. */
export type SentResolution = Omit<ResolutionDocument, 'locale' | 'book' | 'at'>;

export type SignatureRequestState = 'pending' | 'signed' | 'rejected' | 'withdrawn' | 'expired';

export interface SignatureRequestsTable {
  id: Generated<number>;
  case_id: number;
  department_id: string;
  title: string;
  locale: Locale;
  resolution: ColumnType<SentResolution, string, never>;
  resolution_sha256: string;
  mode: 'cascade' | 'parallel';
  priority: 'normal' | 'high' | 'urgent';
  expires_on: CalendarDate;
  state: SignatureRequestState;
  created_by: string;
  created_at: Instant;
  closed_by: string | null;
  closed_at: Instant | null;
  rejection_reason: string | null;
  document_id: number | null;
  book_year: number | null;
  book_number: number | null;
  version: Generated<number>;
}

export interface SignatureStepsTable {
  request_id: number;
  position: number;
  signer_id: string;
  action: 'sign' | 'approve';
  field_name: string | null;
  state: 'waiting' | 'pending' | 'done' | 'rejected';
  acted_by: string | null;
  acted_at: Instant | null;
  substitution_id: number | null;
}

export interface SignatureRenderingsTable {
  reservation_id: string;
  request_id: number;
  sha256: string;
  created_at: Instant;
}

export interface DocumentContentsTable {
  sha256: string;
  content: Uint8Array;
}

export interface AmendmentRequestsTable {
  id: Generated<number>;
  case_id: number;
  missing: string;
  term_days: number;
  /** Null until the request's notification is made (0018). */
  notified_on: CalendarDate | null;
  ends_on: CalendarDate | null;
  extension_days: Generated<number>;
  document_id: number;
  /** `unanswered`: closed when the case was deemed withdrawn (art. 68.1), since migration 0021. */
  state: 'pending' | 'replied' | 'unanswered';
  created_by: string;
  created_at: Instant;
  replied_at: Instant | null;
  reply_deemed_on: CalendarDate | null;
  reply_late: boolean | null;
  reply_registered_by: string | null;
  reply_document_ids: Generated<number[]>;
  notification_id: number | null;
}

export interface CaseSuspensionsTable {
  id: Generated<number>;
  case_id: number;
  from_on: CalendarDate;
  to_on: CalendarDate | null;
  reason: 'amendment';
  amendment_request_id: number;
}

export interface SchemaMigrationsTable {
  name: string;
  checksum: string;
  applied_at: Instant;
}

export interface DerivedStateTable {
  name: string;
  value: string;
  updated_at: Date;
}

export interface OfficeSchema {
  departments: DepartmentsTable;
  users: UsersTable;
  procedures: ProceduresTable;
  applicants: ApplicantsTable;
  registry_entries: RegistryEntriesTable;
  cases: CasesTable;
  documents: DocumentsTable;
  notes: NotesTable;
  audit_trail: AuditTrailTable;
  derived_state: DerivedStateTable;
  resolution_book_years: ResolutionBookYearsTable;
  resolution_numbers: ResolutionNumbersTable;
  substitutions: SubstitutionsTable;
  signature_requests: SignatureRequestsTable;
  signature_steps: SignatureStepsTable;
  signature_renderings: SignatureRenderingsTable;
  document_contents: DocumentContentsTable;
  amendment_requests: AmendmentRequestsTable;
  case_suspensions: CaseSuspensionsTable;
  notifications: NotificationsTable;
  notification_events: NotificationEventsTable;
  notification_sweeps: NotificationSweepsTable;
  schema_migrations: SchemaMigrationsTable;
}
