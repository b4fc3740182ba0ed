import { sql, type Kysely, type Transaction } from 'kysely';
import type { Actor } from '../../../shared/api/access';
import { madridDate } from '../../../shared/domain/calendar/dates';
import { translate } from '../../../shared/i18n/index';
import { demoStaff, departments } from '../demo/city';
import { renderResolution } from '../resolutions/render';
import { draftResolutionText, loadResolutionTemplates } from '../resolutions/template';
import type { DocumentContents } from '../signatures/document-contents';
import { sha256Hex } from '../signatures/document-contents';
import {
  draftFacts,
  loadCaseForResolution,
  resolutionDocument,
  resolutionSha256,
  sentResolution,
  signatureFieldName,
} from '../signatures/resolution';
import type { CertifiedSigner } from '../signatures/signer-check';
import { bookSubject } from '../signatures/signing-port';
import { appendAudit, type AuditEntry } from '../store/audit';
import type { OfficeSchema, SentResolution } from '../store/schema';
import { bookLabel, bookYear, confirmReservation, reserveNumbers, type Reservation } from './reservations';

/**
 * The office's part of the demo city's resolutions book: which resolved cases of the year get a
 * signed resolution, their signature requests, their numbers, and recording what the heads signed.
 * The signing itself is the desk's (src/main/compose/demo-book.ts, with practice cards).
 */

const dayMs = 86_400_000;
const locale = 'es';

export interface DemoHead {
  actor: Actor;
  nif: string;
  position: string;
  departmentName: string;
}

/** One resolution of the demo book: sent to its department's head, numbered, to be signed. */
export interface DemoResolution {
  caseId: number;
  documentId: number;
  signedAt: Date;
  head: DemoHead;
  requestId: number;
  resolution: SentResolution;
  fieldName: string;
  reservation: Reservation;
}

const madridHour = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Madrid',
  hour: 'numeric',
  hourCycle: 'h23',
});

/**
 * Heads sign in office hours: the demo's resolution instant moved to 9–13 h of the same Madrid
 * day, on a whole minute (a PDF's signing time has no fractions of a second).
 */
function inOfficeHours(instant: Date, seed: number, now: Date): Date {
  const hour = Number(madridHour.format(instant));
  const moved = instant.getTime() + (9 + (seed % 5) - hour) * 3_600_000;
  const minute = 60_000;
  return new Date(Math.floor((moved <= now.getTime() ? moved : instant.getTime()) / minute) * minute);
}

/** Each department's head of service (the first head the demo city names), with their NIF. */
export function demoHeads(): Map<string, DemoHead> {
  const staff = demoStaff();
  const heads = new Map<string, DemoHead>();
  departments.forEach((department) => {
    const head = staff.find((user) => user.departmentId === department.id && user.roles.includes('head'));
    if (!head) return;
    heads.set(department.id, {
      actor: { id: head.id, name: head.name, departmentId: department.id, roles: head.roles },
      nif: head.nif,
      position: head.position,
      departmentName: department.name,
    });
  });
  return heads;
}

/**
 * Resolved cases of this year so far, in the order their resolutions were signed: up to `limit`
 * of them, the `include`d ones always among them.
 */
async function resolvedThisYear(
  db: Kysely<OfficeSchema>,
  now: Date,
  limit: number,
  include: readonly number[],
) {
  const year = bookYear(now);
  const all = await db
    .selectFrom('cases as c')
    .innerJoin('documents as d', (join) =>
      join.onRef('d.case_id', '=', 'c.id').on('d.document_type', '=', 'TD01'),
    )
    .select(['c.id', 'c.department_id', 'c.assignee_id', 'd.id as document_id', 'd.captured_at'])
    .where('c.state', 'in', ['resolved', 'notified', 'archived'])
    .where('d.captured_at', '<=', now)
    .where(sql<boolean>`extract(year from d.captured_at at time zone 'Europe/Madrid') = ${year}`)
    .orderBy('d.captured_at')
    .orderBy('c.id')
    .execute();
  // Beyond the bound, an even sample: the book still runs from the year's start to recent days.
  if (all.length <= limit) return all;
  const included = new Set(include);
  const others = all.filter((row) => !included.has(row.id));
  const room = Math.max(0, limit - (all.length - others.length));
  const sampled = new Set(
    Array.from({ length: room }, (_, index) => others[Math.floor((index * others.length) / room)]!),
  );
  return all.filter((row) => sampled.has(row) || included.has(row.id));
}

/** The requests as they were sent, the day before they were signed, each to its department's head. */
async function sendRequests(
  db: Kysely<OfficeSchema>,
  candidates: Awaited<ReturnType<typeof resolvedThisYear>>,
  heads: Map<string, DemoHead>,
  now: Date,
): Promise<Omit<DemoResolution, 'reservation'>[]> {
  const templates = loadResolutionTemplates();
  return db.transaction().execute(async (trx) => {
    const planned: Omit<DemoResolution, 'reservation'>[] = [];
    const audit: AuditEntry[] = [];
    for (const candidate of candidates) {
      const head = heads.get(candidate.department_id)!;
      const found = await loadCaseForResolution(trx, head.actor, candidate.id);
      const fieldName = signatureFieldName(1, head.actor.id);
      const text = draftResolutionText(templates, draftFacts(found, locale), locale);
      const resolution = sentResolution(templates, found, locale, text, [fieldName]);
      const title = translate(locale, 'resolutions.document.title');
      const sha256 = resolutionSha256(title, locale, resolution);
      const signedAt = inOfficeHours(candidate.captured_at, candidate.id, now);
      const sentAt = new Date(signedAt.getTime() - dayMs);
      const sender = candidate.assignee_id ?? head.actor.id;
      const created = await trx
        .insertInto('signature_requests')
        .values({
          case_id: candidate.id,
          department_id: candidate.department_id,
          title,
          locale,
          resolution: JSON.stringify(resolution),
          resolution_sha256: sha256,
          mode: 'cascade',
          priority: 'normal',
          expires_on: madridDate(new Date(sentAt.getTime() + 30 * dayMs)),
          state: 'pending',
          created_by: sender,
          created_at: sentAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('signature_steps')
        .values({
          request_id: created.id,
          position: 1,
          signer_id: head.actor.id,
          action: 'sign',
          field_name: fieldName,
          state: 'pending',
        })
        .execute();
      audit.push({
        at: sentAt,
        actorId: sender,
        caseId: candidate.id,
        action: 'signature.sent',
        details: {
          request: created.id,
          mode: 'cascade',
          priority: 'normal',
          signers: `${head.actor.id}:sign`,
          sha256,
        },
      });
      planned.push({
        caseId: candidate.id,
        documentId: candidate.document_id,
        signedAt,
        head,
        requestId: created.id,
        resolution,
        fieldName,
      });
    }
    await appendAudit(trx, audit);
    return planned;
  });
}

/**
 * Plans this year's demo book: the resolved cases whose resolution falls in the year so far (up
 * to `limit` of them, sampled evenly over the year), each sent to its department's head and given
 * the next number, in the order they were signed. Nothing when the year's book has begun already.
 */
export async function planDemoBook(
  db: Kysely<OfficeSchema>,
  now: Date,
  limit: number,
  include: readonly number[] = [],
): Promise<DemoResolution[]> {
  const started = await db
    .selectFrom('resolution_numbers')
    .select('number')
    .where('year', '=', bookYear(now))
    .limit(1)
    .executeTakeFirst();
  const candidates = started ? [] : await resolvedThisYear(db, now, limit, include);
  if (candidates.length === 0) return [];
  const sent = await sendRequests(db, candidates, demoHeads(), now);
  const reservations = await reserveNumbers(db, {
    for: sent.map((plan) => bookSubject(plan.requestId)),
    now,
    holdMs: dayMs,
  });
  return sent.map((plan, index) => ({ ...plan, reservation: reservations[index]! }));
}

/** The final PDF the head signs: number, CSV and QR stamped, one empty signature field. */
export const demoResolutionPdf = (plan: DemoResolution): Promise<Uint8Array> =>
  renderResolution(
    resolutionDocument(
      locale,
      plan.resolution,
      { number: bookLabel(plan.reservation), csv: plan.reservation.csv },
      plan.signedAt,
    ),
  );

export interface SignedDemoResolution {
  plan: DemoResolution;
  bytes: Uint8Array;
  /** The head as their practice card names them, recorded in the book as a confirmation records it. */
  signer: CertifiedSigner;
}

async function confirmAll(trx: Transaction<OfficeSchema>, signed: readonly SignedDemoResolution[]) {
  const audit: AuditEntry[] = [];
  for (const { plan, bytes, signer } of signed) {
    const sha256 = sha256Hex(bytes);
    const confirmed = await confirmReservation(trx, plan.reservation.reservationId, {
      now: plan.signedAt,
      caseId: plan.caseId,
      signerId: plan.head.actor.id,
      signedSha256: sha256,
      signer,
    });
    const number = bookLabel(confirmed);
    // The demo city's unsigned resolution becomes the signed, numbered one.
    await trx
      .updateTable('documents')
      .set({
        title: translate(locale, 'resolutions.document.numbered', { number }),
        captured_at: plan.signedAt,
        sha256,
        size: bytes.byteLength,
      })
      .where('id', '=', plan.documentId)
      .execute();
    await trx
      .updateTable('signature_steps')
      .set({ state: 'done', acted_by: plan.head.actor.id, acted_at: plan.signedAt })
      .where('request_id', '=', plan.requestId)
      .execute();
    await trx
      .updateTable('signature_requests')
      .set({
        state: 'signed',
        closed_by: plan.head.actor.id,
        closed_at: plan.signedAt,
        document_id: plan.documentId,
        book_year: confirmed.year,
        book_number: confirmed.number,
      })
      .where('id', '=', plan.requestId)
      .execute();
    audit.push({
      at: plan.signedAt,
      actorId: plan.head.actor.id,
      caseId: plan.caseId,
      action: 'resolution.signed',
      details: {
        request: plan.requestId,
        number,
        step: 1,
        field: plan.fieldName,
        onBehalfOf: null,
        sha256,
        certificateIssuer: signer.issuer,
        certificateSerial: signer.serial,
      },
    });
  }
  await appendAudit(trx, audit);
}

/** What the heads signed, recorded as a real signature is: file, number, request and audit, together. */
export async function recordDemoSignatures(
  db: Kysely<OfficeSchema>,
  contents: DocumentContents,
  signed: readonly SignedDemoResolution[],
): Promise<void> {
  for (const { bytes } of signed) contents.writeFile(bytes);
  await db.transaction().execute(async (trx) => {
    for (const { bytes } of signed) await contents.record(trx, sha256Hex(bytes), bytes);
    await confirmAll(trx, signed);
  });
}
