import type { ColumnType, Generated } from 'kysely';
import type { CaseState, Role, Silence } from '../../../shared/domain/cases';

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
  assignee_id: string | null;
  version: Generated<number>;
  search_text: string;
  created_at: Instant;
  updated_at: Instant;
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
}

export interface SchemaMigrationsTable {
  name: string;
  checksum: string;
  applied_at: Instant;
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
  resolution_book_years: ResolutionBookYearsTable;
  resolution_numbers: ResolutionNumbersTable;
  schema_migrations: SchemaMigrationsTable;
}
