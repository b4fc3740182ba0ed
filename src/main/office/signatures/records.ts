import type { Kysely, Transaction } from 'kysely';
import { ApiError } from '../../../shared/api/errors';
import type { Locale } from '../../../shared/api/session';
import type {
  SignatureRequest,
  SigningMode,
  SignaturePriority,
  StepAction,
  SubstitutionKind,
  ViewerStep,
} from '../../../shared/api/signatures';
import { bookLabel } from '../book/reservations';
import { parseCaseId } from '../cases/rows';
import type {
  OfficeSchema,
  SentResolution,
  SignatureRequestState,
  SignatureStepsTable,
} from '../store/schema';

type Db = Kysely<OfficeSchema> | Transaction<OfficeSchema>;

export interface StepRecord {
  position: number;
  signerId: string;
  signerName: string;
  signerPosition: string;
  signerActive: boolean;
  action: StepAction;
  fieldName: string | null;
  state: SignatureStepsTable['state'];
  actedById: string | null;
  actedByName: string | null;
  actedAt: Date | null;
  substitutionKind: SubstitutionKind | null;
}

/** A request with what every screen and check needs: its case, its people and its steps. */
export interface RequestRecord {
  id: number;
  caseId: number;
  caseNumber: string;
  caseEniId: string;
  procedureCode: string;
  procedureName: Record<Locale, string>;
  applicantName: string;
  departmentId: string;
  title: string;
  locale: Locale;
  resolution: SentResolution;
  resolutionSha256: string;
  mode: SigningMode;
  priority: SignaturePriority;
  expiresOn: string;
  state: SignatureRequestState;
  createdAt: Date;
  createdById: string;
  createdByName: string;
  closedAt: Date | null;
  closedById: string | null;
  closedByName: string | null;
  rejectionReason: string | null;
  documentId: number | null;
  bookYear: number | null;
  bookNumber: number | null;
  steps: StepRecord[];
}

/** A case or request id of the contract (a positive integer); anything else names nothing: `not_found`. */
export function idIn(raw: string): number {
  const id = parseCaseId(raw);
  if (id === null) throw new ApiError('not_found');
  return id;
}

function requestQuery(db: Db) {
  return db
    .selectFrom('signature_requests as q')
    .innerJoin('cases as c', 'c.id', 'q.case_id')
    .innerJoin('procedures as p', 'p.code', 'c.procedure_code')
    .innerJoin('applicants as a', 'a.id', 'c.applicant_id')
    .innerJoin('users as sender', 'sender.id', 'q.created_by')
    .leftJoin('users as closer', 'closer.id', 'q.closed_by')
    .select([
      'q.id',
      'q.case_id',
      'q.department_id',
      'q.title',
      'q.locale',
      'q.resolution',
      'q.resolution_sha256',
      'q.mode',
      'q.priority',
      'q.expires_on',
      'q.state',
      'q.created_at',
      'q.created_by',
      'q.closed_at',
      'q.closed_by',
      'q.rejection_reason',
      'q.document_id',
      'q.book_year',
      'q.book_number',
      'c.number as case_number',
      'c.eni_id as case_eni_id',
      'p.code as procedure_code',
      'p.name_es',
      'p.name_ca',
      'a.name as applicant_name',
      'sender.name as created_by_name',
      'closer.name as closed_by_name',
    ]);
}

async function withSteps(db: Db, rows: Awaited<ReturnType<ReturnType<typeof requestQuery>['execute']>>) {
  if (rows.length === 0) return [];
  const steps = await db
    .selectFrom('signature_steps as s')
    .innerJoin('users as signer', 'signer.id', 's.signer_id')
    .leftJoin('users as actor', 'actor.id', 's.acted_by')
    .leftJoin('substitutions as sub', 'sub.id', 's.substitution_id')
    .select([
      's.request_id',
      's.position',
      's.signer_id',
      's.action',
      's.field_name',
      's.state',
      's.acted_by',
      's.acted_at',
      'signer.name as signer_name',
      'signer.position as signer_position',
      'signer.active as signer_active',
      'actor.name as acted_by_name',
      'sub.kind as substitution_kind',
    ])
    .where(
      's.request_id',
      'in',
      rows.map((row) => row.id),
    )
    .orderBy('s.request_id')
    .orderBy('s.position')
    .execute();
  const byRequest = new Map<number, StepRecord[]>();
  for (const step of steps) {
    const list = byRequest.get(step.request_id) ?? [];
    list.push({
      position: step.position,
      signerId: step.signer_id,
      signerName: step.signer_name,
      signerPosition: step.signer_position,
      signerActive: step.signer_active,
      action: step.action,
      fieldName: step.field_name,
      state: step.state,
      actedById: step.acted_by,
      actedByName: step.acted_by_name,
      actedAt: step.acted_at,
      substitutionKind: step.substitution_kind,
    });
    byRequest.set(step.request_id, list);
  }
  return rows.map((row): RequestRecord => ({
    id: row.id,
    caseId: row.case_id,
    caseNumber: row.case_number,
    caseEniId: row.case_eni_id,
    procedureCode: row.procedure_code,
    procedureName: { es: row.name_es, 'ca-valencia': row.name_ca },
    applicantName: row.applicant_name,
    departmentId: row.department_id,
    title: row.title,
    locale: row.locale,
    resolution: row.resolution,
    resolutionSha256: row.resolution_sha256,
    mode: row.mode,
    priority: row.priority,
    expiresOn: row.expires_on,
    state: row.state,
    createdAt: row.created_at,
    createdById: row.created_by,
    createdByName: row.created_by_name,
    closedAt: row.closed_at,
    closedById: row.closed_by,
    closedByName: row.closed_by_name,
    rejectionReason: row.rejection_reason,
    documentId: row.document_id,
    bookYear: row.book_year,
    bookNumber: row.book_number,
    steps: byRequest.get(row.id) ?? [],
  }));
}

/** The requests with these ids, in the order asked (missing ones left out). */
export async function loadRequests(db: Db, ids: readonly number[]): Promise<RequestRecord[]> {
  if (ids.length === 0) return [];
  const found = await withSteps(db, await requestQuery(db).where('q.id', 'in', ids).execute());
  const byId = new Map(found.map((record) => [record.id, record]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** One request of the actor's department, or `not_found` (another department's is not revealed). */
export async function loadRequestIn(db: Db, departmentId: string, id: number): Promise<RequestRecord> {
  const [record] = await loadRequests(db, [id]);
  if (!record || record.departmentId !== departmentId) throw new ApiError('not_found');
  return record;
}

/**
 * The request, its row locked for the rest of the transaction (its changes are serialized), read
 * with the lock: what another transaction committed before it is what this one sees.
 */
export async function loadLockedRequest(
  trx: Transaction<OfficeSchema>,
  id: number,
): Promise<RequestRecord | undefined> {
  const rows = await requestQuery(trx).where('q.id', '=', id).forUpdate('q').execute();
  const [record] = await withSteps(trx, rows);
  return record;
}

/** Takes the request's row lock for the rest of the transaction: its changes are serialized. */
export async function lockRequest(trx: Transaction<OfficeSchema>, id: number): Promise<void> {
  await trx.selectFrom('signature_requests').select('id').where('id', '=', id).forUpdate().execute();
}

export async function requestsOfCase(db: Db, caseId: number): Promise<RequestRecord[]> {
  return withSteps(
    db,
    await requestQuery(db)
      .where('q.case_id', '=', caseId)
      .orderBy('q.created_at', 'desc')
      .orderBy('q.id', 'desc')
      .execute(),
  );
}

export const numberOf = (record: Pick<RequestRecord, 'bookYear' | 'bookNumber'>): string | null =>
  record.bookYear !== null && record.bookNumber !== null
    ? bookLabel({ year: record.bookYear, number: record.bookNumber })
    : null;

/** Still pending, but its last day has passed: nobody may act on it any more. */
export const isOverdue = (record: Pick<RequestRecord, 'state' | 'expiresOn'>, today: string): boolean =>
  record.state === 'pending' && record.expiresOn < today;

/** What a tray row and a request's page both say of a request. */
export function requestSummary(record: RequestRecord, today: string) {
  return {
    id: String(record.id),
    caseId: String(record.caseId),
    caseNumber: record.caseNumber,
    procedureCode: record.procedureCode,
    procedureName: record.procedureName,
    applicantName: record.applicantName,
    title: record.title,
    priority: record.priority,
    expiresOn: record.expiresOn,
    expired: isOverdue(record, today),
    state: record.state,
    mode: record.mode,
    number: numberOf(record),
    sentAt: record.createdAt.toISOString(),
    sentBy: { id: record.createdById, name: record.createdByName },
    rejectionReason: record.rejectionReason,
  } satisfies Partial<SignatureRequest>;
}

export function toSignatureRequest(
  record: RequestRecord,
  today: string,
  viewerStep: ViewerStep | null,
): SignatureRequest {
  return {
    ...requestSummary(record, today),
    departmentId: record.departmentId,
    locale: record.locale,
    text: record.resolution.text,
    sha256: record.resolutionSha256,
    closedAt: record.closedAt?.toISOString() ?? null,
    closedBy:
      record.closedById !== null && record.closedByName !== null
        ? { id: record.closedById, name: record.closedByName }
        : null,
    documentId: record.documentId === null ? null : String(record.documentId),
    steps: record.steps.map((step) => ({
      position: step.position,
      signer: { id: step.signerId, name: step.signerName, position: step.signerPosition },
      action: step.action,
      state: step.state,
      actedBy:
        step.actedById !== null && step.actedByName !== null
          ? { id: step.actedById, name: step.actedByName }
          : null,
      actedAt: step.actedAt?.toISOString() ?? null,
      substitution: step.substitutionKind,
    })),
    viewerStep,
  };
}
