import type { Kysely, Transaction } from 'kysely';
import { ApiError } from '../../../shared/api/errors';
import type { Locale } from '../../../shared/api/session';
import type { CaseState } from '../../../shared/domain/cases';
import { formatDate, intlTags } from '../../../shared/i18n/dates';
import { translate } from '../../../shared/i18n/index';
import type { BookStamp, ResolutionDocument } from '../resolutions/render';
import type { DraftFacts, ResolutionTemplates, ResolutionText } from '../resolutions/template';
import type { OfficeSchema, SentResolution } from '../store/schema';
import type { Actor } from '../users';
import { sha256Hex } from './document-contents';

/** What a resolution is written from: the case as the office knows it. */
export interface CaseForResolution {
  id: number;
  number: string;
  eniId: string;
  state: CaseState;
  departmentId: string;
  departmentName: string;
  procedureCode: string;
  procedureName: Record<Locale, string>;
  legalBasis: string;
  applicantName: string;
  applicantNif: string;
  registryNumber: string;
  registeredAt: Date;
}

/** The cases a resolution is written from, with all it is filled from (several at once for the demo seed). */
export async function casesForResolution(
  db: Kysely<OfficeSchema> | Transaction<OfficeSchema>,
  where: { ids: readonly number[] } | { state: CaseState },
): Promise<CaseForResolution[]> {
  let query = db
    .selectFrom('cases as c')
    .innerJoin('procedures as p', 'p.code', 'c.procedure_code')
    .innerJoin('departments as d', 'd.id', 'c.department_id')
    .innerJoin('applicants as a', 'a.id', 'c.applicant_id')
    .innerJoin('registry_entries as r', 'r.id', 'c.registry_entry_id')
    .select([
      'c.id',
      'c.number',
      'c.eni_id',
      'c.state',
      'c.department_id',
      'd.name as department_name',
      'p.code as procedure_code',
      'p.name_es',
      'p.name_ca',
      'p.legal_basis',
      'a.name as applicant_name',
      'a.nif as applicant_nif',
      'r.number as registry_number',
      'r.registered_at',
    ])
    .orderBy('c.id');
  if ('ids' in where) {
    if (where.ids.length === 0) return [];
    query = query.where('c.id', 'in', where.ids);
  } else query = query.where('c.state', '=', where.state);
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    eniId: row.eni_id,
    state: row.state,
    departmentId: row.department_id,
    departmentName: row.department_name,
    procedureCode: row.procedure_code,
    procedureName: { es: row.name_es, 'ca-valencia': row.name_ca },
    legalBasis: row.legal_basis,
    applicantName: row.applicant_name,
    applicantNif: row.applicant_nif,
    registryNumber: row.registry_number,
    registeredAt: row.registered_at,
  }));
}

/** The case, when it is one of the actor's department's; another department's is `not_found`. */
export async function loadCaseForResolution(
  db: Kysely<OfficeSchema> | Transaction<OfficeSchema>,
  actor: Actor,
  caseId: number,
): Promise<CaseForResolution> {
  const [found] = await casesForResolution(db, { ids: [caseId] });
  if (!found || found.departmentId !== actor.departmentId) throw new ApiError('not_found');
  return found;
}

const longDate = (instant: Date, locale: Locale): string =>
  formatDate(instant, intlTags[locale], { dateStyle: 'long', timeZone: 'Europe/Madrid' });

export const draftFacts = (found: CaseForResolution, locale: Locale): DraftFacts => ({
  caseNumber: found.number,
  procedureCode: found.procedureCode,
  procedureName: found.procedureName[locale],
  legalBasis: found.legalBasis,
  departmentName: found.departmentName,
  applicantName: found.applicantName,
  applicantNif: found.applicantNif,
  registryNumber: found.registryNumber,
  registryDate: longDate(found.registeredAt, locale),
});

export const defaultTitle = (locale: Locale): string => translate(locale, 'resolutions.document.title');

/** The empty signature field of a sign step: unique per signature, and naming who fills it. */
export const signatureFieldName = (position: number, signerId: string): string =>
  `firma-${position}-${signerId}`;

/** All the resolution's PDF is rendered from, but the book stamp and the instant. */
export function sentResolution(
  templates: ResolutionTemplates,
  found: CaseForResolution,
  locale: Locale,
  text: ResolutionText,
  signatureFields: readonly string[],
): SentResolution {
  return {
    issuer: templates.issuer[locale],
    departmentName: found.departmentName,
    caseNumber: found.number,
    procedureName: found.procedureName[locale],
    applicantName: found.applicantName,
    text: { facts: text.facts, grounds: text.grounds, decision: text.decision, remedies: text.remedies },
    signatureFields: [...signatureFields],
    verificationUrl: templates.verificationUrl,
  };
}

/**
 * The hash a change after sending is detected by. The fields go in a fixed order (a jsonb column
 * does not keep the order of keys), so the same resolution always hashes the same.
 */
export function resolutionSha256(title: string, locale: Locale, resolution: SentResolution): string {
  const { text } = resolution;
  return sha256Hex(
    new TextEncoder().encode(
      JSON.stringify([
        title,
        locale,
        resolution.issuer,
        resolution.departmentName,
        resolution.caseNumber,
        resolution.procedureName,
        resolution.applicantName,
        text.facts,
        text.grounds,
        text.decision,
        text.remedies,
        resolution.signatureFields,
        resolution.verificationUrl,
      ]),
    ),
  );
}

export const resolutionDocument = (
  locale: Locale,
  resolution: SentResolution,
  book: BookStamp | null,
  at: Date,
): ResolutionDocument => ({ ...resolution, locale, book, at });
