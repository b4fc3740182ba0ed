import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ApiError } from '../../../shared/api/errors';
import type { Locale } from '../../../shared/api/session';
import { resourcesDir } from '../../package-root';
import {
  draftResolutionText,
  fill,
  TemplateDataError,
  type DraftFacts,
  type ResolutionTemplates,
  type ResolutionText,
} from '../resolutions/template';

export const defaultCaseworkTemplatesFile = join(resourcesDir, 'templates', 'casework.json');

const localized = z.object({ es: z.string().min(1), 'ca-valencia': z.string().min(1) }).strict();
const withdrawalTemplate = z
  .object({ title: localized, facts: localized, grounds: localized, decision: localized })
  .strict();

const caseworkTemplatesSchema = z
  .object({
    source: z.string(),
    reports: z.record(
      z.string().regex(/^[a-z][a-z0-9-]*$/),
      z.object({ title: localized, body: localized }).strict(),
    ),
    withdrawals: z.object({ applicant: withdrawalTemplate, deemed: withdrawalTemplate }).strict(),
  })
  .strict();

export type CaseworkTemplates = z.infer<typeof caseworkTemplatesSchema>;
export type WithdrawalKind = keyof CaseworkTemplates['withdrawals'];

/** Data a city hall edits, like the resolution templates: a problem names the file and the field. */
export function loadCaseworkTemplates(file: string = defaultCaseworkTemplatesFile): CaseworkTemplates {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new TemplateDataError(file, error instanceof Error ? error.message : String(error));
  }
  const parsed = caseworkTemplatesSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new TemplateDataError(file, `${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

let shipped: CaseworkTemplates | null = null;
/** The shipped templates (resources/templates/casework.json), read once. */
export const caseworkTemplates = (): CaseworkTemplates => (shipped ??= loadCaseworkTemplates());

export function reportDraft(
  templates: CaseworkTemplates,
  templateId: string,
  facts: DraftFacts,
  locale: Locale,
): { title: string; body: string } {
  const template = Object.hasOwn(templates.reports, templateId) ? templates.reports[templateId] : undefined;
  if (!template) throw new ApiError('not_found');
  return {
    title: template.title[locale],
    body: fill(template.body[locale], facts),
  };
}

/** What a withdrawal resolution says beyond the case: dates written out in the document's language. */
export interface WithdrawalFacts {
  registryNumber: string;
  filedOn: string;
  amendmentNotifiedOn: string;
  amendmentTermEndedOn: string;
}

/** The resolution declaring the withdrawal: its title and the four parts of art. 88 (remedies as usual). */
export function withdrawalResolution(
  templates: CaseworkTemplates,
  resolutionTemplates: ResolutionTemplates,
  kind: WithdrawalKind,
  facts: DraftFacts,
  withdrawal: WithdrawalFacts,
  locale: Locale,
): { title: string; text: ResolutionText } {
  const template = templates.withdrawals[kind];
  const own = (section: 'facts' | 'grounds' | 'decision') =>
    template[section][locale]
      .replaceAll('{{withdrawal.registryNumber}}', withdrawal.registryNumber)
      .replaceAll('{{withdrawal.filedOn}}', withdrawal.filedOn)
      .replaceAll('{{amendment.notifiedOn}}', withdrawal.amendmentNotifiedOn)
      .replaceAll('{{amendment.termEndedOn}}', withdrawal.amendmentTermEndedOn);
  const remedies = draftResolutionText(resolutionTemplates, facts, locale).remedies;
  return {
    title: template.title[locale],
    text: {
      facts: fill(own('facts'), facts),
      grounds: fill(own('grounds'), facts),
      decision: fill(own('decision'), facts),
      remedies,
    },
  };
}
