import { z } from 'zod';
import { caseReaders } from './cases';
import { call } from './define';
import { cardKeySchema } from './signing';
import { signingFailureSchema } from './signing-failure';
import { plainText } from './text';

/**
 * The largest ENI export the desk hands over in one answer (it travels as base64 in JSON): a case
 * file beyond it is refused with `export_too_large`, and is exported with `despacho export`.
 */
export const caseFileExportMaxBytes = 25 * 1024 * 1024;

export const caseFileExportSchema = z.object({
  /** What the renderer offers to save it as: `<case number>_ENI.zip`. */
  fileName: z.string().regex(/^[A-Za-z0-9-]+_ENI\.zip$/),
  size: z.number().int().positive().max(caseFileExportMaxBytes),
  base64: z.string(),
  /** Who signed the index: the office's seal, or the card of the head who exported it. */
  signedWith: z.enum(['seal', 'card']),
});
export type CaseFileExport = z.infer<typeof caseFileExportSchema>;

/** The export, or why the card did not sign its index (a wrong PIN, the card removed…): nothing was exported. */
export const caseFileExportOutcomeSchema = z.union([
  caseFileExportSchema,
  z.object({ failure: signingFailureSchema }).strict(),
]);
export type CaseFileExportOutcome = z.infer<typeof caseFileExportOutcomeSchema>;

/**
 * The ENI export of a closed case (docs/eni-export.md): its documents, their ENI metadata and the
 * case index signed, as a zip. Read where the case is read: by the department's processors and
 * heads; another department's case is `not_found`. The index is sealed with the office's seal, or
 * signed with `card`, the exporting head's own card (a desk call: the card is at the desk).
 */
export const exportsCalls = {
  'exports.caseFile': call(
    z.object({ caseId: plainText({ min: 1, max: 64 }), card: cardKeySchema.optional() }).strict(),
    caseFileExportOutcomeSchema,
    caseReaders,
  ),
} as const;
