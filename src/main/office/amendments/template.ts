import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Locale } from '../../../shared/api/session';
import { resourcesDir } from '../../package-root';
import { TemplateDataError } from '../resolutions/template';

export const defaultAmendmentTemplateFile = join(resourcesDir, 'templates', 'amendments.json');

const localized = z.object({ es: z.string().min(1), 'ca-valencia': z.string().min(1) }).strict();
const templateSchema = z
  .object({ source: z.string(), title: localized, body: localized, extension: localized })
  .strict();
export type AmendmentTemplate = z.infer<typeof templateSchema>;

/** The request's wording is data a city hall edits: a problem names the file and the field. */
export function loadAmendmentTemplate(file: string = defaultAmendmentTemplateFile): AmendmentTemplate {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new TemplateDataError(file, error instanceof Error ? error.message : String(error));
  }
  const parsed = templateSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new TemplateDataError(file, `${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

/** What the request is filled from: the case as the office knows it and the processor's list. */
export interface AmendmentFacts {
  caseNumber: string;
  procedureName: string;
  registryNumber: string;
  missing: string;
  days: number;
  allowsExtension: boolean;
}

/** The request's title and text in `locale`: what is missing, the 10 days, the warning (art. 68.1). */
export function amendmentText(
  template: AmendmentTemplate,
  locale: Locale,
  facts: AmendmentFacts,
): { title: string; text: string } {
  const values: Record<string, string> = {
    procedure: facts.procedureName,
    caseNumber: facts.caseNumber,
    registryNumber: facts.registryNumber,
    days: String(facts.days),
    missing: facts.missing,
    extension: facts.allowsExtension ? template.extension[locale] : '',
  };
  // One pass: a brace the processor typed in the missing items is never read as a placeholder.
  const text = template.body[locale].replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
  return { title: template.title[locale], text };
}
