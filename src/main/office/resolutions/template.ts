import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Locale } from '../../../shared/api/session';
import { resourcesDir } from '../../package-root';

export const defaultTemplatesFile = join(resourcesDir, 'templates', 'resolutions.json');

const localized = z.object({ es: z.string().min(1), 'ca-valencia': z.string().min(1) }).strict();
const remediesKind = z.enum(['general', 'tax', 'contentiousOnly']);
const sections = {
  facts: localized,
  grounds: localized,
  decision: localized,
};

const templatesSchema = z
  .object({
    source: z.string(),
    issuer: localized,
    verificationUrl: z.url({ protocol: /^https$/ }),
    remedies: z.record(remediesKind, localized),
    default: z.object({ remedies: remediesKind, ...sections }).strict(),
    procedures: z.record(
      z.string(),
      z.object({ remedies: remediesKind.optional(), ...z.object(sections).partial().shape }).strict(),
    ),
  })
  .strict();

export type ResolutionTemplates = z.infer<typeof templatesSchema>;

/** The template file is data a city hall edits: a problem names the file and the field to fix. */
export class TemplateDataError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(`Template file ${file}: ${detail}`);
    this.name = 'TemplateDataError';
  }
}

export function loadResolutionTemplates(file: string = defaultTemplatesFile): ResolutionTemplates {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new TemplateDataError(file, error instanceof Error ? error.message : String(error));
  }
  const parsed = templatesSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new TemplateDataError(file, `${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

/** What a draft is filled from: the case as the office knows it. */
export interface DraftFacts {
  caseNumber: string;
  procedureCode: string;
  procedureName: string;
  legalBasis: string;
  departmentName: string;
  applicantName: string;
  applicantNif: string;
  registryNumber: string;
  /** The registry entry's date, already written out for the document's language. */
  registryDate: string;
}

/** The editable text of a resolution (art. 88 Ley 39/2015): facts, grounds, decision, remedies. */
export interface ResolutionText {
  facts: string;
  grounds: string;
  decision: string;
  remedies: string;
}

/** The case's placeholders ({{case.number}}, {{applicant.name}}…) filled in a template's text. */
export const fill = (text: string, facts: DraftFacts): string =>
  text.replace(/\{\{([\w.]+)\}\}/g, (whole, name: string) => {
    const values: Record<string, string> = {
      'case.number': facts.caseNumber,
      'procedure.name': facts.procedureName,
      'procedure.legalBasis': facts.legalBasis,
      'department.name': facts.departmentName,
      'applicant.name': facts.applicantName,
      'applicant.nif': facts.applicantNif,
      'registry.number': facts.registryNumber,
      'registry.date': facts.registryDate,
    };
    return values[name] ?? whole;
  });

/** The procedure's template (or the default) in the document's language, filled from the case. */
export function draftResolutionText(
  templates: ResolutionTemplates,
  facts: DraftFacts,
  locale: Locale,
): ResolutionText {
  const own = templates.procedures[facts.procedureCode] ?? {};
  const pick = (section: keyof typeof sections) =>
    fill((own[section] ?? templates.default[section])[locale], facts);
  return {
    facts: pick('facts'),
    grounds: pick('grounds'),
    decision: pick('decision'),
    remedies: templates.remedies[own.remedies ?? templates.default.remedies]![locale],
  };
}
