import { sql, type Selectable, type Transaction } from 'kysely';
import type { LegalCalendar } from '../../../shared/domain/calendar';
import type { CaseState } from '../../../shared/domain/cases';
import { caseMunicipalities } from '../deadlines';
import { foldSearchText } from '../search-text';
import { loadResolutionTemplates } from '../resolutions/template';
import { seedPendingRequests } from '../signatures/demo-requests';
import { appendAudit, type AuditEntry } from '../store/audit';
import { storeContent } from '../store/contents';
import type { GeneratedPdfMark } from '../generated-pdf';
import type { Store } from '../store/open-store';
import type { DocumentsTable, OfficeSchema } from '../store/schema';
import {
  AmendmentRequestPdfs,
  type SealRequest,
  insertAmendmentRecords,
  planAmendmentRequest,
  type SeededAmendment,
} from './amendment-records';
import { ApplicantFactory, type DemoApplicant } from './applicants';
import { cityHallDir3, demoStaff, departments, procedures, type DemoProcedure, type DemoUser } from './city';
import { demoPdfWriter, type DemoPdfWriter } from './pdf';
import { Prng } from './prng';
import type { DemoStagePlanner } from './stages-plan';

export interface SeedOptions {
  cases: number;
  /** The instant the demo city is built for: registry dates and deadlines are spread around it. */
  now: Date;
  seed?: number;
  /** Generate the 1–4 PDF documents of every case (the queue benchmark turns this off). */
  documents?: boolean;
  onProgress?: (done: number, total: number) => void;
  /** Picks the cases to be walked through their stages afterwards (stages-walk.ts): seeded in progress. */
  stages?: DemoStagePlanner;
  /** The desk's mark on every document's PDF (a training sandbox's watermark); none by default. */
  markPdf?: GeneratedPdfMark;
  /** Seals the amendment requests it files, as a desk without a card issues them; unsigned without it. */
  sealRequest?: SealRequest;
}

export interface SeedSummary {
  departments: number;
  procedures: number;
  users: number;
  applicants: number;
  cases: number;
  documents: number;
}

/** The store already holds cases: seeding again would mix two demo cities. */
export class StoreNotEmptyError extends Error {
  constructor() {
    super('The store already holds cases');
    this.name = 'StoreNotEmptyError';
  }
}

const stateWeights: readonly (readonly [CaseState, number])[] = [
  ['registered', 18],
  ['in_progress', 30],
  ['awaiting_amendment', 10],
  ['proposal', 7],
  ['awaiting_signature', 5],
  ['resolved', 12],
  ['notified', 8],
  ['archived', 5],
  ['withdrawn', 3],
  ['expired', 2],
];
const laterStates = new Set<CaseState>([
  'proposal',
  'awaiting_signature',
  'resolved',
  'notified',
  'archived',
]);
const resolvedStates = new Set<CaseState>(['resolved', 'notified', 'archived']);

const dayMs = 86_400_000;
const batchSize = 500;
/** Documents rendered from their templates at once (see renderDocuments). */
const renderedAtOnce = 4;

interface PlannedDocument {
  title: string;
  documentType: string;
  origin: 0 | 1;
  capturedAt: Date;
  /** Its own PDF (the amendment request's); a demo page otherwise. */
  render?: () => Promise<Uint8Array>;
}

interface PlannedCase {
  id: number;
  number: string;
  year: number;
  procedure: DemoProcedure;
  applicantId: number;
  registryNumber: string;
  registeredAt: Date;
  state: CaseState;
  dueDate: string;
  assignee: DemoUser | null;
  documents: PlannedDocument[];
  amendment: Omit<SeededAmendment, 'caseId' | 'documentId' | 'noticeDocumentId'> | null;
}

const madridYear = (instant: Date): number =>
  Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Madrid', year: 'numeric' }).format(instant));

function termDays(procedure: DemoProcedure): number {
  const { unit, amount } = procedure.term;
  return unit === 'months' ? amount * 30 : unit === 'business_days' ? Math.ceil(amount * 1.4) : amount;
}

function planDocuments(random: Prng, state: CaseState, registeredAt: Date): PlannedDocument[] {
  const at = (hours: number) => new Date(registeredAt.getTime() + hours * 3_600_000);
  const documents: PlannedDocument[] = [
    { title: 'Solicitud', documentType: 'TD14', origin: 0, capturedAt: registeredAt },
  ];
  if (random.next() < 0.5)
    documents.push({
      title: 'Documentación adjunta',
      documentType: 'TD99',
      origin: 0,
      capturedAt: registeredAt,
    });
  if (state === 'awaiting_amendment')
    documents.push({
      title: 'Requerimiento de subsanación',
      documentType: 'TD07',
      origin: 1,
      capturedAt: at(72),
    });
  if (laterStates.has(state))
    documents.push({ title: 'Informe técnico', documentType: 'TD13', origin: 1, capturedAt: at(240) });
  if (resolvedStates.has(state))
    documents.push({ title: 'Resolución', documentType: 'TD01', origin: 1, capturedAt: at(480) });
  return documents.slice(0, 4);
}

/**
 * Builds the demo city into an empty store: departments, procedures, staff, applicants and
 * `cases` cases spread over states and registry dates around `now`, with their audit trail and
 * (unless turned off) their PDF documents, content-addressed. Deterministic for a seed and a day.
 */
export async function seedDemo(
  store: Store,
  calendar: LegalCalendar,
  options: SeedOptions,
): Promise<SeedSummary> {
  const existing = await store.db
    .selectFrom('cases')
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  if (existing.n > 0) throw new StoreNotEmptyError();

  const random = new Prng(options.seed ?? 2026);
  const staff = demoStaff();
  const processorsOf = new Map(
    departments.map((department) => [
      department.id,
      staff.filter((user) => user.departmentId === department.id && user.roles.includes('processor')),
    ]),
  );
  const prefixOf = new Map(departments.map((department) => [department.id, department.prefix]));
  const procedureWeights = procedures.map((procedure) => [procedure, procedure.weight] as const);

  const applicants: DemoApplicant[] = [];
  let documentCount = 0;
  // One transaction: a seed that fails half-way (or a crash) leaves the store as empty as it was.
  await store.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('departments')
      .values(departments.map(({ id, dir3, name }) => ({ id, dir3, name })))
      .execute();
    await trx
      .insertInto('procedures')
      .values(
        procedures.map((procedure) => ({
          code: procedure.code,
          name_es: procedure.nameEs,
          name_ca: procedure.nameCa,
          department_id: procedure.departmentId,
          term_unit: procedure.term.unit,
          term_amount: procedure.term.amount,
          silence: procedure.silence,
          legal_basis: procedure.legalBasis,
        })),
      )
      .execute();
    await trx
      .insertInto('users')
      .values(
        staff.map((user) => ({
          id: user.id,
          name: user.name,
          position: user.position,
          department_id: user.departmentId,
          roles: user.roles,
          nif: user.nif,
        })),
      )
      .execute();
    await appendAudit(trx, [
      {
        at: options.now,
        actorId: null,
        caseId: null,
        action: 'demo.catalogue_loaded',
        details: { departments: departments.length, procedures: procedures.length, users: staff.length },
      },
    ]);

    const factory = new ApplicantFactory(random);
    const requestPdfs = new AmendmentRequestPdfs(options.markPdf, options.sealRequest);
    const writePdf = await demoPdfWriter(options.markPdf);
    for (let start = 0; start < options.cases; start += batchSize) {
      const planned: PlannedCase[] = [];
      const newApplicants: (DemoApplicant & { id: number })[] = [];
      for (let index = start; index < Math.min(options.cases, start + batchSize); index += 1) {
        const procedure = random.weighted(procedureWeights);
        const state = random.weighted(stateWeights);
        let applicantId: number;
        let applicant: DemoApplicant;
        if (applicants.length > 0 && random.next() < 0.2) {
          applicantId = random.int(1, applicants.length);
          applicant = applicants[applicantId - 1]!;
        } else {
          applicant = factory.next();
          applicants.push(applicant);
          applicantId = applicants.length;
          newApplicants.push({ ...applicant, id: applicantId });
        }
        // Open cases sit anywhere from just registered to past their term; closed ones are older.
        const span = termDays(procedure) * 1.25;
        const daysAgo = resolvedStates.has(state) ? span * (0.6 + random.next() * 0.6) : random.next() * span;
        const registeredAt = new Date(
          Math.floor(options.now.getTime() - daysAgo * dayMs - random.int(0, 8 * 3_600_000)),
        );
        const id = index + 1;
        const year = madridYear(registeredAt);
        const number = `${prefixOf.get(procedure.departmentId)}-${year}-${String(id).padStart(6, '0')}`;
        const registryNumber = `RE-${year}-${String(id).padStart(7, '0')}`;
        const processors = processorsOf.get(procedure.departmentId) ?? [];
        const assigned = state === 'registered' ? random.next() < 0.3 : random.next() < 0.85;
        const assignee = assigned && processors.length > 0 ? random.pick(processors) : null;
        const dueDate = calendar.dueDate({
          registeredAt,
          term: procedure.term,
          municipalities: caseMunicipalities(calendar, applicant.municipality),
        });
        const documents = options.documents === false ? [] : planDocuments(random, state, registeredAt);
        const stored =
          options.stages?.consider({
            id,
            state,
            registeredAt,
            dueDate,
            departmentId: procedure.departmentId,
            assignee,
            applicant,
          }) ?? state;
        const amendment =
          stored === 'awaiting_amendment' && documents.length > 0
            ? planAmendmentRequest(calendar, options.now, {
                id,
                registeredAt,
                dueDate,
                applicantMunicipality: applicant.municipality,
              })
            : null;
        const requester = assignee ?? processors[0];
        if (amendment && requester) {
          // The request the case awaits, as requestAmendment files it (TD06, from the template).
          const at = documents.findIndex((document) => document.documentType === 'TD07');
          documents.splice(at < 0 ? documents.length : at, 1, {
            title: `${requestPdfs.title} · ${number}`,
            documentType: 'TD06',
            origin: 1,
            capturedAt: amendment.requestAt,
            render: () =>
              requestPdfs.render({
                caseNumber: number,
                procedureName: procedure.nameEs,
                registryNumber,
                departmentName: departments.find((department) => department.id === procedure.departmentId)!
                  .name,
                applicantName: applicant.name,
                at: amendment.requestAt,
              }),
          });
          // A natural person who chose paper is notified on paper (art. 14): the notice for the messenger.
          if (applicant.kind === 'natural' && applicant.channel === 'paper')
            documents.push({
              title: requestPdfs.noticeTitle,
              documentType: 'TD07',
              origin: 1,
              capturedAt: amendment.requestAt,
              render: () =>
                requestPdfs.notice({
                  caseNumber: number,
                  procedureName: procedure.nameEs,
                  applicant,
                  documentTitle: `${requestPdfs.title} · ${number}`,
                  at: amendment.requestAt,
                }),
            });
        }
        planned.push({
          id,
          number,
          year,
          procedure,
          applicantId,
          registryNumber,
          registeredAt,
          state: stored,
          dueDate,
          assignee,
          // A staged case starts with what the applicant filed; the walk adds the rest.
          documents: stored === state ? documents : documents.filter((document) => document.origin === 0),
          amendment: amendment && requester ? { ...amendment, actorId: requester.id } : null,
        });
      }
      const documentRows = await renderDocuments(store.documentsDir, planned, writePdf);
      documentCount += documentRows.length;
      await insertBatch(trx, planned, newApplicants, applicants, documentRows);
      await insertAmendmentRecords(trx, calendar, amendmentsOf(planned, documentRows));
      options.onProgress?.(Math.min(options.cases, start + batchSize), options.cases);
    }

    // Explicit ids were inserted: move the identity sequences past them for the cases to come.
    for (const table of ['applicants', 'registry_entries', 'cases', 'documents'] as const) {
      await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce((select max(id) from ${sql.table(table)}), 0) + 1, false)`.execute(
        trx,
      );
    }
    await seedPendingRequests(trx, loadResolutionTemplates(), options.now);
  });
  // Fresh statistics and visibility map: queue counts become index-only scans from the start.
  await sql`vacuum analyze`.execute(store.db);
  return {
    departments: departments.length,
    procedures: procedures.length,
    users: staff.length,
    applicants: applicants.length,
    cases: options.cases,
    documents: documentCount,
  };
}

type DocumentRow = Selectable<DocumentsTable>;

async function renderDocuments(
  documentsDir: string | null,
  planned: readonly PlannedCase[],
  writePdf: DemoPdfWriter,
): Promise<DocumentRow[]> {
  // The documents from their templates first, a few at a time: sealing one waits on the disk (the
  // signing service makes each signed file durable) while the next one renders.
  const own = planned.flatMap((plan) => plan.documents.filter((document) => document.render));
  const rendered = new Map<PlannedDocument, Uint8Array>();
  for (let start = 0; start < own.length; start += renderedAtOnce) {
    const batch = own.slice(start, start + renderedAtOnce);
    const bytes = await Promise.all(batch.map((document) => document.render!()));
    batch.forEach((document, index) => rendered.set(document, bytes[index]!));
  }
  const rows: DocumentRow[] = [];
  for (const plan of planned) {
    for (const [index, document] of plan.documents.entries()) {
      const position = index + 1;
      const bytes =
        rendered.get(document) ??
        (await writePdf({
          title: `${document.title} — ${plan.number}`,
          lines: [
            `Procedimiento: ${plan.procedure.nameEs}`,
            `Expediente: ${plan.number}`,
            `Registro de entrada: ${plan.registryNumber}`,
            `Fecha: ${document.capturedAt.toISOString().slice(0, 10)}`,
          ],
          date: document.capturedAt,
        }));
      const stored = storeContent(documentsDir, bytes);
      rows.push({
        id: plan.id * 10 + position,
        case_id: plan.id,
        position,
        title: document.title,
        eni_id: `ES_${cityHallDir3}_${plan.year}_${plan.number.replaceAll('-', '')}_${position}`,
        document_type: document.documentType,
        origin: document.origin,
        elaboration_state: 'EE01',
        format: 'PDF',
        captured_at: document.capturedAt,
        sha256: stored.sha256,
        size: stored.size,
      });
    }
  }
  return rows;
}

async function insertBatch(
  trx: Transaction<OfficeSchema>,
  planned: readonly PlannedCase[],
  newApplicants: readonly (DemoApplicant & { id: number })[],
  applicants: readonly DemoApplicant[],
  documentRows: readonly DocumentRow[],
): Promise<void> {
  if (newApplicants.length > 0) await trx.insertInto('applicants').values(newApplicants).execute();
  await trx
    .insertInto('registry_entries')
    .values(
      planned.map((plan) => ({ id: plan.id, number: plan.registryNumber, registered_at: plan.registeredAt })),
    )
    .execute();
  await trx
    .insertInto('cases')
    .values(
      planned.map((plan) => {
        const applicant = applicants[plan.applicantId - 1]!;
        return {
          id: plan.id,
          number: plan.number,
          eni_id: `ES_${cityHallDir3}_${plan.year}_EXP_${plan.number.replaceAll('-', '')}`,
          procedure_code: plan.procedure.code,
          department_id: plan.procedure.departmentId,
          applicant_id: plan.applicantId,
          registry_entry_id: plan.id,
          state: plan.state,
          due_date: plan.dueDate,
          assignee_id: plan.assignee?.id ?? null,
          search_text: foldSearchText(`${plan.number} ${applicant.nif} ${applicant.name}`),
          created_at: plan.registeredAt,
          updated_at: plan.registeredAt,
        };
      }),
    )
    .execute();
  if (documentRows.length > 0)
    await trx
      .insertInto('documents')
      .values([...documentRows])
      .execute();
  const audit: AuditEntry[] = planned.flatMap((plan) => {
    const entries: AuditEntry[] = [
      {
        at: plan.registeredAt,
        actorId: null,
        caseId: plan.id,
        action: 'case.registered',
        details: { number: plan.number, procedure: plan.procedure.code, registryEntry: plan.registryNumber },
      },
    ];
    const later = (hours: number) => new Date(plan.registeredAt.getTime() + hours * 3_600_000);
    if (plan.assignee)
      entries.push({
        at: later(2),
        actorId: plan.assignee.id,
        caseId: plan.id,
        action: 'case.claimed',
        details: {},
      });
    if (plan.state !== 'registered')
      entries.push({
        at: later(48),
        actorId: plan.assignee?.id ?? null,
        caseId: plan.id,
        action: 'case.state_changed',
        // A case awaiting its amendment was worked first; the request's own entry moves it on.
        details: { to: plan.amendment ? 'in_progress' : plan.state },
      });
    return entries;
  });
  await appendAudit(trx, audit);
}

/** The planned amendment requests with the ids their documents (TD06) were stored under. */
function amendmentsOf(
  planned: readonly PlannedCase[],
  documentRows: readonly DocumentRow[],
): SeededAmendment[] {
  const requestDocument = new Map(
    documentRows.filter((row) => row.document_type === 'TD06').map((row) => [row.case_id, row.id]),
  );
  const noticeDocument = new Map(
    documentRows.filter((row) => row.document_type === 'TD07').map((row) => [row.case_id, row.id]),
  );
  return planned.flatMap((plan) =>
    plan.amendment
      ? [
          {
            ...plan.amendment,
            caseId: plan.id,
            documentId: requestDocument.get(plan.id)!,
            noticeDocumentId: noticeDocument.get(plan.id) ?? null,
          },
        ]
      : [],
  );
}
