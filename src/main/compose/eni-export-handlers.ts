import type { Handlers } from '../../shared/api/dispatch';
import { ApiError } from '../../shared/api/errors';
import { caseFileExportMaxBytes, type CaseFileExport } from '../../shared/api/exports';
import type { SigningSession } from '../desk/signing-session';
import { parseCaseId } from '../office/cases/rows';
import { EniExportError } from '../office/eni-export/case-file';
import type { Store } from '../office/store/open-store';
import { exportCaseFile } from './eni-export';

export interface EniExportDependencies {
  store: Pick<Store, 'db' | 'documentsDir'>;
  /** Who signs the index from the desk: for now the office's seal (the demo's practice seal). */
  seal: (now: Date) => Promise<SigningSession>;
  now?: () => Date;
  /** The largest zip handed over (base64 in one answer). */
  maxBytes?: number;
}

function apiErrorOf(error: EniExportError): ApiError {
  const { refusal } = error;
  switch (refusal.reason) {
    case 'not_found':
      return new ApiError('not_found');
    case 'open':
      return new ApiError('export_case_open');
    case 'tampered':
      return new ApiError('export_document_changed', { document: refusal.document });
  }
}

/**
 * `exports.caseFile`: the ENI export of one of the department's closed cases, as base64 for the
 * renderer to save. Another department's case is `not_found`; a zip past the cap is refused.
 */
export function eniExportHandlers({
  store,
  seal,
  now = () => new Date(),
  maxBytes = caseFileExportMaxBytes,
}: EniExportDependencies): Pick<Handlers, 'exports.caseFile'> {
  return {
    'exports.caseFile': async ({ caseId }, { actor }) => {
      const id = parseCaseId(caseId);
      if (id === null) throw new ApiError('not_found');
      const at = now();
      let built;
      try {
        built = await exportCaseFile({
          store,
          which: { id, departmentId: actor.departmentId },
          signer: await seal(at),
          now: at,
          actorId: actor.id,
        });
      } catch (error) {
        throw error instanceof EniExportError ? apiErrorOf(error) : error;
      }
      if (built.zip.length > maxBytes)
        throw new ApiError('export_too_large', { limit: Math.floor(maxBytes / (1024 * 1024)) });
      return {
        fileName: `${built.caseNumber}_ENI.zip`,
        size: built.zip.length,
        base64: Buffer.from(built.zip).toString('base64'),
      } satisfies CaseFileExport;
    },
  };
}
